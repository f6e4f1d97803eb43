package io.greenpack.csv;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.List;

/**
 * A small CSV writer for the run's tables ({@code rejects.csv}, {@code plan.csv}, …): a header and
 * rows, UTF-8 without BOM (notebooks read it as is), {@code \n} line ends, comma separator.
 *
 * <p>Cells are typed: a {@link Number} is written plainly ({@code 1234.5}, never {@code 1.2345E3},
 * NaN and infinities as an empty cell) and never quoted or prefixed; anything else is text and goes
 * through {@link CsvCell#text} (quoting, formula-injection defence). {@code null} is an empty cell.
 */
public final class CsvWriter implements Closeable {
    private final Writer out;
    private final int columns;
    private long rows;

    private CsvWriter(Writer out, List<String> header) {
        if (header.isEmpty()) {
            throw new IllegalArgumentException("a CSV file needs at least one column");
        }
        this.out = out;
        this.columns = header.size();
        writeRow(List.copyOf(header));
    }

    /** Creates (or replaces) {@code file} and writes the header. */
    public static CsvWriter open(Path file, List<String> header) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return new CsvWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), header);
    }

    /** Writes to a caller's writer (tests, in-memory exports); closing closes it. */
    public static CsvWriter to(Writer out, List<String> header) {
        return new CsvWriter(out instanceof BufferedWriter ? out : new BufferedWriter(out), header);
    }

    public CsvWriter row(Object... cells) {
        return row(Arrays.asList(cells));
    }

    public CsvWriter row(List<?> cells) {
        if (cells.size() != columns) {
            throw new IllegalArgumentException("CSV row has " + cells.size() + " cells, the header has " + columns);
        }
        writeRow(cells);
        rows++;
        return this;
    }

    /** Data rows written so far (without the header). */
    public long rows() {
        return rows;
    }

    private void writeRow(List<?> cells) {
        StringBuilder line = new StringBuilder(64);
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(cells.get(i)));
        }
        line.append('\n');
        try {
            out.write(line.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write CSV row: " + e.getMessage(), e);
        }
    }

    /** The text of one cell as it appears in the file (for a line assembled by hand, as a merge does). */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number n) {
            return number(n);
        }
        if (value instanceof TemporalAccessor) {
            return CsvCell.text(value.toString()); // ISO-8601, e.g. 2024-05-01T00:00:00Z
        }
        return CsvCell.text(value.toString());
    }

    /** Plain decimal notation; integers without ".0"; non-finite as empty (a missing value). */
    static String number(Number n) {
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (!Double.isFinite(d)) {
                return "";
            }
            if (d == 0) {
                return "0"; // also for -0.0
            }
            // toString is the shortest text that round-trips (per type: a float's 0.1 is "0.1",
            // not its double widening 0.10000000149…); BigDecimal removes the exponent.
            String shortest = n instanceof Float f ? Float.toString(f) : Double.toString(d);
            return new BigDecimal(shortest).stripTrailingZeros().toPlainString();
        }
        if (n instanceof BigDecimal b) {
            return b.stripTrailingZeros().toPlainString();
        }
        return n.toString(); // Integer, Long, BigInteger, Short, Byte
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
