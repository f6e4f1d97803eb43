package io.greenpack.ingest;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.try_to_timestamp;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.timestamp_millis;
import static org.apache.spark.sql.functions.timestamp_seconds;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

/**
 * Spark expressions that interpret raw values. Each returns null when the value cannot be read,
 * so that the caller can quarantine the row with a reason instead of failing the job.
 */
public final class Parse {
    private Parse() {
    }

    /** Trimmed text; empty becomes null. */
    public static Column text(RawTable t, String name) {
        if (!t.has(name)) {
            return lit(null).cast(DataTypes.StringType);
        }
        Column s = trim(t.column(name).cast(DataTypes.StringType));
        return when(s.equalTo(lit("")), lit(null).cast(DataTypes.StringType)).otherwise(s);
    }

    /** Whether the cell holds anything at all (to tell "missing" from "unreadable"). */
    public static Column present(RawTable t, String name) {
        return text(t, name).isNotNull();
    }

    /**
     * A finite double, or null. Semicolon-separated files may use a decimal comma ("12,5"); NaN
     * and infinities are not numbers a meter can report.
     */
    public static Column number(RawTable t, String name) {
        if (!t.has(name)) {
            return lit(null).cast(DataTypes.DoubleType);
        }
        DataType type = t.type(name);
        Column v;
        if (type instanceof NumericType) {
            v = t.column(name).cast(DataTypes.DoubleType);
        } else {
            Column s = text(t, name);
            if (t.decimalComma()) {
                // "1.234,5": dots are thousands separators only next to a decimal comma or when
                // there are several ("1.234.567"); a lone "1.234" stays 1.234.
                s = when(s.rlike("^[-+]?[0-9]{1,3}(\\.[0-9]{3})+,[0-9]+$|^[-+]?[0-9]{1,3}(\\.[0-9]{3}){2,}$"),
                        regexp_replace(s, "\\.", "")).otherwise(s);
                s = regexp_replace(s, ",", ".");
            }
            v = s.try_cast(DataTypes.DoubleType);
        }
        return when(v.isNull().or(isnan(v)).or(abs(v).equalTo(lit(Double.POSITIVE_INFINITY))),
                lit(null).cast(DataTypes.DoubleType)).otherwise(v);
    }

    /**
     * A UTC timestamp from ISO-8601 (with offset; without one it is taken as UTC), epoch seconds
     * or epoch milliseconds (told apart by size), or a native Parquet timestamp. Rows of one file
     * may mix these forms: each value is read on its own.
     */
    public static Column timestamp(RawTable t, String name) {
        DataType type = t.type(name);
        if (type instanceof org.apache.spark.sql.types.TimestampType
                || type instanceof org.apache.spark.sql.types.TimestampNTZType) {
            return t.column(name).cast(DataTypes.TimestampType);
        }
        if (type instanceof NumericType) {
            return epoch(t.column(name).cast(DataTypes.DoubleType));
        }
        Column s = text(t, name);
        // ISO-8601 always has a '-': test that first, so that the common case skips the regex
        // (Spark evaluates AND left to right and stops at false).
        Column epochNumber = not(s.contains("-")).and(s.rlike("^[0-9]{9,14}(\\.[0-9]+)?$"));
        // Spark's own cast reads ISO-8601 with seconds; "2026-10-05T02:05+02:00" (seconds left
        // out, as java.time prints them) needs a pattern.
        return when(epochNumber, epoch(s.cast(DataTypes.DoubleType)))
                .otherwise(coalesce(s.try_cast(DataTypes.TimestampType),
                        try_to_timestamp(s, lit("yyyy-MM-dd'T'HH:mmXXX"))));
    }

    private static Column epoch(Column seconds) {
        // Epoch milliseconds are > 1e11 for any date after 1973; seconds stay below until 5138.
        return when(abs(seconds).geq(lit(1e11)), timestamp_millis(seconds.cast(DataTypes.LongType)))
                .otherwise(timestamp_seconds(seconds));
    }
}
