package io.greenpack.ingest;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/** The common shape of quarantined rows: file, position, reason, detail, original text. */
public final class Rejects {
    public static final String[] COLUMNS = {"file", "_mid", "_blk", "reason", "detail", "_raw"};

    private Rejects() {
    }

    /** Selects the reject columns from a validated dataset that carries them. */
    public static Dataset<Row> of(Dataset<Row> validated, String fileName) {
        return validated.select(lit(fileName).as("file"), col("_mid"), col("_blk"),
                col("reason"), col("detail"), col("_raw"));
    }

    static Column[] columns() {
        Column[] cs = new Column[COLUMNS.length];
        for (int i = 0; i < COLUMNS.length; i++) {
            cs[i] = col(COLUMNS[i]);
        }
        return cs;
    }
}
