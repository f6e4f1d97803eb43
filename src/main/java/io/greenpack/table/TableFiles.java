package io.greenpack.table;

import io.greenpack.csv.CsvWriter;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes result tables as {@code <name>.csv} (through {@link CsvWriter}, which defends against
 * formula injection) and {@code <name>.parquet} (one file, written by Spark into a scratch folder
 * and moved, so the table folder holds plain files a notebook opens with pandas or DuckDB).
 * A missing number (NaN) is an empty CSV cell and a Parquet null.
 */
public final class TableFiles {
    private TableFiles() {
    }

    public static void write(SparkSession spark, Map<String, Table> tables, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, Table> e : tables.entrySet()) {
            writeCsv(e.getValue(), dir.resolve(e.getKey() + ".csv"));
            writeParquet(spark, e.getValue(), dir.resolve(e.getKey() + ".parquet"));
        }
    }

    /** Copies the files of {@code tables} from {@code from} into {@code to} (e.g. notebooks-data/results/), replacing older ones. */
    public static void copy(Map<String, Table> tables, Path from, Path to) throws IOException {
        Files.createDirectories(to);
        for (String name : tables.keySet()) {
            for (String ext : List.of(".csv", ".parquet")) {
                Path src = from.resolve(name + ext);
                Path tmp = to.resolve("." + name + ext + ".tmp");
                Files.copy(src, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, to.resolve(name + ext), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }

    public static void writeCsv(Table t, Path file) throws IOException {
        List<String> header = t.columnNames();
        try (CsvWriter w = CsvWriter.open(file, header)) {
            for (int i = 0; i < t.rowCount(); i++) {
                w.row(cells(t, i));
            }
        }
    }

    private static List<Object> cells(Table t, int row) {
        List<Object> cells = new ArrayList<>(t.columnCount());
        for (Column<?> c : t.columns()) {
            Object v = c.isMissing(row) ? null : c.get(row);
            if (v instanceof Double d && Double.isNaN(d)) {
                v = null;
            }
            cells.add(v);
        }
        return cells;
    }

    static void writeParquet(SparkSession spark, Table t, Path file) throws IOException {
        StructType schema = new StructType();
        for (Column<?> c : t.columns()) {
            schema = schema.add(c.name(), sparkType(c.type()), true);
        }
        List<Row> rows = new ArrayList<>(t.rowCount());
        for (int i = 0; i < t.rowCount(); i++) {
            rows.add(RowFactory.create(cells(t, i).toArray()));
        }
        Path scratch = file.resolveSibling("." + file.getFileName() + ".spark");
        deleteTree(scratch);
        spark.createDataFrame(rows, schema).coalesce(1).write().parquet(scratch.toString());
        Path part;
        try (Stream<Path> s = Files.list(scratch)) {
            part = s.filter(p -> p.getFileName().toString().startsWith("part-") && p.toString().endsWith(".parquet"))
                    .findFirst().orElseThrow(() -> new IOException("Spark wrote no Parquet part file into " + scratch));
        }
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
        deleteTree(scratch);
    }

    private static DataType sparkType(ColumnType type) {
        if (type == ColumnType.DOUBLE) {
            return DataTypes.DoubleType;
        }
        if (type == ColumnType.INTEGER) {
            return DataTypes.IntegerType;
        }
        if (type == ColumnType.LONG) {
            return DataTypes.LongType;
        }
        if (type == ColumnType.BOOLEAN) {
            return DataTypes.BooleanType;
        }
        if (type == ColumnType.STRING) {
            return DataTypes.StringType;
        }
        throw new IllegalArgumentException("no Parquet mapping for Tablesaw column type " + type);
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }
}
