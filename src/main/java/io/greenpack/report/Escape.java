package io.greenpack.report;

import io.greenpack.csv.CsvCell;
import io.greenpack.util.Printable;

/**
 * Escaping for text that came from input (host and app names, file names, messages) on its way
 * into HTML and CSV. Every writer in this package sends text through here; nothing else builds
 * markup from input (CSV cells are built by {@link CsvCell}).
 */
public final class Escape {
    private Escape() {
    }

    /** Text content of an HTML element. Null becomes the empty string. */
    public static String html(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // Control characters other than tab/newline are invalid in HTML; show a
                    // replacement character rather than pass them on or drop them silently.
                    if (c != '\r' && Printable.isControl(c)) {
                        out.append(Printable.REPLACEMENT);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * A value inside a double-quoted HTML attribute ({@code alt="…"}). Besides what {@link #html}
     * escapes, backtick and line breaks are written as references so that the value stays one
     * token even for lenient parsers.
     */
    public static String attr(String s) {
        String h = html(s);
        StringBuilder out = new StringBuilder(h.length());
        for (int i = 0; i < h.length(); i++) {
            char c = h.charAt(i);
            switch (c) {
                case '`' -> out.append("&#96;");
                case '\n' -> out.append("&#10;");
                case '\r' -> out.append("&#13;");
                case '\t' -> out.append("&#9;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** One text cell of a CSV file, quoted and defused against formula injection ({@link CsvCell#text}). */
    public static String csvCell(String s) {
        return CsvCell.text(s);
    }
}
