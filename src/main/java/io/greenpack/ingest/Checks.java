package io.greenpack.ingest;

import org.apache.spark.sql.Column;

import java.sql.Timestamp;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * Validation steps shared by the time-series files. They read the columns of a first
 * projection ({@code _ts_text}, {@code ts}, {@code host}, {@code _h_cores}): parsing once and
 * checking the parsed values keeps Spark's generated code small (a check that re-parses a value
 * in every branch makes methods too large to compile, and Spark then interprets them slowly).
 */
final class Checks {
    private Checks() {
    }

    static Reasons timeAndHost(IngestOptions o) {
        return new Reasons()
                .add(col("_ts_text").isNull(), "missing timestamp", lit("timestamp is empty"))
                .add(col("ts").isNull(), "unreadable timestamp", Reasons.shown("timestamp", col("_ts_text")))
                .add(col("ts").lt(lit(Timestamp.from(IngestOptions.EARLIEST))), "timestamp before 1990",
                        Reasons.shown("timestamp", col("_ts_text")))
                .add(col("ts").gt(lit(Timestamp.from(o.now()))), "timestamp in the future",
                        Reasons.shown("timestamp", col("_ts_text")))
                .add(col("host").isNull(), "missing host", lit("host is empty"))
                .add(col("_h_cores").isNull(), "unknown host", Reasons.shown("host", col("host")));
    }
}
