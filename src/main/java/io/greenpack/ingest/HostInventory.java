package io.greenpack.ingest;

import io.greenpack.model.HostSpec;
import io.greenpack.util.UserError;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;


import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;

/**
 * hosts.csv: the inventory every sample must refer to. Validated in Spark like every file (same
 * formats, same reasons), then collected: it is small, and the ingest tasks look hosts up in a
 * plain map (cores, sockets, memory).
 */
public record HostInventory(List<HostSpec> hosts, FileStats stats, List<Row> rejectRows) {

    static final double MAX_PLAUSIBLE_MEM_GB = 50_000;

    public static HostInventory read(SparkSession spark, InputFile file) {
        RawTable t = RawReader.read(spark, file);
        Column host = Parse.text(t, "host");
        Column model = Parse.text(t, "model");
        Column cores = Parse.number(t, "cores");
        Column memGb = Parse.number(t, "mem_gb");
        Column sockets = Parse.number(t, "sockets");
        Column idle = Parse.number(t, "idle_watts");
        Column max = Parse.number(t, "max_watts");
        Column rack = Parse.number(t, "rack_units");
        Reasons r = new Reasons()
                .add(host.isNull(), "missing host", lit("host is empty"))
                .add(model.isNull(), "missing model", lit("model is empty"))
                .add(cores.isNull(), "cores not a number", Reasons.shown("cores", Parse.text(t, "cores")))
                .add(cores.leq(0), "cores not positive", Reasons.shown("cores", cores))
                .add(memGb.isNull(), "mem_gb not a number", Reasons.shown("mem_gb", Parse.text(t, "mem_gb")))
                .add(memGb.leq(0), "mem_gb not positive", Reasons.shown("mem_gb", memGb))
                // The largest single servers hold ~48 TB; more is bytes or MB written as GB (an unknown unit).
                .add(memGb.gt(MAX_PLAUSIBLE_MEM_GB), "mem_gb implausibly high (bytes or MB?)", Reasons.shown("mem_gb", memGb))
                .add(Parse.present(t, "sockets").and(sockets.isNull().or(sockets.lt(1))), "sockets not a positive number",
                        Reasons.shown("sockets", Parse.text(t, "sockets")))
                .add(Parse.present(t, "idle_watts").and(idle.isNull().or(idle.lt(0))), "idle_watts not a non-negative number",
                        Reasons.shown("idle_watts", Parse.text(t, "idle_watts")))
                .add(Parse.present(t, "max_watts").and(max.isNull().or(max.leq(0))), "max_watts not a positive number",
                        Reasons.shown("max_watts", Parse.text(t, "max_watts")))
                .add(idle.isNotNull().and(max.isNotNull()).and(idle.geq(max)), "idle_watts not below max_watts",
                        lit("idle_watts >= max_watts"));
        Column role = lower(Parse.text(t, "role"));
        List<Row> rows = t.rows().select(col("_mid"), col("_blk"), col("_raw"),
                host.as("host"), model.as("model"), coalesce(sockets, lit(1.0)).cast("int").as("sockets"),
                cores.as("cores"), memGb.as("mem_gb"), coalesce(role, lit("physical")).as("role"),
                Parse.text(t, "site").as("site"), rack.as("rack_units"), idle.as("idle_watts"), max.as("max_watts"),
                r.reason().as("reason"), r.detail().as("detail")).collectAsList();
        SmallTables.Collected<HostSpec> c = SmallTables.collect(file.name(), rows, SmallTables.checked(row ->
                        new HostSpec(row.getAs("host"), row.getAs("model"), row.<Integer>getAs("sockets"),
                                row.<Double>getAs("cores"), row.<Double>getAs("mem_gb"), row.getAs("role"), row.getAs("site"),
                                row.getAs("rack_units"), row.getAs("idle_watts"), row.getAs("max_watts"))),
                HostSpec::host, SmallTables.duplicateOf("host", HostSpec::host));
        if (c.kept().isEmpty()) {
            throw new UserError(file.path() + ": no usable host rows (" + c.rowsRead() + " rows read"
                    + (c.reasons().isEmpty() ? "" : ", rejected: " + c.reasons())
                    + "); expected at least one host with model, cores and mem_gb");
        }
        FileStats stats = new FileStats(file.name(), InputKind.HOSTS, c.rowsRead(), c.kept().size(), c.reasons(),
                c.kept().size(), 0, null, null, 0, 0, Map.of());
        return new HostInventory(c.kept(), stats, c.rejects());
    }

    public Dataset<Row> rejects(SparkSession spark) {
        return spark.createDataFrame(rejectRows, RejectsSchema.SCHEMA);
    }
}
