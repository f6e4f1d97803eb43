package io.greenpack.ingest.read;

/**
 * One input row's cells by column index (-1 = a column the file does not have), whatever the
 * format: text is trimmed and empty text is no value; numbers are finite or NaN.
 */
public interface Cells {
    /** A problem with the row as a whole (too many fields, not JSON), or null. */
    default String problem() {
        return null;
    }

    default String problemDetail() {
        return null;
    }

    /** The row as read, for rejects; null when the input has no text form (Parquet). */
    default String raw() {
        return null;
    }

    boolean present(int c);

    String text(int c);

    /** The value as a number; NaN when absent or not a finite number. */
    double number(int c);

    /** Whether the timestamp cell holds exactly {@code text} (lets callers reuse a parsed value). */
    default boolean textEquals(int c, String text) {
        return text.equals(text(c));
    }

    /** A native timestamp (microseconds), or {@link CellValues#NO_TS} when the cell is text to be parsed. */
    default long nativeTimestamp(int c) {
        return CellValues.NO_TS;
    }
}
