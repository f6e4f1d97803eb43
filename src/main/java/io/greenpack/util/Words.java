package io.greenpack.util;

/** Counts in words for sentences a reader sees. */
public final class Words {
    private Words() {
    }

    /** "1 host", "3 hosts": {@code n} and the noun, with an s unless {@code n} is 1. */
    public static String count(long n, String singular) {
        return n + " " + singular + (n == 1 ? "" : "s");
    }
}
