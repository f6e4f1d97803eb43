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
import java.util.HashMap;
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
        return replayAll(utilization, List.of(new Replay("plan", placements, capacities))).get("plan");
    }

    /** One plan to replay: its placements and its hosts' capacities, under a key unique among the replays. */
    public record Replay(String key, List<Placement> placements, List<Capacity> capacities) {
    }

    /**
     * Several plans replayed in one Spark job (one pass over the utilization instead of one per
     * plan): each plan's per-host risks under its key, sorted by host; empty for a plan without placements.
     */
    public static Map<String, List<HostRisk>> replayAll(Dataset<Row> utilization, List<Replay> replays) {
        Map<String, List<HostRisk>> out = new LinkedHashMap<>();
        replays.forEach(r -> out.put(r.key(), new ArrayList<>()));
        // Equal plans (what-if points that differ in nothing the plan depends on) are replayed once.
        Map<List<Object>, String> firstKey = new HashMap<>();
        Map<String, String> sameAs = new LinkedHashMap<>();
        List<Replay> unique = new ArrayList<>();
        for (Replay r : replays) {
            String first = firstKey.putIfAbsent(List.of(r.placements(), r.capacities()), r.key());
            if (first == null) {
                unique.add(r);
            } else {
                sameAs.put(r.key(), first);
            }
        }
        compute(utilization, unique, out);
        sameAs.forEach((key, first) -> out.put(key, out.get(first)));
        return out;
    }

    private static void compute(Dataset<Row> utilization, List<Replay> replays, Map<String, List<HostRisk>> out) {
        // An app is placed from its (host, app) pair: replicas of one app on several hosts move apart.
        // Placements and capacities reach the rows by broadcast hash joins: a literal-map lookup
        // (try_element_at(map_from_arrays(...))) compares its keys one by one, i.e. ~apps/2 string
        // comparisons per utilization row, which dominated the replay at thousands of apps.
        List<Row> placementRows = new ArrayList<>();
        List<Row> capacityRows = new ArrayList<>();
        for (Replay r : replays) {
            Map<String, Placement> unique = new LinkedHashMap<>();
            r.placements().forEach(p -> unique.putIfAbsent(p.key(), p)); // one placement per (host, app)
            unique.values().forEach(p -> placementRows.add(RowFactory.create(r.key(), p.sourceHost(), p.app(),
                    p.targetHost(), p.cpuFactor(), p.memAddGb())));
            Map<String, Capacity> caps = new LinkedHashMap<>();
            r.capacities().forEach(c -> caps.putIfAbsent(c.targetHost(), c));
            caps.values().forEach(c -> capacityRows.add(RowFactory.create(r.key(), c.targetHost(), c.cpuCores(), c.memGb())));
        }
        if (placementRows.isEmpty()) {
            return;
        }
        SparkSession spark = utilization.sparkSession();
        StructType placementSchema = new StructType().add("plan", DataTypes.StringType).add("host", DataTypes.StringType)
                .add("app", DataTypes.StringType).add("target", DataTypes.StringType)
                .add("cpu_factor", DataTypes.DoubleType).add("mem_add", DataTypes.DoubleType);
        StructType capacitySchema = new StructType().add("plan", DataTypes.StringType).add("target", DataTypes.StringType)
                .add("cap_cpu", DataTypes.DoubleType).add("cap_mem", DataTypes.DoubleType);
        Dataset<Row> perInterval = utilization.select("host", "app", "ts", "cpu_cores", "mem_gb")
                .join(broadcast(spark.createDataFrame(placementRows, placementSchema)),
                        CollectionConverters.asScala(List.of("host", "app")).toSeq(), "inner")
                .select(col("plan"), col("target"), col("ts"), col("cpu_cores").multiply(col("cpu_factor")).as("cpu"),
                        col("mem_gb").plus(col("mem_add")).as("mem"))
                .groupBy("plan", "target", "ts").agg(sum("cpu").as("cpu"), sum("mem").as("mem"))
                .join(broadcast(spark.createDataFrame(capacityRows, capacitySchema)),
                        CollectionConverters.asScala(List.of("plan", "target")).toSeq(), "left")
                .select(col("plan"), col("target"), col("cpu").divide(col("cap_cpu")).as("cpu_f"),
                        col("mem").divide(col("cap_mem")).as("mem_f"));
        List<Row> rows = perInterval.groupBy("plan", "target").agg(count(lit(1)).as("n"),
                        sum(when(col("cpu_f").gt(1.0), 1).otherwise(0)).as("cpu_over"),
                        sum(when(col("mem_f").gt(1.0), 1).otherwise(0)).as("mem_over"),
                        sum(when(col("cpu_f").gt(1.0).or(col("mem_f").gt(1.0)), 1).otherwise(0)).as("any_over"),
                        max("cpu_f").as("cpu_peak"), max("mem_f").as("mem_peak"))
                .collectAsList();
        for (Row r : rows) {
            long n = r.getLong(2);
            double cpuPeak = r.getDouble(6);
            double memPeak = r.getDouble(7);
            out.get(r.getString(0)).add(new HostRisk(r.getString(1), n, r.getLong(3), r.getLong(4),
                    n == 0 ? 0 : (double) r.getLong(5) / n, Math.max(0, cpuPeak - 1), Math.max(0, memPeak - 1), cpuPeak,
                    memPeak));
        }
        out.values().forEach(l -> l.sort(Comparator.comparing(HostRisk::targetHost)));
    }

    /** Fleet summary: share of host-intervals over capacity. */
    public static double overShare(List<HostRisk> risks) {
        long n = risks.stream().mapToLong(HostRisk::intervals).sum();
        double over = risks.stream().mapToDouble(r -> r.overShare() * r.intervals()).sum();
        return n == 0 ? 0 : over / n;
    }
}
