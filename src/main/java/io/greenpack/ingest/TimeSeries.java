package io.greenpack.ingest;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;

import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.ceil;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.timestamp_seconds;
import static org.apache.spark.sql.functions.when;

/**
 * Per-series operations shared by power and utilization: ordering each series in time to find
 * duplicates, sample durations and gaps, and the time-weighted alignment onto one interval.
 *
 * <p>A sample at time t is the mean over the interval that ends at t and began at the previous
 * sample of its series. After a gap (a silence longer than the limit) or for a series' first
 * sample the interval is taken to be one nominal interval: a gap is reported, never filled.
 */
final class TimeSeries {
    static final String TS_S = "_ts_s";
    static final String PREV_TS_S = "_prev_ts_s";
    static final String DT = "_dt";
    static final String GAP = "_gap";
    static final String DUP = "_dup";
    /**
     * True for a row that failed validation. Such rows travel through the same ordering as the
     * good ones (so that one cached pass serves counts, rejects and alignment) but in series of
     * their own: they never become a good row's neighbour, and never a duplicate or gap.
     */
    static final String BAD = "_bad";

    private TimeSeries() {
    }

    static WindowSpec order(List<String> key) {
        List<Column> partition = new ArrayList<>(List.of(col(BAD)));
        key.forEach(k -> partition.add(col(k)));
        return Window.partitionBy(partition.toArray(Column[]::new)).orderBy(col(TS_S), col("file"), col("_mid"));
    }

    /**
     * Adds {@code _prev_ts_s}, {@code _dup} (null, "duplicate row" or "conflicting duplicate"
     * when the previous sample of the series has the same timestamp), {@code _dt} (seconds the
     * sample covers) and {@code _gap} (true when the silence before it exceeded the limit), plus
     * {@code _prev_<c>} for each column in {@code lagged}. Series are per {@code _bad} and key.
     */
    static Dataset<Row> sequence(Dataset<Row> samples, List<String> key, List<String> compared, List<String> lagged,
                                 IngestOptions o) {
        WindowSpec w = order(key);
        Dataset<Row> d = samples.withColumn(PREV_TS_S, lag(col(TS_S), 1).over(w));
        Column same = lit(true);
        for (String c : compared) {
            d = d.withColumn("_prev_" + c, lag(col(c), 1).over(w));
            same = same.and(col(c).eqNullSafe(col("_prev_" + c)));
        }
        for (String c : lagged) {
            if (!compared.contains(c)) {
                d = d.withColumn("_prev_" + c, lag(col(c), 1).over(w));
            }
        }
        Column dtRaw = col(TS_S).minus(col(PREV_TS_S));
        Column good = col(BAD).equalTo(false);
        return d.withColumn(DUP, when(good.and(dtRaw.equalTo(0)),
                        when(same, lit("duplicate row")).otherwise(lit("conflicting duplicate"))))
                .withColumn(GAP, good.and(dtRaw.gt(o.maxGapSeconds())).and(dtRaw.isNotNull()))
                .withColumn(DT, when(dtRaw.isNull().or(col(GAP)), lit(o.intervalSeconds())).otherwise(dtRaw));
    }

    /**
     * Time-weighted mean of each value column per series and interval. Input: the key columns,
     * {@code _ts_s}, {@code _dt} and the values. Output: key columns, {@code ts} (end of the
     * interval), the values and {@code coverage} (fraction of the interval covered by samples).
     */
    static Dataset<Row> align(Dataset<Row> samples, List<String> key, List<String> values, long intervalS) {
        Column start = col(TS_S).minus(col(DT));
        Column firstEnd = floor(start.divide(intervalS)).multiply(intervalS).plus(intervalS).cast(DataTypes.LongType);
        Column lastEnd = ceil(col(TS_S).divide((double) intervalS)).multiply(intervalS).cast(DataTypes.LongType);
        Column buckets = when(firstEnd.geq(lastEnd), array(lastEnd)).otherwise(org.apache.spark.sql.functions.sequence(firstEnd, lastEnd, lit(intervalS)));
        List<Column> keep = new ArrayList<>();
        key.forEach(k -> keep.add(col(k)));
        values.forEach(v -> keep.add(col(v)));
        keep.add(col(TS_S));
        keep.add(start.as("_start"));
        keep.add(explode(buckets).as("_b"));
        Dataset<Row> exploded = samples.select(keep.toArray(Column[]::new))
                .withColumn("_w", least(col(TS_S), col("_b")).minus(greatest(col("_start"), col("_b").minus(intervalS)))
                        .cast(DataTypes.DoubleType))
                .filter(col("_w").gt(0));
        List<Column> aggs = new ArrayList<>();
        for (String v : values) {
            aggs.add(sum(col(v).multiply(col("_w"))).as("_sw_" + v));
            aggs.add(sum(when(col(v).isNotNull(), col("_w"))).as("_w_" + v));
        }
        aggs.add(sum(col("_w")).as("_w"));
        List<Column> groupBy = new ArrayList<>();
        key.forEach(k -> groupBy.add(col(k)));
        groupBy.add(col("_b"));
        Dataset<Row> g = exploded.groupBy(groupBy.toArray(Column[]::new))
                .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new));
        List<Column> out = new ArrayList<>();
        key.forEach(k -> out.add(col(k)));
        out.add(timestamp_seconds(col("_b")).as("ts"));
        for (String v : values) {
            out.add(col("_sw_" + v).divide(col("_w_" + v)).as(v));
        }
        out.add(least(lit(1.0), col("_w").divide((double) intervalS)).as("coverage"));
        return g.select(out.toArray(Column[]::new));
    }
}
