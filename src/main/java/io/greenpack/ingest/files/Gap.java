package io.greenpack.ingest.files;

import java.time.Instant;

/** A silence in one series longer than the gap limit: no samples between {@code from} and {@code to}. */
public record Gap(InputKind kind, String file, String host, String series, Instant from, Instant to) {
    public long seconds() {
        return to.getEpochSecond() - from.getEpochSecond();
    }
}
