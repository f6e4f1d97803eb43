package io.greenpack.ingest.read;

import io.greenpack.ingest.files.InputFile;
import io.greenpack.util.UserError;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * A Parquet input's columns as greenpack reads them, for the samples and the small tables alike:
 * names lower-cased (a name twice is a {@link UserError}), the required columns checked, and per
 * column its {@link TypedCells} type and vector kind.
 */
public final class ParquetInput {
    /** Columns that hold numbers in every input kind (DESIGN §2). */
    private static final java.util.Set<String> NUMERIC = java.util.Set.of("watts", "energy_wh", "energy_kwh", "cpu_cores",
            "cpu_pct", "mem_gb", "mem_mb", "disk_iops", "disk_mbps", "net_mbps", "cores", "sockets", "idle_watts",
            "max_watts", "reserved_cores", "reserved_mem_gb");

    final Dataset<Row> df;
    public final List<String> names = new ArrayList<>();
    public final int[] types;
    public final int[] kinds;

    private ParquetInput(InputFile f, Dataset<Row> df) {
        this.df = df;
        StructField[] fields = df.schema().fields();
        types = new int[fields.length];
        kinds = new int[fields.length];
        for (int c = 0; c < fields.length; c++) {
            String name = fields[c].name().trim().toLowerCase(Locale.ROOT);
            if (names.contains(name)) {
                throw new UserError(f.path() + ": column '" + name + "' appears twice (names are case-insensitive)");
            }
            names.add(name);
            DataType type = fields[c].dataType();
            if (type instanceof org.apache.spark.sql.types.BooleanType && NUMERIC.contains(name)) {
                // true/false would otherwise be read row by row as text that is not a number.
                throw new UserError(f.path() + ": column '" + name + "' is boolean (true/false); expected a number "
                        + "(a Parquet integer or floating-point column)");
            }
            types[c] = floating(type) ? TypedCells.DOUBLE : type instanceof org.apache.spark.sql.types.NumericType
                    ? TypedCells.NUMBER : timestamp(type) ? TypedCells.TIMESTAMP : TypedCells.TEXT;
            kinds[c] = TypedCells.vectorKind(type);
        }
        RawReader.requireColumns(f, names);
    }

    public static ParquetInput read(SparkSession spark, InputFile f) {
        return new ParquetInput(f, RawReader.parquet(spark, f));
    }

    /**
     * The rows as {@link TypedCells.Rows} reads them: the {@code leading} columns, then per column
     * its text (Spark's cast; none for floating-point and timestamp columns, whose text is made
     * from the value when a reject shows it) and its value (a double for numbers, microseconds
     * for timestamps, null for text).
     */
    public Dataset<Row> projected(List<Column> leading) {
        List<Column> select = new ArrayList<>(leading);
        StructField[] fields = df.schema().fields();
        for (int c = 0; c < fields.length; c++) {
            Column v = col("`" + fields[c].name() + "`");
            boolean textless = types[c] == TypedCells.DOUBLE || types[c] == TypedCells.TIMESTAMP;
            select.add(textless ? lit(null).cast(DataTypes.StringType) : v.cast(DataTypes.StringType));
            select.add(switch (types[c]) {
                case TypedCells.NUMBER, TypedCells.DOUBLE -> v.cast(DataTypes.DoubleType);
                case TypedCells.TIMESTAMP -> org.apache.spark.sql.functions.unix_micros(v.cast(DataTypes.TimestampType));
                default -> lit(null).cast(DataTypes.DoubleType);
            });
        }
        return df.select(select.toArray(Column[]::new));
    }

    /** Column batches of the file scan; per column its vector, and the vector of the row index. */
    public record Batches(org.apache.spark.api.java.JavaRDD<org.apache.spark.sql.vectorized.ColumnarBatch> rdd, int[] vectorOf,
                   int rowIndexVector) {
    }

    /**
     * A Parquet input read as Spark's vectorized reader gives it, column batches with no row
     * copied (for speed): the plan's one leaf, the file scan, run by itself. Null when
     * the scan cannot give batches (a column type other than text, integral, floating-point or
     * zoned timestamp; vectorized reading turned off; too many columns) and the input is read as
     * {@link #projected} rows instead.
     */
    public Batches batches() {
        if (java.util.Arrays.stream(kinds).anyMatch(k -> k < 0)) {
            return null;
        }
        List<Column> cols = new ArrayList<>(List.of(col("_metadata.row_index")));
        for (String name : df.columns()) {
            cols.add(col("`" + name + "`"));
        }
        org.apache.spark.sql.execution.SparkPlan plan = df.select(cols.toArray(Column[]::new)).queryExecution().executedPlan();
        List<org.apache.spark.sql.execution.SparkPlan> leaves = scala.jdk.javaapi.CollectionConverters.asJava(plan.collectLeaves());
        if (leaves.size() != 1 || !(leaves.get(0) instanceof org.apache.spark.sql.execution.FileSourceScanExec scan)
                || !scan.supportsColumnar()) {
            return null;
        }
        List<String> output = new ArrayList<>();
        scala.jdk.javaapi.CollectionConverters.asJava(scan.output()).forEach(a -> output.add(a.name()));
        int[] vectorOf = new int[kinds.length];
        for (int c = 0; c < kinds.length; c++) {
            vectorOf[c] = output.indexOf(df.columns()[c]);
        }
        // Spark's name for the row index it reads along with the columns (behind _metadata.row_index).
        int rowIndex = -1;
        for (int i = 0; i < output.size(); i++) {
            rowIndex = output.get(i).startsWith("_tmp_metadata_row_index") ? i : rowIndex;
        }
        if (rowIndex < 0 || java.util.Arrays.stream(vectorOf).anyMatch(v -> v < 0)) {
            return null;
        }
        return new Batches(scan.executeColumnar().toJavaRDD(), vectorOf, rowIndex);
    }

    private static boolean floating(DataType t) {
        return t instanceof org.apache.spark.sql.types.FractionalType;
    }

    private static boolean timestamp(DataType t) {
        return t instanceof org.apache.spark.sql.types.TimestampType || t instanceof org.apache.spark.sql.types.TimestampNTZType;
    }
}
