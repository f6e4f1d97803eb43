package io.greenpack.ingest;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;

import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * One input file as Spark rows, before any interpretation: the file's own columns (lower-cased;
 * strings for text formats, native types for Parquet) plus bookkeeping columns:
 * {@code _mid} and {@code _blk} locate the row in the file (see {@link LineNumbers}) and
 * {@code _raw} holds the original text line (null for Parquet).
 */
public record RawTable(InputFile file, Dataset<Row> rows, Map<String, DataType> columns, boolean decimalComma) {

    public boolean has(String column) {
        return columns.containsKey(column);
    }

    /** The column, or a typed null when the file lacks it (optional columns). */
    public Column column(String name) {
        return has(name) ? col(name) : lit(null).cast("string");
    }

    public DataType type(String name) {
        return columns.get(name);
    }
}
