package io.greenpack.ingest;

/**
 * One quarantined input row.
 *
 * @param line    1-based line in a text file (header = line 1), or 1-based row in a Parquet file
 * @param content the original line (truncated), empty for Parquet
 */
public record RejectRow(String file, long line, String reason, String detail, String content) {
}
