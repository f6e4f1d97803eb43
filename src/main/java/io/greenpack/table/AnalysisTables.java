package io.greenpack.table;

import io.greenpack.correlate.AnalysisResult;
import io.greenpack.correlate.AppEnergy;
import io.greenpack.model.AppUsage;
import io.greenpack.correlate.HostEfficiency;
import io.greenpack.correlate.OwnerShowback;
import io.greenpack.correlate.PowerFamily;
import io.greenpack.correlate.PowerModel;
import io.greenpack.ingest.catalog.AppInfo;
import io.greenpack.model.AppDemandVector;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The analysis result tables of DESIGN §7 (names and first columns are a contract with notebooks
 * and other tools; more columns are allowed). Fractions stay fractions in [0,1]; energies are kWh.
 */
public final class AnalysisTables {
    private AnalysisTables() {
    }

    /** power_models, host_efficiency, app_energy, showback, app_demand — in that order. */
    public static Map<String, Table> all(AnalysisResult r, Map<String, AppInfo> apps) {
        Map<String, Table> t = new LinkedHashMap<>();
        t.put("power_models", powerModels(r));
        t.put("host_efficiency", hostEfficiency(r));
        t.put("app_energy", appEnergy(r));
        t.put("showback", showback(r));
        t.put("app_demand", appDemand(r, apps));
        return t;
    }

    public static Table powerModels(AnalysisResult r) {
        StringColumn model = StringColumn.create("model");
        StringColumn family = StringColumn.create("family");
        DoubleColumn idle = DoubleColumn.create("idle_watts");
        DoubleColumn max = DoubleColumn.create("max_watts");
        DoubleColumn exp = DoubleColumn.create("exponent");
        DoubleColumn mape = DoubleColumn.create("mape");
        DoubleColumn r2 = DoubleColumn.create("r2");
        LongColumn samples = LongColumn.create("samples");
        DoubleColumn[] w = new DoubleColumn[11];
        for (int i = 0; i < w.length; i++) {
            w[i] = DoubleColumn.create("w" + 10 * i);
        }
        StringColumn source = StringColumn.create("source");
        DoubleColumn cvLin = DoubleColumn.create("cv_mape_linear");
        DoubleColumn cvFan = DoubleColumn.create("cv_mape_fan");
        DoubleColumn cvPw = DoubleColumn.create("cv_mape_piecewise");
        DoubleColumn p5 = DoubleColumn.create("util_p5");
        DoubleColumn p95 = DoubleColumn.create("util_p95");
        DoubleColumn ep = DoubleColumn.create("ep");
        StringColumn reason = StringColumn.create("reason");
        for (PowerModel m : r.powerModels().values().stream().sorted(java.util.Comparator.comparing(PowerModel::model)).toList()) {
            model.append(m.model());
            family.append(m.family().key());
            idle.append(m.idleWatts());
            max.append(m.maxWatts());
            exp.append(m.family() == PowerFamily.FAN ? m.curve().exponent() : Double.NaN);
            mape.append(m.mape());
            r2.append(m.r2());
            samples.append(m.samples());
            double[] pts = m.curve().elevenPoints();
            for (int i = 0; i < w.length; i++) {
                w[i].append(pts[i]);
            }
            source.append(m.source());
            cvLin.append(m.cvMape().getOrDefault(PowerFamily.LINEAR, Double.NaN));
            cvFan.append(m.cvMape().getOrDefault(PowerFamily.FAN, Double.NaN));
            cvPw.append(m.cvMape().getOrDefault(PowerFamily.PIECEWISE, Double.NaN));
            p5.append(m.uP5());
            p95.append(m.uP95());
            ep.append(m.curve().energyProportionality());
            reason.append(m.reason());
        }
        Table t = Table.create("power_models", model, family, idle, max, exp, mape, r2, samples);
        t.addColumns(w);
        t.addColumns(source, cvLin, cvFan, cvPw, p5, p95, ep, reason);
        return t;
    }

    public static Table hostEfficiency(AnalysisResult r) {
        Table t = Table.create("host_efficiency", StringColumn.create("host"), StringColumn.create("model"),
                DoubleColumn.create("mean_util"), DoubleColumn.create("p95_util"), DoubleColumn.create("kwh"),
                DoubleColumn.create("idle_kwh"), DoubleColumn.create("idle_share"), DoubleColumn.create("ep"),
                DoubleColumn.create("core_hours_per_kwh"), BooleanColumn.create("comatose"),
                DoubleColumn.create("idle_waste_kwh"), DoubleColumn.create("facility_kwh"), DoubleColumn.create("cost"),
                DoubleColumn.create("co2e_kg"), LongColumn.create("intervals"),
                StringColumn.create("power"), StringColumn.create("flag"));
        for (HostEfficiency h : r.hosts()) {
            t.stringColumn(0).append(h.host());
            t.stringColumn(1).append(h.model());
            t.doubleColumn(2).append(h.meanUtil());
            t.doubleColumn(3).append(h.p95Util());
            t.doubleColumn(4).append(h.kwh());
            t.doubleColumn(5).append(h.idleKwh());
            t.doubleColumn(6).append(h.idleShare());
            t.doubleColumn(7).append(h.ep());
            t.doubleColumn(8).append(h.coreHoursPerKwh());
            t.booleanColumn(9).append(h.comatose());
            t.doubleColumn(10).append(h.idleWasteKwh());
            t.doubleColumn(11).append(h.facilityKwh());
            t.doubleColumn(12).append(h.cost());
            t.doubleColumn(13).append(h.co2eKg());
            t.longColumn(14).append(h.intervals());
            t.stringColumn(15).append(h.power());
            t.stringColumn(16).append(h.flag());
        }
        return t;
    }

    public static Table appEnergy(AnalysisResult r) {
        Table t = Table.create("app_energy", StringColumn.create("app"), StringColumn.create("host"),
                DoubleColumn.create("kwh"), DoubleColumn.create("dynamic_kwh"), DoubleColumn.create("idle_kwh"),
                DoubleColumn.create("cost"), DoubleColumn.create("co2e_kg"), StringColumn.create("class"),
                StringColumn.create("virt_verdict"), StringColumn.create("reason"));
        for (AppEnergy e : r.appEnergy()) {
            t.stringColumn(0).append(e.app());
            t.stringColumn(1).append(e.host());
            t.doubleColumn(2).append(e.kwh());
            t.doubleColumn(3).append(e.dynamicKwh());
            t.doubleColumn(4).append(e.idleKwh());
            t.doubleColumn(5).append(e.cost());
            t.doubleColumn(6).append(e.co2eKg());
            t.stringColumn(7).append(e.appClass());
            t.stringColumn(8).append(e.virtVerdict());
            t.stringColumn(9).append(e.reason());
        }
        return t;
    }

    public static Table showback(AnalysisResult r) {
        Table t = Table.create("showback", StringColumn.create("owner"), DoubleColumn.create("kwh"),
                DoubleColumn.create("cost"), DoubleColumn.create("co2e_kg"), DoubleColumn.create("reserved_cores"),
                DoubleColumn.create("used_cores_p95"), DoubleColumn.create("reserved_mem_gb"),
                DoubleColumn.create("used_mem_gb_p95"), IntColumn.create("apps"));
        for (OwnerShowback s : r.showback()) {
            t.stringColumn(0).append(s.owner());
            t.doubleColumn(1).append(s.kwh());
            t.doubleColumn(2).append(s.cost());
            t.doubleColumn(3).append(s.co2eKg());
            t.doubleColumn(4).append(s.reservedCores());
            t.doubleColumn(5).append(s.usedCoresP95());
            t.doubleColumn(6).append(s.reservedMemGb());
            t.doubleColumn(7).append(s.usedMemGbP95());
            t.intColumn(8).append(s.apps());
        }
        return t;
    }

    /** One row per app and host; hourly vectors as 24 columns each when hourly sizing is on. */
    public static Table appDemand(AnalysisResult r, Map<String, AppInfo> apps) {
        Map<String, AppUsage> usage = new LinkedHashMap<>();
        r.usage().forEach(u -> usage.put(u.app() + "\u0000" + u.host(), u));
        boolean hourly = r.demand().stream().anyMatch(d -> d.hourlyCpuCores() != null);
        Table t = Table.create("app_demand", StringColumn.create("id"), StringColumn.create("app"),
                StringColumn.create("host"), DoubleColumn.create("percentile"), DoubleColumn.create("cpu_cores"),
                DoubleColumn.create("mem_gb"), DoubleColumn.create("p95_cpu_cores"), DoubleColumn.create("p95_mem_gb"),
                DoubleColumn.create("mean_cpu_cores"), DoubleColumn.create("p95_disk_iops"), DoubleColumn.create("p95_disk_mbps"),
                DoubleColumn.create("p95_net_mbps"), DoubleColumn.create("reserved_cores"), DoubleColumn.create("reserved_mem_gb"),
                StringColumn.create("class"), BooleanColumn.create("dedicated"), BooleanColumn.create("may_share_os"),
                StringColumn.create("group"), StringColumn.create("pin_host"));
        if (hourly) {
            for (int h = 0; h < 24; h++) {
                t.addColumns(DoubleColumn.create(String.format("cpu_cores_h%02d", h)));
            }
            for (int h = 0; h < 24; h++) {
                t.addColumns(DoubleColumn.create(String.format("mem_gb_h%02d", h)));
            }
        }
        for (AppDemandVector d : r.demand()) {
            AppUsage u = usage.get(d.app() + "\u0000" + d.host());
            AppInfo info = apps.get(d.app());
            t.stringColumn(0).append(d.id());
            t.stringColumn(1).append(d.app());
            t.stringColumn(2).append(d.host());
            t.doubleColumn(3).append(d.percentile());
            t.doubleColumn(4).append(d.cpuCores());
            t.doubleColumn(5).append(d.memGb());
            t.doubleColumn(6).append(d.p95CpuCores());
            t.doubleColumn(7).append(d.p95MemGb());
            t.doubleColumn(8).append(d.meanCpuCores());
            t.doubleColumn(9).append(u == null ? Double.NaN : u.p95DiskIops());
            t.doubleColumn(10).append(u == null ? Double.NaN : u.p95DiskMbps());
            t.doubleColumn(11).append(u == null ? Double.NaN : u.p95NetMbps());
            t.doubleColumn(12).append(info == null || info.reservedCores() == null ? Double.NaN : info.reservedCores());
            t.doubleColumn(13).append(info == null || info.reservedMemGb() == null ? Double.NaN : info.reservedMemGb());
            t.stringColumn(14).append(d.workloadClass());
            t.booleanColumn(15).append(d.dedicated());
            t.booleanColumn(16).append(d.mayShareOs());
            t.stringColumn(17).append(d.group());
            t.stringColumn(18).append(d.pinHost());
            if (hourly) {
                for (int h = 0; h < 24; h++) {
                    t.doubleColumn(19 + h).append(d.hourlyCpuCores() == null ? Double.NaN : d.hourlyCpuCores()[h]);
                    t.doubleColumn(43 + h).append(d.hourlyMemGb() == null ? Double.NaN : d.hourlyMemGb()[h]);
                }
            }
        }
        return t;
    }
}
