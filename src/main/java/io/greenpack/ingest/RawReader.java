package io.greenpack.ingest;

import io.greenpack.util.UserError;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;

/**
 * The checks every input gets before it is read (readable, not empty, a header with the
 * required columns), the Parquet reader, and column lists for messages. The rows themselves are
 * read in plain Java ({@link TextRows}, {@link SmallTables}) or by the ingest tasks.
 */
public final class RawReader {
    private RawReader() {
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
