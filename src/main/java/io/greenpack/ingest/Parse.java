package io.greenpack.ingest;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
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
}
