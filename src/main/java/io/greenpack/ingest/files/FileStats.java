package io.greenpack.ingest.files;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * What ingest made of one file: rows read (data lines, header and blank lines not counted),
 * kept, rejected by reason, distinct hosts and apps, time span, gaps, and notes such as
 * counter resets. {@code first}/{@code last} are null for files without timestamps.
 */
public record FileStats(String file, InputKind kind, long rowsRead, long rowsKept, Map<String, Long> rejectedByReason,
                        long hosts, long apps, Instant first, Instant last, long gaps, long gapSeconds,
                        Map<String, Long> notes) {

    public FileStats {
        rejectedByReason = Map.copyOf(new TreeMap<>(rejectedByReason));
        notes = Map.copyOf(new TreeMap<>(notes));
    }

    public long rowsRejected() {
        return rejectedByReason.values().stream().mapToLong(Long::longValue).sum();
    }
}
