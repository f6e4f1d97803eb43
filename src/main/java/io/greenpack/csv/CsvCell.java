package io.greenpack.csv;

import io.greenpack.util.Printable;

/** Text cells of the CSV files greenpack writes: quoting, and the defence against formula injection. */
public final class CsvCell {
    private CsvCell() {
    }

    /**
     * One text cell of a CSV file: RFC 4180 quoting plus a defence against formula injection.
     * A cell starting with {@code = + - @}, tab or carriage return would be run as a formula by
     * spreadsheet programs; it gets a leading single quote (shown as text, not evaluated) and is
     * quoted. Cells holding a comma, quote, line break or semicolon (the separator of many
     * European spreadsheet locales) are quoted with inner quotes doubled.
     *
     * <p>Numbers must not come through here ("-5" would become "'-5"): {@link CsvWriter} writes
     * them on a separate numeric path.
     */
    public static String text(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        s = Printable.clean(s, '\r');
        boolean formula = switch (s.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> true;
            default -> false;
        };
        String text = formula ? "'" + s : s;
        boolean quote = formula;
        for (int i = 0; i < text.length() && !quote; i++) {
            char c = text.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r' || c == ';';
        }
        if (!quote) {
            return text;
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    /** A cell's text as it was before {@link #text} guarded it against formula injection (trimmed). */
    public static String unescaped(String cell) {
        String c = cell.trim();
        return c.length() > 1 && c.charAt(0) == '\'' && "=+-@\t\r".indexOf(c.charAt(1)) >= 0 ? c.substring(1) : c;
    }
}
