/**
 * {@code greenpack generate}: a seeded synthetic fleet in the canonical schema (DESIGN section 2)
 * with known truth (section 7). Pure Java, no Spark.
 *
 * <p>Entry point: {@link io.greenpack.generate.FleetWriter#generate(GenerateOptions, java.nio.file.Path)}
 * = {@link io.greenpack.generate.FleetPlanner#plan} (the static fleet, deterministic from the seed)
 * + {@link io.greenpack.generate.FleetWriter#write} (streams the samples time-major, memory bounded
 * by the fleet, not by the number of rows).
 *
 * <p>Decisions worth knowing when reading the files:
 * <ul>
 *   <li>Every row describes the interval <em>ending</em> at its timestamp (watts = mean power,
 *       cpu_cores = mean cores busy). Hour of day and weekday patterns use the interval midpoint, UTC.</li>
 *   <li>u = (sum of the host's apps' cpu_cores) / host cores. The sum never exceeds the cores (apps
 *       are scaled down when their noise would), so u is at most 1.</li>
 *   <li>Power truth is per model (all hosts of a model share one curve); meter noise 1.5 % gaussian
 *       on watts, 0.5 % on counter increments; PSU split 50 % +- 1..4 % per host, +-0.4 % noise.</li>
 *   <li>Energy-counter hosts have {@code psu} 1, {@code watts} empty and {@code energy_wh} cumulative
 *       from a random starting value; one counter in the fleet restarts: its row at the reset
 *       timestamp holds only that interval's energy.</li>
 *   <li>Outages are collector outages: no power and no utilization rows for 2 hours; the host ran.</li>
 *   <li>Bad rows in power and the value defects in utilization <em>replace</em> the good row of that
 *       (interval, host[, app instance 1]), so a reader that rejects them sees one missing sample;
 *       unknown-host utilization rows are extra. truth.json lists each with its line number.</li>
 *   <li>Comatose hosts are exactly the hosts without a non-idle app (the planned ones, plus any left
 *       without busy apps in fleets with more hosts than busy apps). A host with no apps has no
 *       utilization rows at all, only power rows.</li>
 *   <li>Classes are unambiguous relative to the host the app runs on: cpu-bound = at least 2 cores at
 *       peak and a CPU share of the host at least ~3x its memory share; memory-bound the reverse
 *       (32-112 GB, under 0.6 cores); io-bound = thousands of IOPS and 100+ MB/s; idle = under
 *       0.05 cores at every sample; balanced = 1-4 cores and memory at the host's own GB per core.</li>
 *   <li>The gzip stream is level 1 with MTIME 0: same options and JDK, same bytes (a different
 *       zlib may compress differently; the decompressed text is the same).</li>
 * </ul>
 */
package io.greenpack.generate;
