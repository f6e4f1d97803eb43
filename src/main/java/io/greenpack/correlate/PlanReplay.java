package io.greenpack.correlate;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
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
        // Placements and capacities reach the rows by broadcast hash joins: a literal-map lookup
        // (try_element_at(map_from_arrays(...))) compares its keys one by one, i.e. ~apps/2 string
        // comparisons per utilization row, which dominated the replay at thousands of apps.
        SparkSession spark = utilization.sparkSession();
        StructType placementSchema = new StructType().add("host", DataTypes.StringType).add("app", DataTypes.StringType)
                .add("target", DataTypes.StringType).add("cpu_factor", DataTypes.DoubleType).add("mem_add", DataTypes.DoubleType);
        Map<String, Placement> unique = new LinkedHashMap<>();
        placements.forEach(p -> unique.putIfAbsent(p.key(), p)); // as the literal map did: one placement per (host, app)
        List<Row> placementRows = new ArrayList<>(unique.size());
        unique.values().forEach(p -> placementRows.add(RowFactory.create(p.sourceHost(), p.app(), p.targetHost(),
                p.cpuFactor(), p.memAddGb())));
        StructType capacitySchema = new StructType().add("target", DataTypes.StringType)
                .add("cap_cpu", DataTypes.DoubleType).add("cap_mem", DataTypes.DoubleType);
        Map<String, Capacity> caps = new LinkedHashMap<>();
        capacities.forEach(c -> caps.putIfAbsent(c.targetHost(), c));
        List<Row> capacityRows = new ArrayList<>(caps.size());
        caps.values().forEach(c -> capacityRows.add(RowFactory.create(c.targetHost(), c.cpuCores(), c.memGb())));

        Dataset<Row> perInterval = utilization.select("host", "app", "ts", "cpu_cores", "mem_gb")
                .join(broadcast(spark.createDataFrame(placementRows, placementSchema)),
                        CollectionConverters.asScala(List.of("host", "app")).toSeq(), "inner")
                .select(col("target"), col("ts"), col("cpu_cores").multiply(col("cpu_factor")).as("cpu"),
                        col("mem_gb").plus(col("mem_add")).as("mem"))
                .groupBy("target", "ts").agg(sum("cpu").as("cpu"), sum("mem").as("mem"))
                .join(broadcast(spark.createDataFrame(capacityRows, capacitySchema)),
                        CollectionConverters.asScala(List.of("target")).toSeq(), "left")
                .select(col("target"), col("cpu").divide(col("cap_cpu")).as("cpu_f"), col("mem").divide(col("cap_mem")).as("mem_f"));
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
}
