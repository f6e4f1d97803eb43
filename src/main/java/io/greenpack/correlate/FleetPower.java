package io.greenpack.correlate;

import org.apache.spark.sql.Row;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.hour;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * Fleet power per interval: the sum over hosts that reported in that interval, metered hosts at
 * their meters' power and hosts without a meter at their modelled power ({@link ModelledPower}). An
 * interval where some hosts were silent sums fewer hosts, so the table carries the count, and the
 * metered part apart.
 */
public final class FleetPower {
    private FleetPower() {
    }

    /** Columns: time (end of interval, UTC), watts, hosts (reporting), metered_watts (the metered hosts' part). */
    public static Table perInterval(AnalysisResult analysis) {
        List<Row> rows = analysis.datasets().hostIntervals().groupBy("ts")
                .agg(sum("watts").as("watts"), count(col("host")).as("hosts"),
                        sum(when(col("metered"), col("watts")).otherwise(lit(0.0))).as("metered_watts"))
                .orderBy("ts").collectAsList();
        InstantColumn time = InstantColumn.create("time");
        DoubleColumn watts = DoubleColumn.create("watts");
        IntColumn hosts = IntColumn.create("hosts");
        DoubleColumn metered = DoubleColumn.create("metered_watts");
        for (Row r : rows) {
            time.append(r.getTimestamp(0).toInstant());
            watts.append(r.getDouble(1));
            hosts.append((int) r.getLong(2));
            metered.append(r.getDouble(3));
        }
        return Table.create("fleet_power", time, watts, hosts, metered);
    }

    /** The legend of today's line: "today (measured)", "today (modelled, no meter)" or the mix by hosts. */
    public static String todayLabel(AnalysisResult analysis) {
        if (analysis.modelledHosts() == 0) {
            return "today (measured)";
        }
        if (analysis.meteredHosts() == 0) {
            return "today (modelled, no meter)";
        }
        return "today (" + analysis.meteredHosts() + " hosts metered, " + analysis.modelledHosts() + " modelled)";
    }

    /** Measured IT energy over the window: each interval's mean power times its length. */
    public static double kwh(Table perInterval, long intervalSeconds) {
        return perInterval.doubleColumn("watts").sum() * intervalSeconds / 3600.0 / 1000.0;
    }

    /** Watts of {@code hosts} (metered, or modelled where a host has no meter) summed per interval end; empty when no host is given. */
    public static Map<Instant, Double> wattsOf(AnalysisResult analysis, List<String> hosts) {
        Map<Instant, Double> out = new HashMap<>();
        if (hosts.isEmpty()) {
            return out;
        }
        for (Row r : analysis.datasets().hostIntervals().filter(col("host").isin(hosts.toArray())).groupBy("ts").agg(sum("watts")).collectAsList()) {
            out.put(r.getTimestamp(0).toInstant(), r.getDouble(1));
        }
        return out;
    }

    /**
     * Mean CPU utilization per host (sorted by name) and hour of day (UTC), clamped to [0, 1], from
     * the analysis' host intervals; NaN for an hour without a known utilization.
     */
    public static Map<String, double[]> utilizationByHourOfDay(AnalysisResult a) {
        Map<String, double[]> byHost = new TreeMap<>();
        for (Row r : a.datasets().hostIntervals().filter(col("u").isNotNull())
                .groupBy(col("host"), hour(col("ts")).as("h")).agg(avg("u")).collectAsList()) {
            double[] row = byHost.computeIfAbsent(r.getString(0), k -> {
                double[] d = new double[24];
                Arrays.fill(d, Double.NaN);
                return d;
            });
            row[r.getInt(1)] = Math.max(0, Math.min(1, r.getDouble(2)));
        }
        return byHost;
    }
}
