package io.greenpack.csv;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The fields of one CSV line, split in place in its UTF-8 bytes (offsets into the line, no copies
 * unless a field is quoted). As Spark's CSV reader with the options greenpack has always used:
 * separator from the header, {@code "} quotes with {@code \"} inside them, white space around a
 * value ignored, an empty value is no value. A quoted value with a quote inside it that is not
 * followed by the separator ({@code "a""b"}) is read as it stands, quotes and all; an opening quote
 * never closed takes the rest of the line.
 *
 * <p>Working on bytes reads the same fields as working on the decoded text: the separator, quotes,
 * backslash and white space are ASCII, and no byte of a multi-byte UTF-8 character is.
 */
public final class CsvByteFields {
    private byte[] line = new byte[0];
    private int count;
    private int[] from = new int[16];
    private int[] to = new int[16];
    /** The unquoted text of a quoted field (trimmed of spaces), else null. */
    private String[] quoted = new String[16];
    private byte[] unquoted = new byte[256];

    /** Splits the line {@code b[start, end)}; the separator is ASCII (see the ingest's header reading). */
    public void split(byte[] b, int start, int end, char separator) {
        byte sep = (byte) separator;
        line = b;
        count = 0;
        int i = start;
        while (true) {
            if (count == from.length) {
                grow();
            }
            while (i < end && space(b[i]) && b[i] != sep) {
                i++;
            }
            if (i < end && b[i] == '"') {
                i = quoted(b, i, end, sep);
            } else {
                int first = i;
                while (i < end && b[i] != sep) {
                    i++;
                }
                int stop = i;
                while (stop > first && space(b[stop - 1])) {
                    stop--;
                }
                quoted[count] = null;
                from[count] = first;
                to[count] = stop;
            }
            count++;
            if (i >= end) {
                return;
            }
            i++; // the separator
        }
    }

    /** A white-space byte as the text reader trimmed them: a character up to ' ' (never part of a multi-byte one). */
    private static boolean space(byte x) {
        return (x & 0xFF) <= ' ';
    }

    /** The quoted field opening at {@code open}: its text into {@link #quoted}; returns where it ends. */
    private int quoted(byte[] b, int open, int end, byte sep) {
        int n = 0;
        boolean raw = false;
        int i = open + 1;
        while (i < end) {
            byte c = b[i];
            if (n + 1 >= unquoted.length) {
                unquoted = Arrays.copyOf(unquoted, unquoted.length * 2);
            }
            if (c == '\\' && i + 1 < end && (b[i + 1] == '"' || b[i + 1] == '\\')) {
                unquoted[n++] = b[i + 1];
                i += 2;
            } else if (c == '"') {
                i++;
                int k = i;
                while (k < end && space(b[k]) && b[k] != sep) {
                    k++;
                }
                // A quote inside the value (not before a separator): the field is read as it
                // stands, quotes and all, up to the separator (as Spark's reader does).
                raw = k < end && b[k] != sep;
                break;
            } else {
                unquoted[n++] = c;
                i++;
            }
        }
        while (i < end && b[i] != sep) {
            i++;
        }
        String text;
        if (raw) {
            int stop = i;
            while (stop > open && space(b[stop - 1])) {
                stop--;
            }
            text = new String(b, open, stop - open, StandardCharsets.UTF_8);
        } else {
            text = new String(unquoted, 0, n, StandardCharsets.UTF_8);
        }
        quoted[count] = trimSpaces(text);
        from[count] = 0;
        to[count] = quoted[count].length();
        return i;
    }

    /** Without leading and trailing spaces (only ' ', as Spark's trim): how every text cell is read. */
    public static String trimSpaces(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && s.charAt(a) == ' ') {
            a++;
        }
        while (b > a && s.charAt(b - 1) == ' ') {
            b--;
        }
        return a == 0 && b == s.length() ? s : s.substring(a, b);
    }

    private void grow() {
        int size = from.length * 2;
        from = Arrays.copyOf(from, size);
        to = Arrays.copyOf(to, size);
        quoted = Arrays.copyOf(quoted, size);
    }

    public int count() {
        return count;
    }

    /** Fields beyond the first {@code columns} that hold a value (trailing empty ones do not count). */
    public boolean hasValuesBeyond(int columns) {
        for (int c = columns; c < count; c++) {
            if (present(c)) {
                return true;
            }
        }
        return false;
    }

    public boolean present(int c) {
        return c >= 0 && c < count && to[c] > from[c];
    }

    /** The unquoted text of field c when it was quoted, else null (the field is bytes of the line). */
    public String quoted(int c) {
        return quoted[c];
    }

    /** The line's bytes; field c (not quoted) is {@code [from(c), to(c))}. */
    public byte[] line() {
        return line;
    }

    public int from(int c) {
        return from[c];
    }

    public int to(int c) {
        return to[c];
    }

    public String text(int c) {
        if (!present(c)) {
            return null;
        }
        return quoted[c] != null ? quoted[c] : new String(line, from[c], to[c] - from[c], StandardCharsets.UTF_8);
    }
}
