package io.greenpack.ingest;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;

import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

/**
 * Builds the {@code reason} and {@code detail} columns of a validation step: the first failed
 * check names the row's problem ({@code reason}, a short category counted in summaries) and
 * the offending value ({@code detail}, shown in rejects.csv).
 */
final class Reasons {
    private record Check(Column failed, String reason, Column detail) {
    }

    private final List<Check> checks = new ArrayList<>();

    Reasons add(Column failed, String reason, Column detail) {
        checks.add(new Check(failed, reason, detail));
        return this;
    }

    /** A detail of the form {@code column = 'value'}. */
    static Column shown(String column, Column value) {
        return concat(lit(column + " = '"), value.cast(DataTypes.StringType), lit("'"));
    }

    Column reason() {
        Column c = lit(null).cast(DataTypes.StringType);
        for (int i = checks.size() - 1; i >= 0; i--) {
            Check k = checks.get(i);
            c = when(k.failed(), lit(k.reason())).otherwise(c);
        }
        return c;
    }

    Column detail() {
        Column c = lit(null).cast(DataTypes.StringType);
        for (int i = checks.size() - 1; i >= 0; i--) {
            Check k = checks.get(i);
            c = when(k.failed(), k.detail()).otherwise(c);
        }
        return c;
    }
}
