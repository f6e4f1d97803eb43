package io.greenpack.importer;

import io.greenpack.util.UserError;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * PlanetLab traces as CloudSim ships them (cloudsim/examples/workload/planetlab): a folder per
 * day named like {@code 20110303}, one file per VM, one integer CPU utilisation in percent per
 * line, a line every 5 minutes from midnight UTC (288 lines a day).
 *
 * <p>Mapping: cpu_cores = value / 100 × --vm-cores (the % is of the VM's own CPU); mem_gb =
 * --vm-mem-gb for every sample (the traces have no memory; the default is documented in
 * {@link ImportOptions}). VMs become apps on synthetic hosts ({@link VmTraceFleet}). No power.
 */
final class PlanetLabImporter implements Importer {
    static final long STEP_SECONDS = 300;
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private VmTraceFleet fleet;

    @Override
    public void prepare(List<Path> files, ImportOptions options, CanonicalWriter out) {
        fleet = new VmTraceFleet("pl", files, options);
    }

    @Override
    public void convert(Path file, ImportOptions options, CanonicalWriter out) {
        Instant day = dayOf(file);
        String vm = VmTraceFleet.vmName(file);
        String host = fleet.hostOf(vm);
        fleet.provisioned(vm, options.vmCores(), options.vmMemGb());
        try (ExportLines in = ExportLines.open(file)) {
            long sample = 0;
            for (String line = in.next(); line != null; line = in.next()) {
                if (line.isBlank()) {
                    out.skip("blank line", in.where());
                    continue;
                }
                out.recordsIn(1);
                Instant ts = day.plusSeconds(STEP_SECONDS * sample++);
                try {
                    double pct = percent(in, line);
                    out.utilization(ts, host, vm, "", pct / 100.0 * options.vmCores(), options.vmMemGb(), null, null);
                } catch (RowRejected r) {
                    out.reject(in, r);
                }
            }
        }
    }

    /** The line's CPU %; a line that is no number in 0..100, or the last line cut short, is rejected. */
    private static double percent(ExportLines in, String line) {
        in.requireLineEnd();
        Double pct = ExportText.number(line);
        if (pct == null) {
            throw in.reject("not a number", "found " + ExportText.shown(line.trim()) + ", expected one CPU utilisation in percent (0..100) per line");
        }
        if (pct < 0 || pct > 100) {
            throw in.reject("CPU % outside 0..100", "CPU utilisation " + line.trim() + " % is outside 0..100");
        }
        return pct;
    }

    /** The day from the folder name, as the PlanetLab trace folders are named. */
    private static Instant dayOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        String name = parent == null ? "" : parent.getFileName().toString();
        try {
            return LocalDate.parse(name, DAY).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new UserError(file + ": the folder name " + ExportText.shown(name)
                    + " is not a date; expected PlanetLab day folders named like 20110303 holding one file per VM");
        }
    }

    @Override
    public void finish(ImportOptions options, CanonicalWriter out) {
        fleet.declareHosts(options, out);
        out.note("PlanetLab: sample i of a day is at midnight UTC + 5 min x i; cpu_cores = % / 100 x --vm-cores ("
                + options.vmCores() + "); memory is not in the traces: every VM uses --vm-mem-gb (" + options.vmMemGb() + " GB).");
    }
}
