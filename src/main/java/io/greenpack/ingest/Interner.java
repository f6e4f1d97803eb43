package io.greenpack.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One String instance per distinct short text of a column (hosts, apps, instances, timestamps
 * repeat on every row): looked up by the UTF-8 bytes in place, so a repeated value costs no
 * allocation and no decoding, and later maps hash it once. Bounded: past {@link #MAX} distinct
 * values (or for long values) it hands out plain copies.
 */
final class Interner {
    static final int MAX = 1 << 16;
    private static final int LONGEST = 128;
    private String[] strings = new String[1024];
    private byte[][] keys = new byte[1024][];
    private int[] hashes = new int[1024];
    private int size;
    private byte[] lastKey;

    String of(byte[] b, int from, int to) {
        int n = to - from;
        if (n > LONGEST) {
            lastKey = Arrays.copyOfRange(b, from, to);
            return new String(b, from, n, StandardCharsets.UTF_8);
        }
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + b[i];
        }
        h ^= h >>> 16;
        int mask = keys.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            byte[] k = keys[i];
            if (k == null) {
                String v = new String(b, from, n, StandardCharsets.UTF_8);
                lastKey = Arrays.copyOfRange(b, from, to);
                if (size < MAX) {
                    keys[i] = lastKey;
                    hashes[i] = h;
                    strings[i] = v;
                    if (++size * 2 > keys.length) {
                        grow();
                    }
                }
                return v;
            }
            if (hashes[i] == h && same(k, b, from, to)) {
                lastKey = k;
                return strings[i];
            }
        }
    }

    /** The bytes of the text {@link #of} returned last (not to be changed). */
    byte[] lastKey() {
        return lastKey;
    }

    /** Whether {@code k} holds exactly the bytes {@code b[from, to)}. */
    static boolean same(byte[] k, byte[] b, int from, int to) {
        return Arrays.equals(k, 0, k.length, b, from, to);
    }

    private void grow() {
        byte[][] oldKeys = keys;
        String[] oldStrings = strings;
        int[] oldHashes = hashes;
        keys = new byte[oldKeys.length * 2][];
        strings = new String[keys.length];
        hashes = new int[keys.length];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != null) {
                int i = oldHashes[j] & mask;
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                strings[i] = oldStrings[j];
                hashes[i] = oldHashes[j];
            }
        }
    }
}
