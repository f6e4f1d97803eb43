package io.greenpack.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of a delimited text file split into its fields. A field may be double-quoted (then it
 * may hold the separator), and a doubled quote inside a quoted field is one quote.
 *
 * @param fields            the fields, unquoted, not trimmed
 * @param unclosedQuoteField the 1-based field in which a quote opened and was never closed, or 0
 */
public record CsvLine(List<String> fields, int unclosedQuoteField) {

    /** Splits {@code line} at {@code separator}; an unclosed quote runs to the end of the line. */
    public static CsvLine split(String line, char separator) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        int openedIn = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                openedIn = out.size() + 1;
            } else if (c == separator) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return new CsvLine(List.copyOf(out), quoted ? openedIn : 0);
    }

    /** The fields of a line, lenient about an unclosed quote (for streaming importers). */
    public static List<String> fields(String line, char separator) {
        return split(line, separator).fields();
    }
}
