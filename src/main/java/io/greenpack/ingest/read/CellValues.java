package io.greenpack.ingest.read;

import org.apache.spark.sql.catalyst.util.DateTimeUtils;
import org.apache.spark.unsafe.types.UTF8String;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Reading one cell's value in plain Java, with the rules the ingest has always used: a number is
 * what Java's {@code Double.parseDouble} (Spark's cast) reads, finite; a timestamp is ISO-8601 as
 * Spark's cast reads it (the session time zone for values without an offset), ISO without
 * seconds, or epoch seconds / milliseconds (9 to 14 digits, told apart by size).
 */
public final class CellValues {
    /** No timestamp: missing or unreadable. */
    public static final long NO_TS = Long.MIN_VALUE;
    private static final double[] POW10 = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
            1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    private static final Pattern THOUSANDS = Pattern.compile(
            "^[-+]?[0-9]{1,3}(\\.[0-9]{3})+,[0-9]+$|^[-+]?[0-9]{1,3}(\\.[0-9]{3}){2,}$");
    private static final DateTimeFormatter NO_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmXXX");

    private CellValues() {
    }

    /**
     * The number in the UTF-8 bytes {@code b[from, to)} (already trimmed), or NaN when it is not a
     * finite number. With {@code decimalComma} (semicolon files) "12,5" and "1.234,5" read as 12.5
     * and 1234.5.
     */
    static double number(byte[] b, int from, int to, boolean decimalComma) {
        double fast = fastDecimal(b, from, to, decimalComma ? ',' : '.');
        return Double.isNaN(fast) ? number(new String(b, from, to - from, StandardCharsets.UTF_8), decimalComma) : fast;
    }

    /** The number in a trimmed text, read as {@link #number(byte[], int, int, boolean)} reads it. */
    static double number(String t, boolean decimalComma) {
        if (decimalComma) {
            if (THOUSANDS.matcher(t).matches()) {
                t = t.replace(".", "");
            }
            t = t.replace(',', '.');
        }
        return parse(t);
    }

    /** Java's (and Spark's cast's) reading of a number; NaN when not a finite number. */
    static double parse(String t) {
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
        return Double.isInfinite(v) ? Double.NaN : v;
    }

    /**
     * The common case exactly: an optional sign, up to 15 digits with at most one decimal point.
     * A mantissa below 2^53 divided by an exact power of ten is correctly rounded, as
     * {@code parseDouble} is. NaN for anything else (the caller falls back to the full parser).
     */
    static double fastDecimal(byte[] s, int from, int to, char point) {
        int i = from;
        if (i >= to) {
            return Double.NaN;
        }
        boolean negative = false;
        byte c = s[i];
        if (c == '-' || c == '+') {
            negative = c == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int scale = -1;
        for (; i < to; i++) {
            c = s[i];
            if (c >= '0' && c <= '9') {
                mantissa = mantissa * 10 + (c - '0');
                if (++digits > 15) {
                    return Double.NaN;
                }
                if (scale >= 0) {
                    scale++;
                }
            } else if (c == point && scale < 0) {
                scale = 0;
            } else {
                return Double.NaN;
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        double v = scale <= 0 ? mantissa : mantissa / POW10[scale];
        return negative ? -v : v;
    }

    /** Microseconds since the epoch of a trimmed, non-empty timestamp text, or {@link #NO_TS}. */
    public static long timestamp(String s, ZoneId zone) {
        if (s.indexOf('-') < 0 && isEpochNumber(s)) {
            return epoch(Double.parseDouble(s));
        }
        scala.Option<Object> v = DateTimeUtils.stringToTimestamp(UTF8String.fromString(s), zone);
        if (v.isDefined()) {
            return (Long) v.get();
        }
        try {
            OffsetDateTime t = OffsetDateTime.parse(s, NO_SECONDS);
            return Math.multiplyExact(t.toEpochSecond(), 1_000_000L);
        } catch (DateTimeParseException | ArithmeticException e) {
            return NO_TS;
        }
    }

    /** Epoch milliseconds (magnitude 1e11 or more: any date after 1973) or seconds. */
    static long epoch(double seconds) {
        if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
            return NO_TS;
        }
        try {
            return Math.abs(seconds) >= 1e11 ? Math.multiplyExact((long) seconds, 1000L) : (long) (seconds * 1e6);
        } catch (ArithmeticException e) {
            return NO_TS;
        }
    }

    /** {@code [0-9]{9,14}(\.[0-9]+)?} */
    private static boolean isEpochNumber(String s) {
        int i = 0;
        int n = s.length();
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        if (i < 9 || i > 14) {
            return false;
        }
        if (i == n) {
            return true;
        }
        if (s.charAt(i) != '.' || i + 1 == n) {
            return false;
        }
        for (int k = i + 1; k < n; k++) {
            if (s.charAt(k) < '0' || s.charAt(k) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Spark's cast of a double to text (Java's), as rejects have always shown values. */
    public static String shown(double v) {
        return Double.toString(v);
    }
}
