package io.greenpack.ingest;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;

import java.sql.Timestamp;

import static org.apache.spark.sql.functions.lit;

/** Validation steps shared by the time-series files (timestamp, host, the host inventory). */
final class Checks {
    private Checks() {
    }

    /** Adds the timestamp and host checks; the row must carry the hosts-table columns {@code _h_cores}. */
    static Reasons timeAndHost(RawTable t, Column ts, Column host, IngestOptions o) {
        return new Reasons()
                .add(Parse.text(t, "timestamp").isNull(), "missing timestamp", lit("timestamp is empty"))
                .add(ts.isNull(), "unreadable timestamp",
                        Reasons.shown("timestamp", Parse.text(t, "timestamp")).cast(DataTypes.StringType))
                .add(ts.lt(lit(Timestamp.from(IngestOptions.EARLIEST))), "timestamp before 1990",
                        Reasons.shown("timestamp", Parse.text(t, "timestamp")))
                .add(ts.gt(lit(Timestamp.from(o.now()))), "timestamp in the future",
                        Reasons.shown("timestamp", Parse.text(t, "timestamp")))
                .add(host.isNull(), "missing host", lit("host is empty"))
                .add(org.apache.spark.sql.functions.col("_h_cores").isNull(), "unknown host",
                        Reasons.shown("host", host).cast(DataTypes.StringType));
    }
}
