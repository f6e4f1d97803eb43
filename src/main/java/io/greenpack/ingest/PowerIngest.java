package io.greenpack.ingest;

import io.greenpack.util.UserError;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.List;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * power.*: meter samples to watts per host and interval. A row carries either {@code watts}
 * (mean power over the interval ending at its timestamp) or a cumulative counter
 * ({@code energy_wh} / {@code energy_kwh}); counters become watts by difference, with resets
 * and wraps detected (never negative energy). Several PSUs of one host are summed; an interval
 * in which one of a host's PSUs is missing is dropped and counted, not under-reported.
 */
final class PowerIngest {
    /** Above this a single host reading is a meter fault, not a server (50 kW). */
    static final double MAX_PLAUSIBLE_WATTS = 50_000;
    /** Counter maxima at which a counter wraps around to zero (16, 32 and 64-bit registers). */
    private static final double[] WRAP_AT = {65_536d, 4_294_967_296d, 18_446_744_073_709_551_616d};

    private PowerIngest() {
    }

    static Dataset<Row> validate(SparkSession spark, RawTable t, HostInventory hosts, IngestOptions o) {
        boolean hasWatts = t.has("watts");
        String energyCol = t.has("energy_wh") ? "energy_wh" : t.has("energy_kwh") ? "energy_kwh" : null;
        if (!hasWatts && energyCol == null) {
            String hint = t.columns().keySet().stream()
                    .filter(c -> c.startsWith("power") || c.startsWith("energy") || c.startsWith("watt") || c.endsWith("kw"))
                    .findFirst().map(c -> "; column '" + c + "' has a unit greenpack does not know").orElse("");
            throw new UserError(t.file().path() + ": no power column: expected 'watts', 'energy_wh' or 'energy_kwh'"
                    + hint + " (found columns: " + RawReader.shown(t.columns().keySet()) + ")");
        }
        // 1. Parse every value once (see Checks for why), 2. check the parsed values.
        Column energy = energyCol == null ? lit(null).cast("double") : Parse.number(t, energyCol);
        Dataset<Row> p = t.rows().select(lit(t.file().name()).as("file"), col("_mid"), col("_blk"), col("_raw"),
                Parse.text(t, "timestamp").as("_ts_text"), Parse.timestamp(t, "timestamp").as("ts"),
                Parse.text(t, "host").as("host"), coalesce(Parse.text(t, "psu"), lit("")).as("psu"),
                Parse.text(t, "watts").as("_watts_text"), Parse.number(t, "watts").as("_watts"),
                (energyCol == null ? lit(null).cast("string") : Parse.text(t, energyCol)).as("_energy_text"),
                ("energy_kwh".equals(energyCol) ? energy.multiply(1000.0) : energy).as("_energy_wh"),
                Parse.text(t, "source").as("_source"));
        p = hosts.withHostFacts(spark, p, "host");
        Column wattsGiven = col("_watts_text").isNotNull();
        Column energyGiven = col("_energy_text").isNotNull();
        String energyName = String.valueOf(energyCol);
        Reasons r = Checks.timeAndHost(o)
                .add(not(wattsGiven).and(not(energyGiven)), "no watts or energy value",
                        lit("watts and energy are both empty"))
                .add(wattsGiven.and(col("_watts").isNull()), "watts not a number", Reasons.shown("watts", col("_watts_text")))
                .add(wattsGiven.and(col("_watts").lt(0)), "negative watts", Reasons.shown("watts", col("_watts")))
                .add(wattsGiven.and(col("_watts").gt(MAX_PLAUSIBLE_WATTS)), "watts implausibly high",
                        Reasons.shown("watts", col("_watts")))
                .add(not(wattsGiven).and(col("_energy_wh").isNull()), "energy not a number",
                        Reasons.shown(energyName, col("_energy_text")))
                .add(not(wattsGiven).and(col("_energy_wh").lt(0)), "negative energy counter",
                        Reasons.shown(energyName, col("_energy_text")));
        return p.select(col("file"), col("_mid"), col("_blk"), col("_raw"), col("ts"),
                col("ts").cast("long").as(TimeSeries.TS_S), col("host"), col("psu"),
                when(wattsGiven, col("_watts")).as("watts"), when(not(wattsGiven), col("_energy_wh")).as("energy_wh"),
                coalesce(col("_source"), lit(energyCol == null ? "meter" : "counter")).as("source"),
                r.reason().as("reason"), r.detail().as("detail"));
    }

    /** Orders each (host, psu) series; counter rows get their interval's watts from the difference. */
    static Dataset<Row> sequence(Dataset<Row> good, IngestOptions o) {
        Dataset<Row> s = TimeSeries.sequence(good, List.of("host", "psu"), List.of("watts", "energy_wh"),
                List.of("energy_wh"), o);
        Column e = col("energy_wh");
        Column prev = col("_prev_energy_wh");
        Column diff = e.minus(prev);
        Column wrapped = lit(false);
        Column wrapDelta = lit(null).cast("double");
        for (int i = WRAP_AT.length - 1; i >= 0; i--) {
            double m = WRAP_AT[i];
            Column near = prev.gt(m * 0.9).and(prev.leq(m)).and(e.lt(m * 0.1));
            wrapped = wrapped.or(near);
            wrapDelta = when(near, lit(m).minus(prev).plus(e)).otherwise(wrapDelta);
        }
        Column isCounter = col("watts").isNull().and(e.isNotNull());
        Column counterDelta = when(diff.geq(0), diff).when(wrapped, wrapDelta)
                // A reset: the counter restarted from zero during the interval (as Prometheus' increase()).
                .otherwise(e);
        return s.withColumn("_counter", isCounter)
                .withColumn("_counter_event", when(isCounter.and(prev.isNotNull()).and(col(TimeSeries.DUP).isNull())
                        .and(diff.lt(0)), when(wrapped, lit("counter wrap")).otherwise(lit("counter reset"))))
                .withColumn("_counter_baseline", isCounter.and(prev.isNull().or(col(TimeSeries.GAP))))
                .withColumn("watts", when(isCounter,
                        counterDelta.multiply(3600.0).divide(col(TimeSeries.TS_S).minus(col(TimeSeries.PREV_TS_S))))
                        .otherwise(col("watts")));
    }

    /** Per host and interval: PSUs summed; intervals missing one of the host's PSUs dropped. */
    static Dataset<Row> align(Dataset<Row> sequenced, IngestOptions o) {
        Dataset<Row> usable = sequenced.filter(col(TimeSeries.DUP).isNull().and(not(col("_counter_baseline")))
                .and(col("watts").isNotNull()));
        Dataset<Row> perPsu = TimeSeries.align(usable, List.of("host", "psu"), List.of("watts"), o.intervalSeconds());
        Dataset<Row> psuCount = perPsu.groupBy("host").agg(countDistinct("psu").as("_psus_expected"));
        return perPsu.groupBy("host", "ts").agg(sum("watts").as("watts"), count(lit(1)).as("psus"),
                        min("coverage").as("coverage"))
                .join(broadcast(psuCount), "host")
                .withColumn("complete", col("psus").geq(col("_psus_expected")))
                .drop("_psus_expected");
    }
}
