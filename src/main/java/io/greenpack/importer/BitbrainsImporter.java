package io.greenpack.importer;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Bitbrains GWA-T-12 (fastStorage, Rnd): one file per VM, rows separated by ";\t" (the trace
 * description at gwa.ewi.tudelft.nl/datasets/gwa-t-12-bitbrains). The header says
 * "Timestamp [ms]", but the published files hold epoch seconds: the unit is told by magnitude.
 *
 * <p>Mapping: cpu_cores = CPU usage [%] / 100 × CPU cores; mem_gb = Memory usage [KB] / 1024²;
 * disk_mbps = (read + write) [KB/s] / 1024 (megabytes per second); net_mbps = (received +
 * transmitted) [KB/s] × 8 / 1024 (megabits per second). VMs become apps on synthetic hosts
 * ({@link VmTraceFleet}). The traces have no power readings.
 *
 * <p>What each VM was given (CPU cores, Memory capacity provisioned, the largest value in its
 * file) goes to apps.csv as reserved_cores and reserved_mem_gb: the gap between what a VM was
 * given and what it used is the sprawl the report shows, and showback charges reservations.
 * A bad row (a field that is no number, a negative value, a cut last line) goes to rejects.csv.
 */
final class BitbrainsImporter implements Importer {
    static final List<String> HEADER = List.of("Timestamp [ms]", "CPU cores", "CPU capacity provisioned [MHZ]",
            "CPU usage [MHZ]", "CPU usage [%]", "Memory capacity provisioned [KB]", "Memory usage [KB]",
            "Disk read throughput [KB/s]", "Disk write throughput [KB/s]", "Network received throughput [KB/s]",
            "Network transmitted throughput [KB/s]");
    private static final int TS = 0, CORES = 1, CPU_PCT = 4, MEM_PROV_KB = 5, MEM_KB = 6, DISK_R = 7, DISK_W = 8,
            NET_RX = 9, NET_TX = 10;
    /** Epoch milliseconds exceed 1e11 for every date after 1973; seconds stay below it until 5138. */
    private static final double MILLIS_ABOVE = 1e11;

    private VmTraceFleet fleet;

    @Override
    public void prepare(List<Path> files, ImportOptions options, CanonicalWriter out) {
        fleet = new VmTraceFleet("bb", files, options);
    }

    @Override
    public void convert(Path file, ImportOptions options, CanonicalWriter out) {
        String vm = VmTraceFleet.vmName(file);
        String host = fleet.hostOf(vm);
        try (ExportLines in = ExportLines.open(file)) {
            String header = in.next();
            if (header == null) {
                throw new io.greenpack.util.UserError(file + ": the file is empty; expected the GWA-T-12 header '"
                        + String.join(";\t", HEADER) + "'");
            }
            checkHeader(in, header);
            for (String line = in.next(); line != null; line = in.next()) {
                if (line.isBlank()) {
                    continue;
                }
                out.recordsIn(1);
                try {
                    row(in, line, vm, host, out);
                } catch (RowRejected r) {
                    out.reject(in, r);
                }
            }
        }
    }

    /** One data row: every field a non-negative number, else the row is rejected naming the column. */
    private void row(ExportLines in, String line, String vm, String host, CanonicalWriter out) {
        in.requireLineEnd();
        String[] cells = line.split(";", -1);
        if (cells.length != HEADER.size()) {
            throw in.reject("wrong number of fields", "found " + cells.length + " fields, expected " + HEADER.size()
                    + " separated by ';' (as in the header)");
        }
        double[] v = new double[HEADER.size()];
        for (int i = 0; i < v.length; i++) {
            Double d = ExportText.number(cells[i]);
            if (d == null) {
                throw in.reject(i + 1, "not a number", "'" + HEADER.get(i) + "' is " + ExportText.shown(cells[i].trim())
                        + ", expected a number");
            }
            if (d < 0) {
                throw in.reject(i + 1, "negative value", "'" + HEADER.get(i) + "' is negative (" + d + "), expected >= 0");
            }
            v[i] = d;
        }
        Instant ts = v[TS] >= MILLIS_ABOVE ? Instant.ofEpochMilli((long) v[TS]) : Instant.ofEpochSecond((long) v[TS]);
        double cores = v[CORES];
        double memProvisionedGb = v[MEM_PROV_KB] / ExportText.KB_PER_GB;
        fleet.provisioned(vm, cores, memProvisionedGb);
        out.reserved(vm, cores, memProvisionedGb);
        double cpuCores = v[CPU_PCT] / 100.0 * cores;
        out.utilization(ts, host, vm, "", cpuCores, v[MEM_KB] / ExportText.KB_PER_GB,
                (v[DISK_R] + v[DISK_W]) / 1024.0, (v[NET_RX] + v[NET_TX]) * 8 / 1024.0);
    }

    private static void checkHeader(ExportLines in, String header) {
        String[] names = header.split(";", -1);
        for (int i = 0; i < HEADER.size(); i++) {
            String found = i < names.length ? names[i].trim() : null;
            if (found == null || !found.equalsIgnoreCase(HEADER.get(i))) {
                throw in.error(i + 1, "header field is " + ExportText.shown(found) + ", expected '" + HEADER.get(i)
                        + "' (a Bitbrains GWA-T-12 file starts with '" + String.join(";\t", HEADER) + "')");
            }
        }
        if (names.length > HEADER.size()) {
            throw in.error(HEADER.size() + 1, "unexpected extra header field " + ExportText.shown(names[HEADER.size()].trim()));
        }
    }

    @Override
    public void finish(ImportOptions options, CanonicalWriter out) {
        fleet.declareHosts(options, out);
        out.note("Bitbrains: cpu_cores = CPU usage [%] / 100 x CPU cores; mem_gb = Memory usage [KB] / 1024^2; "
                + "disk_mbps in megabytes/s, net_mbps in megabits/s; timestamps read as epoch seconds or milliseconds by size.");
    }
}
