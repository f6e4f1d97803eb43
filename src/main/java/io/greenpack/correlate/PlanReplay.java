package io.greenpack.correlate;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_from_arrays;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.try_element_at;
import static org.apache.spark.sql.functions.when;

/**
 * Replays a consolidation plan against the measured per-interval demand (DESIGN §6): for each
 * target host, sums what its apps really used in every interval and counts how often and by how
 * much that would have exceeded the host's full capacity (the headroom is meant to absorb peaks;
 * going over capacity is contention). This is the overload-time fraction used in consolidation
 * research (e.g. Beloglazov and Buyya's "overload time fraction"), reported per dimension.
 */
public final class PlanReplay {
    private PlanReplay() {
    }

    /**
     * How an app sits on its target: its target host id, and the virtualisation cost applied to its
     * measured demand (cores × cpuFactor, memory + memAddGb), as the plan assumed.
     */
    public record Placement(String sourceHost, String app, String targetHost, double cpuFactor, double memAddGb) {
        String key() {
            return sourceHost + KEY_SEPARATOR + app;
        }
    }

    private static final String KEY_SEPARATOR = "\u0000";

    public record Capacity(String targetHost, double cpuCores, double memGb) {
    }

    /**
     * @param intervals    intervals in which any of the host's apps reported
     * @param overShare    fraction of those intervals in which CPU or memory exceeded capacity
     * @param worstCpuExcess worst CPU demand above capacity, as a fraction of capacity (0 when never over)
     * @param worstMemExcess likewise for memory
     */
    public record HostRisk(String targetHost, long intervals, long cpuOverIntervals, long memOverIntervals,
                           double overShare, double worstCpuExcess, double worstMemExcess, double peakCpuFraction,
                           double peakMemFraction) implements java.io.Serializable {
    }

    /** @param utilization the ingest's aligned utilization (host, app, ts, cpu_cores, mem_gb, …) */
    public static List<HostRisk> replay(Dataset<Row> utilization, List<Placement> placements, List<Capacity> capacities) {
        if (placements.isEmpty()) {
            return List.of();
        }
        // An app is placed from its (host, app) pair: replicas of one app on several hosts move apart.
        String[] keys = placements.stream().map(Placement::key).toArray(String[]::new);
        Column key = concat(col("host"), lit(KEY_SEPARATOR), col("app"));
        Column target = lookup(keys, placements.stream().map(Placement::targetHost).toArray(String[]::new), key);
        Column cpuFactor = lookup(keys, placements.stream().map(p -> p.cpuFactor()).toArray(Double[]::new), key);
        Column memAdd = lookup(keys, placements.stream().map(p -> p.memAddGb()).toArray(Double[]::new), key);
        String[] hosts = capacities.stream().map(Capacity::targetHost).toArray(String[]::new);
        Column capCpu = lookup(hosts, capacities.stream().map(c -> c.cpuCores()).toArray(Double[]::new), col("target"));
        Column capMem = lookup(hosts, capacities.stream().map(c -> c.memGb()).toArray(Double[]::new), col("target"));

        Dataset<Row> perInterval = utilization
                .select(target.as("target"), col("ts"), col("cpu_cores").multiply(cpuFactor).as("cpu"),
                        col("mem_gb").plus(memAdd).as("mem"))
                .filter(col("target").isNotNull())
                .groupBy("target", "ts").agg(sum("cpu").as("cpu"), sum("mem").as("mem"))
                .select(col("target"), col("cpu").divide(capCpu).as("cpu_f"), col("mem").divide(capMem).as("mem_f"));
        List<Row> rows = perInterval.groupBy("target").agg(count(lit(1)).as("n"),
                        sum(when(col("cpu_f").gt(1.0), 1).otherwise(0)).as("cpu_over"),
                        sum(when(col("mem_f").gt(1.0), 1).otherwise(0)).as("mem_over"),
                        sum(when(col("cpu_f").gt(1.0).or(col("mem_f").gt(1.0)), 1).otherwise(0)).as("any_over"),
                        max("cpu_f").as("cpu_peak"), max("mem_f").as("mem_peak"))
                .collectAsList();
        List<HostRisk> out = new ArrayList<>();
        for (Row r : rows) {
            long n = r.getLong(1);
            double cpuPeak = r.getDouble(5);
            double memPeak = r.getDouble(6);
            out.add(new HostRisk(r.getString(0), n, r.getLong(2), r.getLong(3), n == 0 ? 0 : (double) r.getLong(4) / n,
                    Math.max(0, cpuPeak - 1), Math.max(0, memPeak - 1), cpuPeak, memPeak));
        }
        out.sort(Comparator.comparing(HostRisk::targetHost));
        return out;
    }

    /** Fleet summary: share of host-intervals over capacity. */
    public static double overShare(List<HostRisk> risks) {
        long n = risks.stream().mapToLong(HostRisk::intervals).sum();
        double over = risks.stream().mapToDouble(r -> r.overShare() * r.intervals()).sum();
        return n == 0 ? 0 : over / n;
    }

    private static Column lookup(String[] keys, Object[] values, Column key) {
        return try_element_at(map_from_arrays(lit(keys), lit(values)), key);
    }

}
