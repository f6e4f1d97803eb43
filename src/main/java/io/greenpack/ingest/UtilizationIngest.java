package io.greenpack.ingest;

import io.greenpack.util.UserError;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * utilization.*: per-application samples to canonical columns ({@code cpu_pct} becomes cores,
 * {@code mem_mb} becomes GB), validated row by row, then aligned per instance and summed over
 * the instances of an app on a host.
 */
final class UtilizationIngest {
    static final List<String> VALUES = List.of("cpu_cores", "mem_gb", "disk_iops", "disk_mbps", "net_mbps", "gpu_pct");
    private static final List<String> OPTIONAL = List.of("disk_iops", "disk_mbps", "net_mbps", "gpu_pct");
    private static final double SLACK = 1.05; // meters overshoot a little; more than 5 % is a bad row

    private UtilizationIngest() {
    }

    /** Validated rows of one file: canonical columns plus {@code reason}/{@code detail}. */
    static Dataset<Row> validate(SparkSession spark, RawTable t, HostInventory hosts, IngestOptions o) {
        if (!t.has("cpu_cores") && !t.has("cpu_pct")) {
            throw new UserError(t.file().path() + ": missing column 'cpu_cores' (or 'cpu_pct'); found columns: "
                    + RawReader.shown(t.columns().keySet()));
        }
        if (!t.has("mem_gb") && !t.has("mem_mb")) {
            throw new UserError(t.file().path() + ": missing column 'mem_gb' (or 'mem_mb'); found columns: "
                    + RawReader.shown(t.columns().keySet()));
        }
        boolean usesCores = t.has("cpu_cores");
        String cpuName = usesCores ? "cpu_cores" : "cpu_pct";
        String memName = t.has("mem_gb") ? "mem_gb" : "mem_mb";
        // 1. Parse every value once.
        List<Column> parsed = new ArrayList<>(List.of(lit(t.file().name()).as("file"), col("_mid"), col("_blk"), col("_raw"),
                Parse.text(t, "timestamp").as("_ts_text"), Parse.timestamp(t, "timestamp").as("ts"),
                Parse.text(t, "host").as("host"), Parse.text(t, "app").as("app"),
                coalesce(Parse.text(t, "instance"), lit("")).as("instance"),
                Parse.text(t, cpuName).as("_cpu_text"), Parse.number(t, "cpu_cores").as("_cores_given"),
                Parse.text(t, "cpu_pct").as("_pct_text"), Parse.number(t, "cpu_pct").as("_pct"),
                Parse.text(t, memName).as("_mem_text"),
                (memName.equals("mem_gb") ? Parse.number(t, "mem_gb") : Parse.number(t, "mem_mb").divide(1024.0)).as("mem_gb")));
        for (String opt : OPTIONAL) {
            parsed.add(Parse.text(t, opt).as("_" + opt + "_text"));
            parsed.add(Parse.number(t, opt).as(opt));
        }
        Dataset<Row> p = hosts.withHostFacts(spark, t.rows().select(parsed.toArray(Column[]::new)), "host");
        // least() skips nulls: without the guard an unreadable cpu_pct (or cpu_cores, via the
        // coalesce below) would become least(null, 100) = 100 %, the whole host.
        Column pctCores = when(col("_pct").isNotNull(), least(col("_pct"), lit(100.0)).divide(100.0).multiply(col("_h_cores")));
        p = p.withColumn("cpu_cores", usesCores ? coalesce(col("_cores_given"), pctCores) : pctCores);

        // 2. Check the parsed values; the first failed check is the row's reason.
        Reasons r = Checks.timeAndHost(o)
                .add(col("app").isNull(), "missing app", lit("app is empty"))
                .add(col("_cpu_text").isNull().and(col("_pct_text").isNull()), "missing cpu", lit("cpu_cores/cpu_pct is empty"))
                .add(col("_pct").gt(col("_h_sockets").multiply(100)), "cpu_pct above 100 x sockets",
                        Reasons.shown("cpu_pct", col("_pct")))
                .add(col("cpu_cores").isNull(), "cpu not a number", Reasons.shown(cpuName, col("_cpu_text")))
                .add(col("cpu_cores").lt(0), "negative cpu", Reasons.shown("cpu_cores", col("cpu_cores")))
                .add(col("cpu_cores").gt(col("_h_cores").multiply(SLACK)), "cpu above host cores",
                        concat(Reasons.shown("cpu_cores", col("cpu_cores")), lit(" on a host with "),
                                col("_h_cores").cast("string"), lit(" cores")))
                .add(col("_mem_text").isNull(), "missing memory", lit(memName + " is empty"))
                .add(col("mem_gb").isNull(), "memory not a number", Reasons.shown(memName, col("_mem_text")))
                .add(col("mem_gb").lt(0), "negative memory", Reasons.shown(memName, col("_mem_text")))
                .add(col("mem_gb").gt(col("_h_mem_gb").multiply(SLACK)), "memory above host memory",
                        concat(Reasons.shown("mem_gb", col("mem_gb")), lit(" on a host with "),
                                col("_h_mem_gb").cast("string"), lit(" GB")));
        for (String opt : OPTIONAL) {
            if (t.has(opt)) {
                r.add(col("_" + opt + "_text").isNotNull().and(col(opt).isNull().or(col(opt).lt(0))),
                        opt + " not a non-negative number", Reasons.shown(opt, col("_" + opt + "_text")));
            }
        }
        return p.select(col("file"), col("_mid"), col("_blk"), col("_raw"), col("ts"),
                col("ts").cast("long").as(TimeSeries.TS_S), col("host"), col("app"), col("instance"),
                col("cpu_cores"), col("mem_gb"), col("disk_iops"), col("disk_mbps"), col("net_mbps"), col("gpu_pct"),
                r.reason().as("reason"), r.detail().as("detail"));
    }

    /** Orders each (host, app, instance) series, marking duplicates and gaps. */
    static Dataset<Row> sequence(Dataset<Row> good, IngestOptions o) {
        return TimeSeries.sequence(good, List.of("host", "app", "instance"), VALUES, List.of(), o);
    }

    /** Aligned per app and host: instances summed. */
    static Dataset<Row> align(Dataset<Row> sequenced, IngestOptions o) {
        Dataset<Row> perInstance = TimeSeries.align(sequenced, List.of("host", "app", "instance"), VALUES, o.intervalSeconds());
        Column[] sums = VALUES.stream().map(v -> sum(col(v)).as(v)).toArray(Column[]::new);
        Column[] aggs = new Column[sums.length];
        System.arraycopy(sums, 1, aggs, 0, sums.length - 1);
        aggs[sums.length - 1] = max(col("coverage")).as("coverage");
        return perInstance.groupBy("host", "app", "ts").agg(sums[0], aggs);
    }

    static Column notNull(Column c) {
        return not(c.isNull());
    }
}
