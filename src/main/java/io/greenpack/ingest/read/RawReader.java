package io.greenpack.ingest.read;

import io.greenpack.ingest.files.InputFile;
import io.greenpack.ingest.files.InputFormat;
import io.greenpack.util.UserError;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The checks every input gets before it is read (readable, not empty, a header with the
 * required columns), the Parquet reader, and column lists for messages. The rows themselves are
 * read in plain Java ({@link TextRows}, and the catalogs' small tables) or by the ingest tasks.
 */
public final class RawReader {
    private RawReader() {
    }

    /** Readable, not empty and (text formats) a header with the required columns; no Spark. */
    public static void checkHeader(InputFile file) {
        checkReadable(file);
        if (file.format() != InputFormat.PARQUET) {
            requireColumns(file, TextHeader.read(file).columns());
        }
    }

    public static void checkReadable(InputFile file) {
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
    public static Dataset<Row> parquet(SparkSession spark, InputFile file) {
        Dataset<Row> df;
        try {
            StructType schema = footerSchema(spark, file.path());
            org.apache.spark.sql.DataFrameReader reader = spark.read();
            df = (schema == null ? reader : reader.schema(schema)).parquet(file.path().toString());
            df.schema();
        } catch (Exception e) {
            // Not only RuntimeException: Spark throws SparkException (checked, in Java terms) for a
            // file that is not Parquet at all, e.g. CSV text named .parquet.
            throw new UserError(file.path() + ": not a readable Parquet file (" + firstLine(e) + ")", e);
        }
        return df;
    }

    /**
     * The schema in the footer of the input's first data file, read here as Spark reads it (its
     * metadata, else the Parquet types): Spark's own inference runs a job for it, half a second
     * or more in a fresh process. Null when there is no data file (Spark
     * then says what is wrong).
     */
    private static StructType footerSchema(SparkSession spark, Path input) throws IOException {
        Path first = firstDataFile(input);
        if (first == null) {
            return null;
        }
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(first.toUri());
        org.apache.hadoop.conf.Configuration conf = ((org.apache.spark.sql.classic.SparkSession) spark).sessionState().newHadoopConf();
        org.apache.parquet.hadoop.metadata.ParquetMetadata footer;
        try (org.apache.parquet.hadoop.ParquetFileReader reader = org.apache.parquet.hadoop.ParquetFileReader.open(
                org.apache.parquet.hadoop.util.HadoopInputFile.fromPath(path, conf))) {
            footer = reader.getFooter();
        }
        scala.collection.immutable.Seq<org.apache.parquet.hadoop.Footer> footers = scala.jdk.javaapi.CollectionConverters
                .asScala(List.of(new org.apache.parquet.hadoop.Footer(path, footer))).toSeq();
        scala.Option<StructType> schema = org.apache.spark.sql.execution.datasources.parquet.ParquetFileFormat$.MODULE$
                .readSchema(footers, spark);
        return schema.isDefined() ? schema.get() : null;
    }

    /** The input itself, or the first data file under the folder as Spark lists them (no "_" or "." names). */
    private static Path firstDataFile(Path input) throws IOException {
        if (Files.isRegularFile(input)) {
            return input;
        }
        try (java.util.stream.Stream<Path> files = Files.walk(input)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> java.util.stream.StreamSupport.stream(input.relativize(f).spliterator(), false)
                            .map(Path::toString).noneMatch(RawReader::hidden))
                    .sorted().findFirst().orElse(null);
        }
    }

    /** A name Spark's file listing leaves out (InMemoryFileIndex.shouldFilterOutPathName). */
    private static boolean hidden(String name) {
        return name.startsWith(".") || name.startsWith("_") && !name.contains("=") || name.endsWith("._COPYING_");
    }

    public static void requireColumns(InputFile file, List<String> columns) {
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
    public static String shown(java.util.Collection<String> columns) {
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
