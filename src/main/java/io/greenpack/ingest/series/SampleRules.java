package io.greenpack.ingest.series;

import io.greenpack.ingest.files.InputFile;
import io.greenpack.ingest.files.InputKind;
import io.greenpack.ingest.read.CellValues;
import io.greenpack.ingest.read.Cells;
import io.greenpack.ingest.read.RawReader;
import io.greenpack.util.UserError;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The checks every power or utilization row goes through, in plain Java (DESIGN §2 "Bad input"):
 * the first failed check is the row's reason (a short category counted in summaries) and its
 * detail names the offending value (shown in rejects.csv). A good row becomes a {@link Sample}.
 */
final class SampleRules implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Samples before this instant are rejected as "before 1990": a clock that was never set. */
    static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");
    /** Above this a single host reading is a meter fault, not a server (50 kW). */
    static final double MAX_PLAUSIBLE_WATTS = 50_000;
    private static final double SLACK = 1.05; // meters overshoot a little; more than 5 % is a bad row
    static final List<String> OPTIONAL = List.of("disk_iops", "disk_mbps", "net_mbps", "gpu_pct");

    /** A good row: its series (host + psu, or host + app + instance), time and values. */
    static final class Sample {
        String host;
        String key1;
        String key2;
        long micros;
        final double[] values;

        Sample(int values) {
            this.values = new double[values];
        }
    }

    private final boolean power;
    private final Map<String, double[]> hosts; // host -> cores, sockets, mem_gb
    private final long nowMicros;
    private final long earliestMicros;
    private final String zone;
    private final int ts;
    private final int host;
    private final int key1;
    private final int key2;
    // power
    private final int watts;
    private final int energy;
    private final String energyName;
    private final double energyFactor;
    // utilization
    private final int cpu;
    private final int cores;
    private final int pct;
    private final String cpuName;
    private final boolean usesCores;
    private final int mem;
    private final String memName;
    private final double memFactor;
    private final int[] optional;

    // what the last check found
    String reason;
    String detail;
    private transient String lastTsText;
    private transient long lastTs;
    private transient ZoneId zoneId;
    private transient String lastHost;
    private transient double[] lastFacts;

    SampleRules(InputFile file, List<String> columns, Map<String, double[]> hosts, Instant now, String zone) {
        this.power = file.kind() == InputKind.POWER;
        this.hosts = hosts;
        this.nowMicros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
        this.earliestMicros = EARLIEST.getEpochSecond() * 1_000_000L;
        this.zone = zone;
        ts = columns.indexOf("timestamp");
        host = columns.indexOf("host");
        if (power) {
            key1 = columns.indexOf("psu");
            key2 = -1;
            watts = columns.indexOf("watts");
            String e = columns.contains("energy_wh") ? "energy_wh" : columns.contains("energy_kwh") ? "energy_kwh" : null;
            if (watts < 0 && e == null) {
                String hint = columns.stream()
                        .filter(c -> c.startsWith("power") || c.startsWith("energy") || c.startsWith("watt") || c.endsWith("kw"))
                        .findFirst().map(c -> "; column '" + c + "' has a unit greenpack does not know").orElse("");
                throw new UserError(file.path() + ": no power column: expected 'watts', 'energy_wh' or 'energy_kwh'"
                        + hint + " (found columns: " + RawReader.shown(columns) + ")");
            }
            energy = e == null ? -1 : columns.indexOf(e);
            energyName = String.valueOf(e);
            energyFactor = "energy_kwh".equals(e) ? 1000.0 : 1.0;
            cpu = cores = pct = mem = -1;
            cpuName = memName = null;
            usesCores = false;
            memFactor = 1;
            optional = new int[0];
        } else {
            key1 = columns.indexOf("app");
            key2 = columns.indexOf("instance");
            watts = energy = -1;
            energyName = null;
            energyFactor = 1;
            if (!columns.contains("cpu_cores") && !columns.contains("cpu_pct")) {
                throw new UserError(file.path() + ": missing column 'cpu_cores' (or 'cpu_pct'); found columns: "
                        + RawReader.shown(columns));
            }
            if (!columns.contains("mem_gb") && !columns.contains("mem_mb")) {
                throw new UserError(file.path() + ": missing column 'mem_gb' (or 'mem_mb'); found columns: "
                        + RawReader.shown(columns));
            }
            usesCores = columns.contains("cpu_cores");
            cpuName = usesCores ? "cpu_cores" : "cpu_pct";
            cpu = columns.indexOf(cpuName);
            cores = columns.indexOf("cpu_cores");
            pct = columns.indexOf("cpu_pct");
            memName = columns.contains("mem_gb") ? "mem_gb" : "mem_mb";
            mem = columns.indexOf(memName);
            memFactor = memName.equals("mem_gb") ? 1.0 : 1.0 / 1024.0;
            optional = new int[OPTIONAL.size()];
            for (int i = 0; i < optional.length; i++) {
                optional[i] = columns.indexOf(OPTIONAL.get(i));
            }
        }
    }

    boolean power() {
        return power;
    }

    /** CellValues per sample: watts, energy_wh (power) or the utilization columns (see {@link UtilizationIngest}). */
    int values() {
        return power ? 2 : 2 + OPTIONAL.size();
    }

    /**
     * Checks one row: true and {@code out} filled when it is good; false with {@link #reason} and
     * {@link #detail} set when not.
     */
    boolean check(Cells row, Sample out) {
        reason = row.problem();
        if (reason != null) {
            detail = row.problemDetail();
            return false;
        }
        if (!row.present(ts)) {
            return fail("missing timestamp", "timestamp is empty");
        }
        long t = timestamp(row);
        if (t == CellValues.NO_TS) {
            return fail("unreadable timestamp", shown("timestamp", row.text(ts)));
        }
        if (t < earliestMicros) {
            return fail("timestamp before 1990", shown("timestamp", row.text(ts)));
        }
        if (t > nowMicros) {
            return fail("timestamp in the future", shown("timestamp", row.text(ts)));
        }
        String h = row.text(host);
        if (h == null) {
            return fail("missing host", "host is empty");
        }
        double[] facts;
        if (h == lastHost) { // the readers hand out one String per distinct host
            facts = lastFacts;
        } else {
            facts = hosts.get(h);
            lastHost = h;
            lastFacts = facts;
        }
        if (facts == null) {
            return fail("unknown host", shown("host", h));
        }
        out.host = h;
        out.micros = t;
        return power ? checkPower(row, out) : checkUtilization(row, out, facts);
    }

    private long timestamp(Cells row) {
        long nativeTs = row.nativeTimestamp(ts);
        if (nativeTs != CellValues.NO_TS) {
            return nativeTs;
        }
        if (lastTsText != null && row.textEquals(ts, lastTsText)) {
            return lastTs;
        }
        if (zoneId == null) {
            zoneId = ZoneId.of(zone);
        }
        lastTsText = row.text(ts);
        lastTs = CellValues.timestamp(lastTsText, zoneId);
        return lastTs;
    }

    private boolean checkPower(Cells row, Sample out) {
        boolean wattsGiven = row.present(watts);
        boolean energyGiven = row.present(energy);
        if (!wattsGiven && !energyGiven) {
            return fail("no watts or energy value", "watts and energy are both empty");
        }
        double w = row.number(watts);
        double e = row.number(energy) * energyFactor;
        if (wattsGiven) {
            if (Double.isNaN(w)) {
                return fail("watts not a number", shown("watts", row.text(watts)));
            }
            if (w < 0) {
                return fail("negative watts", shown("watts", CellValues.shown(w)));
            }
            if (w > MAX_PLAUSIBLE_WATTS) {
                return fail("watts implausibly high", shown("watts", CellValues.shown(w)));
            }
            e = Double.NaN;
        } else {
            if (Double.isNaN(e)) {
                return fail("energy not a number", shown(energyName, row.text(energy)));
            }
            if (e < 0) {
                return fail("negative energy counter", shown(energyName, row.text(energy)));
            }
            w = Double.NaN;
        }
        String psu = row.text(key1);
        out.key1 = psu == null ? "" : psu;
        out.key2 = "";
        out.values[0] = w;
        out.values[1] = e;
        return true;
    }

    private boolean checkUtilization(Cells row, Sample out, double[] facts) {
        String app = row.text(key1);
        if (app == null) {
            return fail("missing app", "app is empty");
        }
        if (!row.present(cpu) && !row.present(pct)) {
            return fail("missing cpu", "cpu_cores/cpu_pct is empty");
        }
        double p = row.number(pct);
        if (p > facts[1] * 100) {
            return fail("cpu_pct above 100 x sockets", shown("cpu_pct", CellValues.shown(p)));
        }
        // An unreadable cpu_pct must not become 100 % of the host: NaN stays NaN.
        double pctCores = Math.min(p, 100.0) / 100.0 * facts[0];
        double c = usesCores ? row.number(cores) : pctCores;
        if (usesCores && Double.isNaN(c)) {
            c = pctCores;
        }
        if (Double.isNaN(c)) {
            String text = row.text(cpu);
            return fail("cpu not a number", text == null ? null : shown(cpuName, text));
        }
        if (c < 0) {
            return fail("negative cpu", shown("cpu_cores", CellValues.shown(c)));
        }
        if (c > facts[0] * SLACK) {
            return fail("cpu above host cores", shown("cpu_cores", CellValues.shown(c)) + " on a host with "
                    + CellValues.shown(facts[0]) + " cores");
        }
        // The value first: an empty cell reads as NaN, so presence is asked only of a NaN.
        double m = row.number(mem) * memFactor;
        if (Double.isNaN(m)) {
            return row.present(mem) ? fail("memory not a number", shown(memName, row.text(mem)))
                    : fail("missing memory", memName + " is empty");
        }
        if (m < 0) {
            return fail("negative memory", shown(memName, row.text(mem)));
        }
        if (m > facts[2] * SLACK) {
            return fail("memory above host memory", shown("mem_gb", CellValues.shown(m)) + " on a host with "
                    + CellValues.shown(facts[2]) + " GB");
        }
        out.values[0] = c;
        out.values[1] = m;
        for (int i = 0; i < optional.length; i++) {
            double v = row.number(optional[i]);
            if ((Double.isNaN(v) || v < 0) && optional[i] >= 0 && row.present(optional[i])) {
                return fail(OPTIONAL.get(i) + " not a non-negative number", shown(OPTIONAL.get(i), row.text(optional[i])));
            }
            out.values[2 + i] = v;
        }
        String instance = row.text(key2);
        out.key1 = app;
        out.key2 = instance == null ? "" : instance;
        return true;
    }

    private boolean fail(String why, String what) {
        reason = why;
        detail = what;
        return false;
    }

    private static String shown(String column, String value) {
        return column + " = '" + value + "'";
    }
}
