package io.greenpack.ingest;

import io.greenpack.util.UserError;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_csv;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.trim;

/**
 * Reads one file into a {@link RawTable}. Text formats are read as lines (so each row keeps its
 * line for the rejects file) and split with Spark's own CSV/JSON parsers into string columns;
 * nothing is inferred, every value is interpreted later with a reason when it fails.
 */
public final class RawReader {
    private RawReader() {
    }

    public static RawTable read(SparkSession spark, InputFile file) {
        checkReadable(file);
        return file.format() == InputFormat.PARQUET ? readParquet(spark, file) : readText(spark, file);
    }

    /** Readable, not empty and (text formats) a header with the required columns; no Spark. */
    static void checkHeader(InputFile file) {
        checkReadable(file);
        if (file.format() != InputFormat.PARQUET) {
            requireColumns(file, TextHeader.read(file).columns());
        }
    }

    static void checkReadable(InputFile file) {
        if (!Files.isReadable(file.path())) {
            throw new UserError(file.path() + ": cannot read the file (missing or no permission)");
        }
        try {
            if (Files.isRegularFile(file.path()) && Files.size(file.path()) == 0) {
                throw new UserError(file.path() + ": the file is empty (0 bytes); expected "
                        + (file.format() == InputFormat.PARQUET ? "a Parquet file" : "a header line and data"));
            }
        } catch (IOException e) {
            throw new UserError(file.path() + ": cannot read the file: " + e.getMessage(), e);
        }
    }

    private static RawTable readText(SparkSession spark, InputFile file) {
        TextHeader header = TextHeader.read(file);
        requireColumns(file, header.columns());
        StructType schema = new StructType();
        for (String c : header.columns()) {
            schema = schema.add(c, DataTypes.StringType, true);
        }
        Dataset<Row> lines = spark.read().text(file.path().toString())
                .select(col("value").as("_raw"),
                        monotonically_increasing_id().as("_mid"),
                        col("_metadata.file_block_start").as("_blk"));
        // Drop blank lines and, in CSV, the header line (a repeated header in concatenated files
        // too; Spark's reader may or may not have kept the BOM).
        Column keep = trim(col("_raw")).notEqual(lit(""));
        if (file.format() != InputFormat.JSONL) {
            String noBom = header.rawLine().startsWith("\uFEFF") ? header.rawLine().substring(1) : header.rawLine();
            keep = keep.and(col("_raw").notEqual(lit(header.rawLine()))).and(col("_raw").notEqual(lit(noBom)));
        }
        Dataset<Row> data = lines.filter(keep);
        int cores = spark.sparkContext().defaultParallelism();
        if (file.name().toLowerCase(Locale.ROOT).endsWith(".gz") && cores > 1) {
            // A gzip stream is read by one task; spread the parsing over every core.
            data = data.repartition(cores);
        }
        Column parsed;
        Map<String, String> options = new LinkedHashMap<>();
        if (file.format() == InputFormat.JSONL) {
            options.put("mode", "PERMISSIVE");
            options.put("allowNonNumericNumbers", "true");
            parsed = from_json(col("_raw"), lit(schema.toDDL()), options);
        } else {
            options.put("sep", String.valueOf(header.separator()));
            options.put("mode", "PERMISSIVE");
            options.put("ignoreLeadingWhiteSpace", "true");
            options.put("ignoreTrailingWhiteSpace", "true");
            parsed = from_csv(col("_raw"), lit(schema.toDDL()), options);
        }
        List<Column> select = new ArrayList<>(List.of(col("_mid"), col("_blk"), col("_raw")));
        for (String c : header.columns()) {
            select.add(col("_p").getField(c).as(c));
        }
        Dataset<Row> rows = data.withColumn("_p", parsed).select(select.toArray(Column[]::new));
        Map<String, DataType> types = new LinkedHashMap<>();
        header.columns().forEach(c -> types.put(c, DataTypes.StringType));
        return new RawTable(file, rows, types, header.separator() == ';');
    }

    /** A Parquet input as Spark reads it; a file that is not Parquet is a {@link UserError}. */
    static Dataset<Row> parquet(SparkSession spark, InputFile file) {
        Dataset<Row> df;
        try {
            df = spark.read().parquet(file.path().toString());
            df.schema();
        } catch (Exception e) {
            // Not only RuntimeException: Spark throws SparkException (checked, in Java terms) for a
            // file that is not Parquet at all, e.g. CSV text named .parquet.
            throw new UserError(file.path() + ": not a readable Parquet file (" + firstLine(e) + ")", e);
        }
        return df;
    }

    private static RawTable readParquet(SparkSession spark, InputFile file) {
        Dataset<Row> df = parquet(spark, file);
        Map<String, DataType> types = new LinkedHashMap<>();
        List<Column> select = new ArrayList<>(List.of(
                col("_metadata.row_index").as("_mid"), lit(0L).as("_blk"), lit(null).cast("string").as("_raw")));
        for (StructField f : df.schema().fields()) {
            String name = f.name().trim().toLowerCase(Locale.ROOT);
            if (types.containsKey(name)) {
                throw new UserError(file.path() + ": column '" + name + "' appears twice (names are case-insensitive)");
            }
            types.put(name, f.dataType());
            select.add(col("`" + f.name() + "`").as(name));
        }
        requireColumns(file, new ArrayList<>(types.keySet()));
        return new RawTable(file, df.select(select.toArray(Column[]::new)), types, false);
    }

    static void requireColumns(InputFile file, List<String> columns) {
        for (String required : file.kind().requiredColumns()) {
            if (!columns.contains(required)) {
                throw new UserError(file.path() + ": missing required column '" + required + "' (found columns: "
                        + shown(columns) + "; expected at least: "
                        + String.join(", ", file.kind().requiredColumns()) + ")");
            }
        }
    }

    /**
     * Column names for a message: at most 30 of them, control characters (NUL, ...) shown as
     * escapes, so that a 100,000-column or binary header gives one readable line.
     */
    static String shown(java.util.Collection<String> columns) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        for (String c : columns) {
            if (i == 30) {
                sb.append(", ... (").append(columns.size()).append(" columns in all)");
                break;
            }
            sb.append(i++ == 0 ? "" : ", ");
            String name = TextHeader.abbreviate(c);
            for (int k = 0; k < name.length(); k++) {
                char ch = name.charAt(k);
                sb.append(Character.isISOControl(ch) ? String.format(Locale.ROOT, "\\u%04x", (int) ch) : String.valueOf(ch));
            }
        }
        return sb.toString();
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
