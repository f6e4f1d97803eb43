package io.greenpack.ingest.files;

/**
 * One quarantined input row.
 *
 * @param line    1-based line in a text file (header = line 1), or 1-based row in a Parquet file
 * @param content the original line (truncated), empty for Parquet
 */
public record RejectRow(String file, long line, String reason, String detail, String content) {
    /** The most of a line (or a detail) a reject keeps: enough to see the mistake, bounded for huge lines. */
    static final int CONTENT_CHARS = 200;

    /** {@code s} cut to {@link #CONTENT_CHARS} with "..." after; null becomes empty. */
    public static String cut(String s) {
        return s == null ? "" : s.length() > CONTENT_CHARS ? s.substring(0, CONTENT_CHARS) + "..." : s;
    }
}
