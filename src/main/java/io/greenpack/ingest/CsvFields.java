package io.greenpack.ingest;

import java.util.Arrays;

/**
 * The fields of one CSV line, split in place (offsets into the line, no copies unless a field is
 * quoted). As Spark's CSV reader with the options greenpack has always used: separator from the
 * header, {@code "} quotes with {@code \"} inside them, white space around a value ignored, an empty
 * value is no value. A quoted value with a quote inside it that is not followed by the separator
 * ({@code "a""b"}) is read as it stands, quotes and all; an opening quote never closed takes the
 * rest of the line.
 */
final class CsvFields {
    private String line = "";
    private int count;
    private int[] from = new int[16];
    private int[] to = new int[16];
    /** The unquoted text of a quoted field (trimmed of spaces), else null. */
    private String[] quoted = new String[16];

    void split(String s, char sep) {
        line = s;
        count = 0;
        int n = s.length();
        int i = 0;
        while (true) {
            if (count == from.length) {
                grow();
            }
            while (i < n && s.charAt(i) <= ' ' && s.charAt(i) != sep) {
                i++;
            }
            if (i < n && s.charAt(i) == '"') {
                int open = i;
                StringBuilder sb = new StringBuilder();
                boolean raw = false;
                i++;
                while (i < n) {
                    char c = s.charAt(i);
                    if (c == '\\' && i + 1 < n && (s.charAt(i + 1) == '"' || s.charAt(i + 1) == '\\')) {
                        sb.append(s.charAt(i + 1));
                        i += 2;
                    } else if (c == '"') {
                        i++;
                        int k = i;
                        while (k < n && s.charAt(k) <= ' ' && s.charAt(k) != sep) {
                            k++;
                        }
                        // A quote inside the value (not before a separator): the field is read as
                        // it stands, quotes and all, up to the separator (as Spark's reader does).
                        raw = k < n && s.charAt(k) != sep;
                        break;
                    } else {
                        sb.append(c);
                        i++;
                    }
                }
                while (i < n && s.charAt(i) != sep) {
                    i++;
                }
                if (raw) {
                    int stop = i;
                    while (stop > open && s.charAt(stop - 1) <= ' ') {
                        stop--;
                    }
                    quoted[count] = Values.trimSpaces(s.substring(open, stop));
                } else {
                    quoted[count] = Values.trimSpaces(sb.toString());
                }
                from[count] = 0;
                to[count] = quoted[count].length();
            } else {
                int start = i;
                while (i < n && s.charAt(i) != sep) {
                    i++;
                }
                int stop = i;
                while (stop > start && s.charAt(stop - 1) <= ' ') {
                    stop--;
                }
                quoted[count] = null;
                from[count] = start;
                to[count] = stop;
            }
            count++;
            if (i >= n) {
                return;
            }
            i++; // the separator
        }
    }

    private void grow() {
        int size = from.length * 2;
        from = Arrays.copyOf(from, size);
        to = Arrays.copyOf(to, size);
        quoted = Arrays.copyOf(quoted, size);
    }

    int count() {
        return count;
    }

    /** Fields beyond the first {@code columns} that hold a value (trailing empty ones do not count). */
    boolean hasValuesBeyond(int columns) {
        for (int c = columns; c < count; c++) {
            if (present(c)) {
                return true;
            }
        }
        return false;
    }

    boolean present(int c) {
        return c >= 0 && c < count && to[c] > from[c];
    }

    /** The text holding field c: the line itself, or the unquoted copy. */
    String source(int c) {
        return quoted[c] != null ? quoted[c] : line;
    }

    int from(int c) {
        return from[c];
    }

    int to(int c) {
        return to[c];
    }

    String text(int c) {
        return present(c) ? source(c).substring(from[c], to[c]) : null;
    }
}
