package io.greenpack.ingest.read;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One String instance per distinct short text of a file's columns (hosts, apps, instances,
 * timestamps repeat on every row): looked up by the UTF-8 bytes in place, so a repeated value
 * costs no allocation and no decoding, and later maps hash it once. Bounded: past {@link #MAX}
 * distinct values (or for long values) it hands out plain copies.
 *
 * <p>Before hashing, each column checks the value it returned last (hosts repeat row after row)
 * and the value that followed that one last time: exporters write the
 * series of every timestamp in the same order, so in a time-major file the app of the next row is
 * known before it is read; only a change of order pays for the hash lookup.
 */
final class Interner {
    static final int MAX = 1 << 16;
    /** The longest value (in UTF-8 bytes) kept; longer ones are handed out as plain copies. */
    static final int LONGEST = 128;
    /** Entries by id, in the order first seen. */
    private String[] strings = new String[1024];
    private byte[][] keys = new byte[1024][];
    private int[] hashes = new int[1024];
    /** Per entry: the entry its column returned next, last time (-1: none yet). */
    private int[] next = new int[1024];
    private int size;
    /** Open addressing: entry id + 1, 0 for a free slot. */
    private int[] table = new int[2048];
    /** Per column: the entry returned last (-1: none, or a value not kept). */
    private int[] lastOf = new int[0];
    /** Per column: the value returned last when it was not kept, and its bytes. */
    private String[] looseText = new String[0];
    private byte[][] looseKey = new byte[0][];

    /** The text of column {@code column} in the UTF-8 bytes {@code b[from, to)}. */
    String of(int column, byte[] b, int from, int to) {
        if (column >= lastOf.length) {
            int old = lastOf.length;
            lastOf = Arrays.copyOf(lastOf, Math.max(column + 1, old * 2));
            Arrays.fill(lastOf, old, lastOf.length, -1);
            looseText = Arrays.copyOf(looseText, lastOf.length);
            looseKey = Arrays.copyOf(looseKey, lastOf.length);
        }
        int last = lastOf[column];
        if (last < 0 && looseKey[column] != null && same(looseKey[column], b, from, to)) {
            return looseText[column];
        }
        if (last >= 0) {
            if (same(keys[last], b, from, to)) {
                return strings[last];
            }
            int guess = next[last];
            if (guess >= 0 && same(keys[guess], b, from, to)) {
                lastOf[column] = guess;
                return strings[guess];
            }
        }
        int id = find(b, from, to);
        lastOf[column] = id;
        if (id < 0) {
            looseKey[column] = Arrays.copyOfRange(b, from, to);
            looseText[column] = new String(b, from, to - from, StandardCharsets.UTF_8);
            return looseText[column];
        }
        if (last >= 0) {
            next[last] = id;
        }
        return strings[id];
    }

    /** Whether column {@code column} returned {@code text} last and it is the bytes {@code b[from, to)}. */
    boolean lastIs(int column, String text, byte[] b, int from, int to) {
        if (column >= lastOf.length) {
            return false;
        }
        int last = lastOf[column];
        if (last < 0) {
            return looseText[column] == text && text != null && same(looseKey[column], b, from, to);
        }
        return strings[last] == text && same(keys[last], b, from, to);
    }

    /** The entry holding {@code b[from, to)}, added when new; -1 for a value not kept. */
    private int find(byte[] b, int from, int to) {
        int n = to - from;
        if (n > LONGEST) {
            return -1;
        }
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + b[i];
        }
        h ^= h >>> 16;
        int mask = table.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            int e = table[i] - 1;
            if (e < 0) {
                if (size == MAX) {
                    return -1;
                }
                add(h, b, from, to);
                table[i] = size;
                if (size * 2 > table.length) {
                    rehash();
                }
                return size - 1;
            }
            if (hashes[e] == h && same(keys[e], b, from, to)) {
                return e;
            }
        }
    }

    private void add(int h, byte[] b, int from, int to) {
        if (size == keys.length) {
            int grown = size * 2;
            strings = Arrays.copyOf(strings, grown);
            keys = Arrays.copyOf(keys, grown);
            hashes = Arrays.copyOf(hashes, grown);
            next = Arrays.copyOf(next, grown);
        }
        strings[size] = new String(b, from, to - from, StandardCharsets.UTF_8);
        keys[size] = Arrays.copyOfRange(b, from, to);
        hashes[size] = h;
        next[size] = -1;
        size++;
    }

    private void rehash() {
        table = new int[table.length * 2];
        int mask = table.length - 1;
        for (int e = 0; e < size; e++) {
            int i = hashes[e] & mask;
            while (table[i] != 0) {
                i = (i + 1) & mask;
            }
            table[i] = e + 1;
        }
    }

    /** Whether {@code k} holds exactly the bytes {@code b[from, to)}. */
    private static boolean same(byte[] k, byte[] b, int from, int to) {
        return Arrays.equals(k, 0, k.length, b, from, to);
    }
}
