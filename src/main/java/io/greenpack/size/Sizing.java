package io.greenpack.size;

import io.greenpack.model.AppDemandVector;
import io.greenpack.model.AppClassification;
import io.greenpack.model.VirtVerdict;
import io.greenpack.model.AppUsage;
import io.greenpack.ingest.catalog.AppCatalog;
import io.greenpack.ingest.catalog.AppInfo;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.percentile_approx;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.unix_seconds;

/**
 * Turns usage into demand vectors (DESIGN §4): cores and memory at the scenario's percentile, and
 * optionally one pair per hour of day (UTC) so that apps peaking at different hours can share
 * capacity. An hour without samples gets the app's overall value (no evidence it is lower then).
 */
public final class Sizing {
    private Sizing() {
    }

    /**
     * Per "app\0host": [0] = 24 cores, [1] = 24 GB at fraction {@code p}, from one Spark pass grouped by
     * app, host and hour of the interval's start. NaN marks hours without samples.
     */
    public static Map<String, double[][]> hourly(Dataset<Row> utilization, double p, long intervalSeconds) {
        Map<String, double[][]> out = new HashMap<>();
        for (Row r : utilization
                .withColumn("hod", pmod(floor(unix_seconds(col("ts")).minus(intervalSeconds).divide(3600)), lit(24)).cast(DataTypes.IntegerType))
                .groupBy("app", "host", "hod")
                .agg(percentile_approx(col("cpu_cores"), lit(p), lit(10000)),
                        percentile_approx(coalesce(col("mem_gb"), lit(0.0)), lit(p), lit(10000)))
                .collectAsList()) {
            double[][] v = out.computeIfAbsent(r.getString(0) + "\u0000" + r.getString(1), k -> {
                double[][] a = new double[2][24];
                java.util.Arrays.fill(a[0], Double.NaN);
                java.util.Arrays.fill(a[1], Double.NaN);
                return a;
            });
            int h = r.getInt(2);
            v[0][h] = r.isNullAt(3) ? Double.NaN : r.getDouble(3);
            v[1][h] = r.isNullAt(4) ? Double.NaN : r.getDouble(4);
        }
        return out;
    }

    public static List<AppDemandVector> vectors(List<AppUsage> usage, Map<String, double[][]> hourly,
                                                Map<String, AppClassification> classes, AppCatalog apps) {
        Map<String, Integer> hostsPerApp = new HashMap<>();
        usage.forEach(u -> hostsPerApp.merge(u.app(), 1, Integer::sum));
        List<AppDemandVector> out = new ArrayList<>();
        Map<String, AppInfo> byName = apps.byName();
        for (AppUsage u : usage) {
            AppInfo info = AppCatalog.get(byName, u.app());
            AppClassification c = classes.get(u.app());
            double[][] h = hourly.get(u.app() + "\u0000" + u.host());
            double[] hc = null;
            double[] hm = null;
            if (h != null) {
                hc = new double[24];
                hm = new double[24];
                for (int i = 0; i < 24; i++) {
                    hc[i] = Double.isNaN(h[0][i]) ? u.cpuCoresAtP() : h[0][i];
                    hm[i] = Double.isNaN(h[1][i]) ? u.memGbAtP() : h[1][i];
                }
            }
            String id = hostsPerApp.get(u.app()) > 1 ? u.app() + "@" + u.host() : u.app();
            out.add(new AppDemandVector(id, u.app(), u.host(), u.sizingPercentile(), u.cpuCoresAtP(), u.memGbAtP(), hc, hm,
                    u.p95CpuCores(), u.p95MemGb(), u.meanCpuCores(), info.group(), info.pinHost(),
                    c != null && c.verdict() == VirtVerdict.DEDICATED, c != null && c.verdict() == VirtVerdict.SAME_OS_ONLY,
                    c == null ? null : c.workloadClass().key()));
        }
        return out;
    }
}
