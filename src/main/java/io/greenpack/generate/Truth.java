package io.greenpack.generate;

import io.greenpack.generate.FleetPlan.App;
import io.greenpack.generate.FleetPlan.CounterReset;
import io.greenpack.generate.FleetPlan.Host;
import io.greenpack.generate.FleetPlan.Meter;
import io.greenpack.generate.FleetPlan.Outage;
import io.greenpack.generate.FleetWriter.WrittenBadRow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * truth.json: the DESIGN section 7 keys ({@code models}, {@code apps}, {@code comatose_hosts})
 * plus what a test needs to check the analysis against the generator's intent.
 */
final class Truth {
    private Truth() {
    }

    /** What truth.json says about how the files were made, for a reader of the file. */
    private static final List<String> NOTES = List.of(
            "watts = mean power over the interval ending at timestamp; utilization likewise",
            "true power: linear P = idle + (max - idle) u; fan P = idle + (max - idle)(2u - u^r), r = exponent",
            "u = sum of the host's apps' cpu_cores / host cores (capped at 1); meter noise "
                    + FleetWriter.METER_NOISE + " gaussian (relative)",
            "power and utilization bad rows replace the good row of that host (and app) and interval; "
                    + "unknown_host rows are extra",
            "energy_wh is a cumulative counter; at counter_resets it restarts from 0 at the start of that interval",
            "two-PSU hosts have rows psu=1 and psu=2 per timestamp; sum them",
            "outages: neither power nor utilization rows for those intervals (a collector outage; the host ran)");

    /** @param rowsByFile data rows of each power and utilization file, power files first */
    static String json(FleetPlan plan, List<WrittenBadRow> badRows, Map<String, Long> rowsByFile) {
        GenerateOptions o = plan.options();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("models", models(o));
        root.put("apps", apps(plan));
        root.put("comatose_hosts", plan.comatoseHostNames());
        root.put("generator", "greenpack generate");
        root.put("seed", o.seed());
        root.put("flags", flags(o));
        root.put("command", command(o));
        putHosts(root, plan);
        root.put("bad_rows", badRows(badRows, rowsByFile));
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.putAll(rowsByFile);
        root.put("data_rows", counts);
        root.put("notes", NOTES);
        return Json.write(root);
    }

    private static Map<String, Object> models(GenerateOptions o) {
        Map<String, Object> models = new LinkedHashMap<>();
        for (HardwareModel m : o.modelSet().models()) {
            Map<String, Object> mm = new LinkedHashMap<>();
            mm.put("idle_watts", m.idleWatts());
            mm.put("max_watts", m.maxWatts());
            mm.put("exponent", m.exponent());
            mm.put("family", m.family());
            mm.put("nameplate_idle_watts", m.nameplateIdleWatts());
            mm.put("nameplate_max_watts", m.nameplateMaxWatts());
            mm.put("cores", m.cores());
            mm.put("mem_gb", m.memGb());
            models.put(m.name(), mm);
        }
        return models;
    }

    private static Map<String, Object> apps(FleetPlan plan) {
        Map<String, Object> apps = new LinkedHashMap<>();
        for (App a : plan.apps()) {
            Map<String, Object> am = new LinkedHashMap<>();
            am.put("class", a.appClass().label());
            am.put("host", plan.hosts().get(a.hostIndex()).name());
            am.put("instances", a.instances());
            am.put("peak_cpu_cores", a.peakCpuCores());
            am.put("peak_mem_gb", a.peakMemGb());
            am.put("peak_hour_utc", a.peakHour());
            am.put("weekend_factor", a.weekendFactor());
            am.put("group", a.group().isEmpty() ? null : a.group());
            apps.put(a.name(), am);
        }
        return apps;
    }

    private static Map<String, Object> flags(GenerateOptions o) {
        Map<String, Object> flags = new LinkedHashMap<>();
        flags.put("hosts", o.hosts());
        flags.put("apps", o.apps());
        flags.put("days", o.days());
        flags.put("interval_minutes", o.intervalMinutes());
        flags.put("start", o.start().toString());
        flags.put("format", o.compress() ? "csv.gz" : "csv");
        flags.put("model_set", o.modelSet().id());
        flags.put("files", o.files());
        return flags;
    }

    /** hosts, energy_counter_hosts, counter_resets, dual_psu_hosts and outages, in that order. */
    private static void putHosts(Map<String, Object> root, FleetPlan plan) {
        Map<String, Object> hosts = new LinkedHashMap<>();
        List<String> counterHosts = new ArrayList<>();
        List<String> dualPsu = new ArrayList<>();
        for (Host h : plan.hosts()) {
            Map<String, Object> hm = new LinkedHashMap<>();
            hm.put("model", h.model().name());
            hm.put("target_peak_util", h.targetPeakUtil());
            hm.put("psus", h.psus());
            hm.put("meter", h.meter() == Meter.ENERGY_COUNTER ? "energy_wh" : "watts");
            hm.put("source", h.source());
            hm.put("comatose", h.comatose());
            hosts.put(h.name(), hm);
            if (h.meter() == Meter.ENERGY_COUNTER) {
                counterHosts.add(h.name());
            }
            if (h.psus() == 2) {
                dualPsu.add(h.name());
            }
        }
        root.put("hosts", hosts);
        root.put("energy_counter_hosts", counterHosts);
        root.put("counter_resets", counterResets(plan));
        root.put("dual_psu_hosts", dualPsu);
        root.put("outages", outages(plan));
    }

    private static List<Object> counterResets(FleetPlan plan) {
        List<Object> resets = new ArrayList<>();
        for (CounterReset r : plan.counterResets()) {
            Map<String, Object> rm = new LinkedHashMap<>();
            rm.put("host", plan.hosts().get(r.hostIndex()).name());
            rm.put("timestamp", stamp(plan.options(), r.interval()));
            resets.add(rm);
        }
        return resets;
    }

    private static List<Object> outages(FleetPlan plan) {
        List<Object> outages = new ArrayList<>();
        for (Outage g : plan.outages()) {
            Map<String, Object> gm = new LinkedHashMap<>();
            gm.put("host", plan.hosts().get(g.hostIndex()).name());
            gm.put("first_missing", stamp(plan.options(), g.fromInterval()));
            gm.put("last_missing", stamp(plan.options(), g.toInterval() - 1));
            gm.put("intervals", g.toInterval() - g.fromInterval());
            outages.add(gm);
        }
        return outages;
    }

    /** Per data file: total, count by reason and every injected bad row with its line. */
    private static Map<String, Object> badRows(List<WrittenBadRow> badRows, Map<String, Long> rowsByFile) {
        Map<String, Object> bad = new LinkedHashMap<>();
        for (String file : rowsByFile.keySet()) {
            Map<String, Object> fm = new LinkedHashMap<>();
            Map<String, Object> byReason = new TreeMap<>();
            List<Object> rows = new ArrayList<>();
            for (WrittenBadRow b : badRows) {
                if (!b.file().equals(file)) {
                    continue;
                }
                byReason.merge(b.reason(), 1, (x, y) -> (Integer) x + (Integer) y);
                Map<String, Object> rm = new LinkedHashMap<>();
                rm.put("line", b.line());
                rm.put("reason", b.reason());
                rm.put("host", b.host());
                if (!b.app().isEmpty()) {
                    rm.put("app", b.app());
                }
                rm.put("timestamp", b.timestamp());
                rows.add(rm);
            }
            fm.put("total", rows.size());
            fm.put("by_reason", byReason);
            fm.put("rows", rows);
            bad.put(file, fm);
        }
        return bad;
    }

    private static String stamp(GenerateOptions o, int interval) {
        return Instant.ofEpochSecond(o.start().getEpochSecond() + (interval + 1L) * o.intervalMinutes() * 60L).toString();
    }

    static String command(GenerateOptions o) {
        return "greenpack generate --out DIR --hosts " + o.hosts() + " --apps " + o.apps() + " --days " + o.days()
                + " --interval-minutes " + o.intervalMinutes() + " --seed " + o.seed() + " --start " + o.start()
                + " --format " + (o.compress() ? "csv.gz" : "csv") + " --model-set " + o.modelSet().id() + (o.files() > 1 ? " --files " + o.files() : "");
    }
}
