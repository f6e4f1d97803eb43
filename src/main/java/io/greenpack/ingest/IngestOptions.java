package io.greenpack.ingest;

import io.greenpack.util.UserError;

import java.time.Instant;

/**
 * How samples are aligned.
 *
 * @param intervalSeconds the common interval samples are averaged onto (default 300 s)
 * @param maxGapSeconds   a silence longer than this between two samples of a series is a gap:
 *                        reported, never interpolated across (default 900 s)
 * @param now             samples after this instant are rejected as "in the future"
 */
public record IngestOptions(long intervalSeconds, long maxGapSeconds, Instant now) {
    public IngestOptions {
        if (intervalSeconds < 1 || intervalSeconds > 86_400) {
            throw new UserError("interval must be between 1 s and 1 day, got " + intervalSeconds + " s");
        }
        if (maxGapSeconds < intervalSeconds) {
            throw new UserError("max gap (" + maxGapSeconds + " s) must be at least the interval (" + intervalSeconds + " s)");
        }
    }

    public static IngestOptions defaults() {
        return new IngestOptions(300, 900, Instant.now());
    }
}
