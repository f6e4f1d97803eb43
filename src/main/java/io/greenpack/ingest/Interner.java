package io.greenpack.ingest;

/**
 * One String instance per distinct short text of a column (hosts, apps, instances, timestamps
 * repeat on every row): looked up by the characters in place, so a repeated value costs no
 * allocation, and later maps hash it once. Bounded: past {@link #MAX} distinct values (or for
 * long values) it hands out plain copies.
 */
final class Interner {
    static final int MAX = 1 << 16;
    private static final int LONGEST = 128;
    private String[] table = new String[1024];
    private int size;

    String of(String s, int from, int to) {
        int n = to - from;
        if (n > LONGEST) {
            return s.substring(from, to);
        }
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + s.charAt(i);
        }
        int mask = table.length - 1;
        for (int i = (h ^ (h >>> 16)) & mask; ; i = (i + 1) & mask) {
            String t = table[i];
            if (t == null) {
                String v = s.substring(from, to);
                if (size < MAX) {
                    table[i] = v;
                    if (++size * 2 > table.length) {
                        grow();
                    }
                }
                return v;
            }
            if (same(t, s, from, n)) {
                return t;
            }
        }
    }

    /** Whether {@code t} holds exactly the n characters of s from {@code from}. */
    static boolean same(String t, String s, int from, int n) {
        if (t.length() != n) {
            return false;
        }
        for (int k = n - 1; k >= 0; k--) {
            if (t.charAt(k) != s.charAt(from + k)) {
                return false;
            }
        }
        return true;
    }

    private void grow() {
        String[] old = table;
        table = new String[old.length * 2];
        int mask = table.length - 1;
        for (String t : old) {
            if (t != null) {
                int h = t.hashCode();
                int i = (h ^ (h >>> 16)) & mask;
                while (table[i] != null) {
                    i = (i + 1) & mask;
                }
                table[i] = t;
            }
        }
    }
}
