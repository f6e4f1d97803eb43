/**
 * {@code greenpack import}: converters from what data-centre tools export to the canonical data
 * directory of DESIGN §2. Pure Java, no Spark; each format is one {@link io.greenpack.importer.Importer}
 * and all of them write through {@link io.greenpack.importer.CanonicalWriter}, which streams rows
 * to temporary files in the output directory, writes hosts.csv, IMPORT.md and import.json, and
 * moves everything into place only when the whole input converted (a failed import changes nothing).
 * A bad row goes to the output folder's rejects.csv and the import goes on ({@link
 * io.greenpack.importer.RowRejected}); a folder that already holds data is merged into by the rules
 * of {@link io.greenpack.importer.OutputFolder}.
 *
 * <p>What each format produces (import.json says the same in {@code has_power}/{@code has_utilization}):
 * <pre>
 * format      power.csv                     utilization.csv          hosts sized by
 * perfmon     only with Power Meter counter yes                      Processor(N) count, --host-cores/--host-mem-gb
 * ipmitool    yes (watts)                   no                       --host-cores/--host-mem-gb
 * redfish     yes (watts or energy_wh)      no                       --host-cores/--host-mem-gb
 * prometheus  with energy series            with CPU+memory series   node_cpu cpu labels, MemTotal, or the options
 * planetlab   no                            yes                      sum of VMs (--vm-cores/--vm-mem-gb) or the options
 * bitbrains   no                            yes (+ apps.csv reservations) sum of VMs' provisioned cores/memory or the options
 * alibaba     no                            yes (+ apps.csv with containers) machine_meta cpu_num, mem_size x --host-mem-gb
 * </pre>
 *
 * <p>Decisions: timestamps are written as ISO-8601 UTC; disk_mbps is megabytes per second and
 * net_mbps megabits per second; hosts without a known model are {@code unknown-<cores>c};
 * energy counters are written raw (cumulative energy_wh) so that ingest's reset and wrap
 * detection applies; input names reach CSV only through {@link io.greenpack.csv.CsvWriter}.
 * A bad file (wrong header, not the format) is a {@link io.greenpack.util.UserError} naming file, line and column or JSON field;
 * input that is legal but not usable (blank typeperf cells, _Total/Idle processes, NaN samples,
 * the first point of a counter) is skipped and counted with the place it was first seen.
 */
package io.greenpack.importer;
