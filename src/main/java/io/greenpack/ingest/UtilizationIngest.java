package io.greenpack.ingest;

import io.greenpack.model.HostSpec;
import io.greenpack.util.UserError;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.List;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;

/**
 * utilization.*: per-application samples to canonical columns ({@code cpu_pct} becomes cores,
 * {@code mem_mb} becomes GB), validated row by row, then aligned per instance and summed over
 * the instances of an app on a host.
 */
final class UtilizationIngest {
    static final List<String> VALUES = List.of("cpu_cores", "mem_gb", "disk_iops", "disk_mbps", "net_mbps", "gpu_pct");
    private static final double SLACK = 1.05; // meters overshoot a little; more than 5 % is a bad row

    private UtilizationIngest() {
    }

    /** Validated rows of one file: canonical columns plus {@code reason}/{@code detail}. */
    static Dataset<Row> validate(SparkSession spark, RawTable t, HostInventory hosts, IngestOptions o) {
        if (!t.has("cpu_cores") && !t.has("cpu_pct")) {
            throw new UserError(t.file().path() + ": missing column 'cpu_cores' (or 'cpu_pct'); found columns: "
                    + String.join(", ", t.columns().keySet()));
        }
        if (!t.has("mem_gb") && !t.has("mem_mb")) {
            throw new UserError(t.file().path() + ": missing column 'mem_gb' (or 'mem_mb'); found columns: "
                    + String.join(", ", t.columns().keySet()));
        }
        Column hostName = Parse.text(t, "host");
        Dataset<Row> joined = t.rows()
                .withColumn("_h_cores", hosts.lookup(hostName, HostSpec::cores))
                .withColumn("_h_sockets", hosts.lookup(hostName, h -> (double) h.sockets()))
                .withColumn("_h_mem_gb", hosts.lookup(hostName, HostSpec::memGb));
        Column ts = Parse.timestamp(t, "timestamp");
        Column host = Parse.text(t, "host");
        Column app = Parse.text(t, "app");
        Column coresGiven = Parse.number(t, "cpu_cores");
        Column pct = Parse.number(t, "cpu_pct");
        boolean usesCores = t.has("cpu_cores");
        Column cpuPresent = Parse.present(t, "cpu_cores").or(Parse.present(t, "cpu_pct"));
        Column cores = usesCores && t.has("cpu_pct")
                ? coalesce(coresGiven, least(pct, lit(100.0)).divide(100.0).multiply(col("_h_cores")))
                : usesCores ? coresGiven : least(pct, lit(100.0)).divide(100.0).multiply(col("_h_cores"));
        Column memGb = t.has("mem_gb") ? Parse.number(t, "mem_gb") : Parse.number(t, "mem_mb").divide(1024.0);
        String memName = t.has("mem_gb") ? "mem_gb" : "mem_mb";
        Reasons r = Checks.timeAndHost(t, ts, host, o)
                .add(app.isNull(), "missing app", lit("app is empty"))
                .add(not(cpuPresent), "missing cpu", lit("cpu_cores/cpu_pct is empty"))
                .add(pct.isNotNull().and(pct.gt(col("_h_sockets").multiply(100))), "cpu_pct above 100 x sockets",
                        Reasons.shown("cpu_pct", pct))
                .add(cores.isNull(), "cpu not a number",
                        Reasons.shown(usesCores ? "cpu_cores" : "cpu_pct", Parse.text(t, usesCores ? "cpu_cores" : "cpu_pct")))
                .add(cores.lt(0), "negative cpu", Reasons.shown("cpu_cores", cores))
                .add(cores.gt(col("_h_cores").multiply(SLACK)), "cpu above host cores",
                        org.apache.spark.sql.functions.concat(Reasons.shown("cpu_cores", cores), lit(" on a host with "),
                                col("_h_cores").cast("string"), lit(" cores")))
                .add(not(Parse.present(t, memName)), "missing memory", lit(memName + " is empty"))
                .add(memGb.isNull(), "memory not a number", Reasons.shown(memName, Parse.text(t, memName)))
                .add(memGb.lt(0), "negative memory", Reasons.shown(memName, Parse.text(t, memName)))
                .add(memGb.gt(col("_h_mem_gb").multiply(SLACK)), "memory above host memory",
                        org.apache.spark.sql.functions.concat(Reasons.shown("mem_gb", memGb), lit(" on a host with "),
                                col("_h_mem_gb").cast("string"), lit(" GB")));
        for (String opt : List.of("disk_iops", "disk_mbps", "net_mbps", "gpu_pct")) {
            if (t.has(opt)) {
                Column v = Parse.number(t, opt);
                r.add(Parse.present(t, opt).and(v.isNull().or(v.lt(0))), opt + " not a non-negative number",
                        Reasons.shown(opt, Parse.text(t, opt)));
            }
        }
        return joined.select(lit(t.file().name()).as("file"), col("_mid"), col("_blk"), col("_raw"),
                ts.as("ts"), ts.cast("long").as(TimeSeries.TS_S), host.as("host"), app.as("app"),
                coalesce(Parse.text(t, "instance"), lit("")).as("instance"),
                cores.as("cpu_cores"), memGb.as("mem_gb"), Parse.number(t, "disk_iops").as("disk_iops"),
                Parse.number(t, "disk_mbps").as("disk_mbps"), Parse.number(t, "net_mbps").as("net_mbps"),
                Parse.number(t, "gpu_pct").as("gpu_pct"),
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
}
