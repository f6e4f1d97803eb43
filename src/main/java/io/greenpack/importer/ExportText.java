package io.greenpack.importer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Small parsing helpers shared by the importers. */
final class ExportText {
    static final double BYTES_PER_GB = 1024d * 1024 * 1024;
    static final double KB_PER_GB = 1024d * 1024;
    static final double JOULES_PER_WH = 3600;

    private ExportText() {
    }

    /** A finite number, or null when the text is not one. */
    static Double number(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim();
        if (t.isEmpty()) {
            return null;
        }
        try {
            double d = Double.parseDouble(t);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Text for messages: quoted, at most 60 characters. */
    static String shown(String s) {
        if (s == null) {
            return "nothing";
        }
        return "'" + (s.length() <= 60 ? s : s.substring(0, 57) + "...") + "'";
    }

    /** The file name up to its first dot: {@code host01.ipmi.log} → {@code host01}. */
    static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /**
     * Splits one line of a CSV file whose fields may be double-quoted (typeperf quotes all of
     * them); doubled quotes inside a quoted field are one quote.
     */
    static List<String> splitQuoted(String line, char sep) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
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
            } else if (c == sep) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
