package io.greenpack.util;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * The one rule for control characters in text that came from input (host, app and scenario
 * names, file content echoed in messages) on its way out: to the terminal, where ESC sequences
 * would act on the user's console; into SVG, where they make the XML invalid; into HTML, CSV and
 * the deck. Every C0 control except tab and newline, DEL and every C1 control becomes U+FFFD
 * (the replacement character), so the damage stays visible without acting.
 */
public final class Printable {
    public static final char REPLACEMENT = '\uFFFD';

    private Printable() {
    }

    /** True for the characters {@link #clean} replaces. */
    public static boolean isControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7F && c <= 0x9F);
    }

    /** {@code s} with control characters replaced; null stays null. Returns {@code s} itself when clean. */
    public static String clean(String s) {
        return clean(s, '\n');
    }

    /**
     * Like {@link #clean(String)}, also keeping {@code alsoKept} (CSV keeps a carriage return
     * inside a quoted cell, where it is data and shows as a line break).
     */
    public static String clean(String s, char alsoKept) {
        if (s == null) {
            return null;
        }
        int i = 0;
        while (i < s.length() && (!isControl(s.charAt(i)) || s.charAt(i) == alsoKept)) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder out = new StringBuilder(s);
        for (; i < out.length(); i++) {
            if (isControl(out.charAt(i)) && out.charAt(i) != alsoKept) {
                out.setCharAt(i, REPLACEMENT);
            }
        }
        return out.toString();
    }

    /**
     * A writer that passes everything through {@link #clean}, except carriage returns before a
     * newline (Windows line ends); the CLI's terminal output goes through one.
     */
    public static Writer terminal(Writer out) {
        return new FilterWriter(out) {
            private boolean pendingCr;

            @Override
            public void write(int c) throws IOException {
                if (pendingCr) {
                    pendingCr = false;
                    out.write(c == '\n' ? '\r' : REPLACEMENT);
                }
                if (c == '\r') {
                    pendingCr = true;
                    return;
                }
                out.write(isControl((char) c) ? REPLACEMENT : c);
            }

            @Override
            public void write(char[] buf, int off, int len) throws IOException {
                for (int i = off; i < off + len; i++) {
                    write(buf[i]);
                }
            }

            @Override
            public void write(String s, int off, int len) throws IOException {
                for (int i = off; i < off + len; i++) {
                    write(s.charAt(i));
                }
            }

            @Override
            public void flush() throws IOException {
                if (pendingCr) {
                    pendingCr = false;
                    out.write(REPLACEMENT);
                }
                out.flush();
            }
        };
    }
}
