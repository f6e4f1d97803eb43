package io.greenpack.csv;

import io.greenpack.util.UserError;

import java.util.List;
import java.util.Locale;

/**
 * One data row of a {@link CsvFile}, with typed reads whose errors name the file, the line, the
 * column, what was found and what was expected. A column index of -1 (a column the file does not
 * have) reads as an empty cell.
 */
public final class CsvRow {
    private final CsvFile file;
    private final int line;
    private final List<String> fields;

    CsvRow(CsvFile file, int line, List<String> fields) {
        this.file = file;
        this.line = line;
        this.fields = fields;
    }

    /** The 1-based line in the file. */
    public int line() {
        return line;
    }

    /** The cell, trimmed; empty for a column the file does not have. */
    public String text(int column) {
        return column < 0 ? "" : fields.get(column).trim();
    }

    /** The cell, trimmed, or null when it is blank or absent. */
    public String textOrNull(int column) {
        String s = text(column);
        return s.isEmpty() ? null : s;
    }

    /** A cell that must hold a finite number >= 0. */
    public double nonNegative(int column) {
        String s = text(column);
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw error(column, "found '" + s + "', expected a number >= 0");
        }
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw error(column, "found " + s + ", expected a number >= 0");
        }
        return v;
    }

    /** A yes/no cell: true/yes/1 or false/no/0, blank is false. */
    public boolean bool(int column) {
        String s = text(column);
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "", "false", "no", "0" -> false;
            case "true", "yes", "1" -> true;
            default -> throw error(column, "found '" + s + "', expected true or false");
        };
    }

    /** An error about one cell of this row. */
    public UserError error(int column, String message) {
        return file.error(line, file.header().get(column), message);
    }
}
