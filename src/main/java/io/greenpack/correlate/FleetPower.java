package io.greenpack.correlate;

import io.greenpack.ingest.IngestResult;
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
import static org.apache.spark.sql.functions.sum;

/**
 * Measured fleet power per interval: the sum over hosts that reported in that interval. An
 * interval where some hosts were silent sums fewer hosts, so the table carries the count.
 */
public final class FleetPower {
    private FleetPower() {
    }

    /** Columns: time (end of interval, UTC), watts, hosts (reporting). */
    public static Table perInterval(IngestResult ingest) {
        List<Row> rows = ingest.power().groupBy("ts")
                .agg(sum("watts").as("watts"), count(col("host")).as("hosts"))
                .orderBy("ts").collectAsList();
        InstantColumn time = InstantColumn.create("time");
        DoubleColumn watts = DoubleColumn.create("watts");
        IntColumn hosts = IntColumn.create("hosts");
        for (Row r : rows) {
            time.append(r.getTimestamp(0).toInstant());
            watts.append(r.getDouble(1));
            hosts.append((int) r.getLong(2));
        }
        return Table.create("fleet_power", time, watts, hosts);
    }

    /** Measured IT energy over the window: each interval's mean power times its length. */
    public static double kwh(Table perInterval, long intervalSeconds) {
        return perInterval.doubleColumn("watts").sum() * intervalSeconds / 3600.0 / 1000.0;
    }

    /** Measured watts of {@code hosts} summed per interval end; empty when no host is given. */
    public static Map<Instant, Double> wattsOf(IngestResult ingest, List<String> hosts) {
        Map<Instant, Double> out = new HashMap<>();
        if (hosts.isEmpty()) {
            return out;
        }
        for (Row r : ingest.power().filter(col("host").isin(hosts.toArray())).groupBy("ts").agg(sum("watts")).collectAsList()) {
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
