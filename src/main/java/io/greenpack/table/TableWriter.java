package io.greenpack.table;

import org.apache.spark.sql.SparkSession;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes result tables as CSV and Parquet ({@link TableFiles#write}) with the run's SparkSession,
 * which it holds so that the renderers that call it need no Spark of their own.
 */
public final class TableWriter {
    private final SparkSession spark;

    public TableWriter(SparkSession spark) {
        this.spark = spark;
    }

    public void write(Map<String, Table> tables, Path dir) throws IOException {
        TableFiles.write(spark, tables, dir);
    }
}
