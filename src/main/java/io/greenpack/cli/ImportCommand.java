package io.greenpack.cli;

import io.greenpack.importer.CanonicalWriter;
import io.greenpack.importer.ImportFormat;
import io.greenpack.importer.ImportOptions;
import io.greenpack.importer.ImportRun;
import io.greenpack.util.UserError;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Convert what data-centre tools export into a greenpack data directory (hosts.csv, power.csv",
                "and/or utilization.csv) that 'validate' and 'report' read. Prints rows in and out, hosts, apps,",
                "time span and what was skipped and why; IMPORT.md and import.json in DIR say the same."},
        footer = {"", "Examples:",
                "  greenpack import --format perfmon    --in typeperf.csv --out dc1 --host-mem-gb 64",
                "  greenpack import --format ipmitool   --in ipmi-logs/ --out dc1 --host-cores 32 --host-mem-gb 256",
                "      (ipmitool dcmi power reading, also 1.8.19+ 'IPMI timestamp: 07/26/26 16:57:12 CDT', sdr/sensor lines,",
                "       FreeIPMI ipmi-dcmi --get-system-power-statistics and ipmi-sensors)",
                "  greenpack import --format redfish    --in bmc-crawl/ --out dc1 --host-cores 32 --host-mem-gb 256",
                "      (a crawled tree of index.json: host and chassis from the path, MetricReports as time series)",
                "  greenpack import --format prometheus --in prom-export/ --out dc1",
                "  greenpack import --format planetlab  --in planetlab/20110303 --out pl --vms-per-host 8",
                "  greenpack import --format bitbrains  --in fastStorage/2013-8 --out bb --vms-per-host 20",
                "      (provisioned cores and memory go to apps.csv as reserved_cores, reserved_mem_gb)",
                "  greenpack import --format alibaba    --in clusterdata-2018/ --out ali --host-mem-gb 512 --start 2018-01-01T00:00:00Z",
                "      (machine_meta + machine_usage: each machine one app; container_meta + container_usage: apps by app_du)",
                "",
                "Bad rows go to DIR/rejects.csv (file, line, reason) and the import goes on; exit 2 only when nothing",
                "usable is left or a whole file is of the wrong kind. Importing into a folder with other data merges:",
                "  greenpack import --format planetlab --in planetlab/20110303 --out dc1",
                "  greenpack import --format ipmitool  --in ipmi-logs/ --out dc1 --host-cores 32 --host-mem-gb 256",
                "      (keeps utilization.csv, adds power.csv, merges hosts.csv)",
                "  greenpack import --format ipmitool  --in ipmi-logs-new/ --out dc1 --force --host-cores 32 --host-mem-gb 256",
                "      (replaces power.* only and lists each file it replaced or removed)",
                "",
                "Then: greenpack validate --data dc1"})
public final class ImportCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", converter = FormatConverter.class,
            completionCandidates = FormatNames.class,
            description = "Input format: ${COMPLETION-CANDIDATES}.")
    ImportFormat format;

    @Option(names = "--in", required = true, paramLabel = "PATH",
            description = "An export file, or a folder of them (read recursively, in name order; .gz is unpacked).")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Data directory to write (created if missing).")
    Path out;

    @Option(names = "--force", description = {"Replace the files in DIR of the kinds this import writes (power.* or "
            + "utilization.*); each replaced or removed file is listed. Without it such files stop the import.",
            "Files of other kinds are always kept, and hosts.csv and apps.csv are merged (rows that are there stay as they are)."})
    boolean force;

    @Option(names = "--start", paramLabel = "TIME", defaultValue = ImportOptions.DEFAULT_START,
            description = "alibaba: the date and time of the trace's second 0 (the trace has no dates; default: ${DEFAULT-VALUE}).")
    String start;

    @Option(names = "--host-cores", paramLabel = "N",
            description = "Cores of each host the input does not size (ipmitool, redfish, perfmon without per-CPU "
                    + "counters, prometheus without node_cpu_seconds_total; planetlab/bitbrains synthetic hosts).")
    Double hostCores;

    @Option(names = "--host-mem-gb", paramLabel = "N",
            description = "Memory (GB) of each host the input does not size (as --host-cores; perfmon always needs it: "
                    + "its counters do not show total memory).")
    Double hostMemGb;

    @Option(names = "--host", paramLabel = "NAME",
            description = "Host name for ipmitool and redfish input (default: the file name up to its first dot; in a "
                    + "Redfish folder tree it replaces the folder above Chassis).")
    String host;

    @Option(names = "--vms-per-host", paramLabel = "N", defaultValue = "" + ImportOptions.DEFAULT_VMS_PER_HOST,
            description = "planetlab, bitbrains: VMs dealt round-robin onto each synthetic host (default: ${DEFAULT-VALUE}).")
    int vmsPerHost;

    @Option(names = "--vm-cores", paramLabel = "N", defaultValue = "" + ImportOptions.DEFAULT_VM_CORES,
            description = "planetlab: cores of one VM; its CPU %% is of these (default: ${DEFAULT-VALUE}).")
    double vmCores;

    @Option(names = "--vm-mem-gb", paramLabel = "N", defaultValue = "" + ImportOptions.DEFAULT_VM_MEM_GB,
            description = "planetlab: memory of one VM, which the traces lack (default: ${DEFAULT-VALUE}).")
    double vmMemGb;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC",
            description = "ipmitool, redfish: time zone of timestamps that carry none, e.g. Europe/Amsterdam "
                    + "(default: ${DEFAULT-VALUE}).")
    String zone;

    @Option(names = "--time-from-filename", paramLabel = "PATTERN",
            description = "redfish: a java.time pattern that finds the collection time in each file name when the "
                    + "document has none, e.g. yyyyMMdd'T'HHmmss for host01.20261005T100000.json.")
    String timeFromFilename;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        requirePositive(hostCores, "--host-cores");
        requirePositive(hostMemGb, "--host-mem-gb");
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new UserError("--zone " + zone + ": unknown time zone; expected an id like UTC or Europe/Amsterdam");
        }
        ImportOptions options = new ImportOptions(hostCores, hostMemGb, host, vmsPerHost, vmCores, vmMemGb, zoneId,
                timeFromFilename, start(), force);
        CanonicalWriter.ImportSummary s = ImportRun.run(format, in, out, options);
        print(s, o);
        return 0;
    }

    private Instant start() {
        try {
            return OffsetDateTime.parse(start).toInstant();
        } catch (DateTimeParseException e) {
            throw new UserError("--start " + start + ": not a date and time with offset; expected ISO-8601 like 2018-01-01T00:00:00Z");
        }
    }

    private static void requirePositive(Double v, String name) {
        if (v != null && !(v > 0)) {
            throw new UserError(name + " must be a positive number, found " + v);
        }
    }

    private void print(CanonicalWriter.ImportSummary s, PrintWriter o) {
        o.printf("imported %s: %d files, %d records read%n", format.cliName(), s.filesRead(), s.recordsIn());
        o.printf("  power.csv        %s%n", s.written().contains("power.csv") ? s.powerRows() + " rows" : "not written (no power readings)");
        o.printf("  utilization.csv  %s%n", s.written().contains("utilization.csv") ? s.utilizationRows() + " rows" : "not written (no utilization samples)");
        o.printf("  hosts.csv        %d hosts; %d apps%n", s.hosts(), s.apps());
        o.printf("  time span        %s .. %s (UTC)%n", Text.time(s.first()), Text.time(s.last()));
        reasons(o, "rejected (rows in " + out.resolve("rejects.csv") + "):", s.rejected());
        reasons(o, "skipped:", s.skipped());
        for (String n : s.notes()) {
            o.println("note: " + n);
        }
        if (!s.kept().isEmpty()) {
            o.printf("kept %s (other kinds, from an earlier import)%n", String.join(", ", s.kept()));
        }
        if (!s.replaced().isEmpty() || !s.removed().isEmpty()) {
            o.printf("--force: replaced %s; removed %s%n", s.replaced().isEmpty() ? "nothing" : String.join(", ", s.replaced()),
                    s.removed().isEmpty() ? "nothing" : String.join(", ", s.removed()));
        }
        o.printf("wrote %s to %s%n", String.join(", ", s.written()), out);
        o.flush();
    }

    private static void reasons(PrintWriter o, String title, Map<String, CanonicalWriter.Skip> byReason) {
        if (!byReason.isEmpty()) {
            o.println(title);
            byReason.forEach((reason, k) -> o.printf("  %-60s %8d  (first at %s)%n", reason, k.count(), k.firstAt()));
        }
    }

    /** --format names; an unknown one is a usage error listing the allowed names (exit 2). */
    static final class FormatConverter implements CommandLine.ITypeConverter<ImportFormat> {
        @Override
        public ImportFormat convert(String value) {
            try {
                return ImportFormat.parse(value);
            } catch (UserError e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    static final class FormatNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return java.util.Arrays.stream(ImportFormat.values()).map(ImportFormat::cliName).iterator();
        }
    }
}
