package io.greenpack.ingest.catalog;

import io.greenpack.ingest.files.InputFile;
import io.greenpack.ingest.files.InputFormat;
import io.greenpack.ingest.files.RejectRow;
import io.greenpack.ingest.read.CellValues;
import io.greenpack.ingest.read.Cells;
import io.greenpack.ingest.read.Damage;
import io.greenpack.ingest.read.ParquetInput;
import io.greenpack.ingest.read.RawReader;
import io.greenpack.ingest.read.TextHeader;
import io.greenpack.ingest.read.TextRows;
import io.greenpack.ingest.read.TypedCells;
import io.greenpack.util.UserError;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;

import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.zip.ZipException;

import static org.apache.spark.sql.functions.col;

/**
 * The small tables (hosts, apps, targets): read in plain Java with the readers of the sample
 * files ({@link TextRows}: same lines, fields, numbers), each row turned into a value or a
 * reason, and the first row of a key wins; a later row with the same key is rejected as a
 * duplicate. Every rejected row keeps its file, physical line and the line itself. A row the
 * reader finds broken as a whole (too many fields, not valid JSON) is rejected for that, as in
 * the sample files. Parquet inputs are read through Spark (the only Spark work here).
 */
public final class SmallTables {
    private SmallTables() {
    }

    /** A row's verdict: a value, or the reason (and detail) it is rejected. */
    record Parsed<T>(T value, String reason, String detail) {
        static <T> Parsed<T> ok(T value) {
            return new Parsed<>(Objects.requireNonNull(value), null, null);
        }

        static <T> Parsed<T> rejected(String reason, String detail) {
            return new Parsed<>(null, Objects.requireNonNull(reason), detail);
        }
    }

    /** What a later row with an already seen key is rejected for. */
    interface Duplicate<T> {
        Parsed<T> of(T earlier, T again);
    }

    /** @param kept the first value of each key, in file order */
    record Collected<T>(List<T> kept, Map<String, Long> reasons, List<RejectRow> rejects, int rowsRead) {
    }

    /** One data row's cells by (lower-case) column name; a column the file lacks has no value. */
    static final class Named {
        private final Map<String, Integer> index = new HashMap<>();
        private final List<String> columns;
        private Cells cells;
        private String file;
        private long line;

        Named(List<String> columns) {
            this.columns = List.copyOf(columns);
            for (int i = 0; i < columns.size(); i++) {
                index.put(columns.get(i), i);
            }
        }

        /** The file's columns, in file order. */
        List<String> columns() {
            return columns;
        }

        /** Whether the cell holds anything at all (to tell "missing" from "unreadable"). */
        boolean present(String column) {
            return cells.present(index.getOrDefault(column, -1));
        }

        /** Trimmed text; null when empty or absent. */
        String text(String column) {
            return cells.text(index.getOrDefault(column, -1));
        }

        /** A finite number (semicolon files: decimal comma), or NaN when absent or unreadable. */
        double number(String column) {
            return cells.number(index.getOrDefault(column, -1));
        }

        /** "file, line N, column 'c'": where a value that stops the run was found. */
        String where(String column) {
            return file + ", line " + line + ", column '" + column + "'";
        }
    }

    /** The usual duplicate rule: "duplicate row" when equal, else "conflicting duplicate {what}". */
    static <T> Duplicate<T> duplicateOf(String what, Function<T, String> key) {
        return (earlier, again) -> Parsed.rejected(Objects.equals(earlier, again) ? "duplicate row"
                : "conflicting duplicate " + what, what + " = '" + key.apply(again) + "' already defined earlier in the file");
    }

    /** A detail of the form {@code column = 'value'}; null when there is no value to show. */
    static String shown(String column, String value) {
        return value == null ? null : column + " = '" + value + "'";
    }

    /** A detail of the form {@code column = 'value'} for a number (shown as Spark casts it to text). */
    static String shown(String column, double value) {
        return column + " = '" + CellValues.shown(value) + "'";
    }

    /** A number, or null when NaN (absent or unreadable). */
    static Double orNull(double v) {
        return Double.isNaN(v) ? null : v;
    }

    /**
     * Reads the file (readable, required columns present, else a {@link UserError}), turns each
     * data row into a value with {@code parse} and keeps the first value of each key.
     */
    static <T> Collected<T> read(InputFile file, Function<Named, Parsed<T>> parse, Function<T, String> key,
                                 Duplicate<T> duplicate) {
        RawReader.checkReadable(file);
        Map<String, T> byKey = new LinkedHashMap<>();
        Map<String, Long> reasons = new HashMap<>();
        List<RejectRow> rejects = new ArrayList<>();
        int[] rows = {0};
        Each each = (named, line) -> {
            rows[0]++;
            named.file = file.path().toString();
            named.line = line;
            Parsed<T> p = named.cells.problem() != null
                    ? Parsed.rejected(named.cells.problem(), named.cells.problemDetail()) : parse.apply(named);
            if (p.value() != null) {
                T earlier = byKey.putIfAbsent(key.apply(p.value()), p.value());
                if (earlier == null) {
                    return;
                }
                p = duplicate.of(earlier, p.value());
            }
            reasons.merge(p.reason(), 1L, Long::sum);
            rejects.add(new RejectRow(file.name(), line, p.reason(), RejectRow.cut(p.detail()),
                    RejectRow.cut(named.cells.raw())));
        };
        if (file.format() == InputFormat.PARQUET) {
            readParquet(file, each);
        } else {
            readText(file, each);
        }
        return new Collected<>(List.copyOf(byKey.values()), reasons, List.copyOf(rejects), rows[0]);
    }

    private interface Each {
        void row(Named named, long line);
    }

    private static void readText(InputFile file, Each each) {
        TextHeader header = TextHeader.read(file);
        RawReader.requireColumns(file, header.columns());
        Named named = new Named(header.columns());
        try {
            TextRows.read(file, header.columns(), header.separator(), header.rawLine(), (cells, line) -> {
                named.cells = cells;
                each.row(named, line);
            });
        } catch (EOFException | ZipException e) {
            // Decompressed again to name how far the file is good.
            throw Damage.findDamagedGzip(List.of(file)).orElseGet(() -> Damage.readFailure(file, e));
        } catch (IOException e) {
            throw Damage.readFailure(file, e);
        }
    }

    /** A Parquet input through the active Spark session, as the samples are read; rows in file order, numbered from 1. */
    private static void readParquet(InputFile file, Each each) {
        ParquetInput in = ParquetInput.read(SparkSession.active(), file);
        InternalRow[] rows = in.projected(List.of(col("_metadata.file_path"), col("_metadata.row_index")))
                .queryExecution().executedPlan().executeCollect();
        java.util.Arrays.sort(rows, Comparator.comparing((InternalRow r) -> r.getUTF8String(0)).thenComparingLong(r -> r.getLong(1)));
        Named named = new Named(in.names);
        TypedCells.Rows cells = new TypedCells.Rows(in.types, 2);
        named.cells = cells;
        for (InternalRow r : rows) {
            cells.read(r);
            each.row(named, r.getLong(1) + 1);
        }
    }
}
