package io.greenpack.importer;

import java.nio.file.Path;
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

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
