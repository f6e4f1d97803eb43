package io.greenpack.ingest.series;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one ingest task learnt besides its aligned rows: row counts and rejects per file
 * (validation), and per series group (host for power, host + app for utilization) what
 * sequencing found: duplicates, gaps, counter events, intervals missing a PSU. Kept per group
 * so that the driver can drop the findings for groups that span tasks and are redone together.
 */
final class TaskFindings implements Serializable {
    private static final long serialVersionUID = 1L;

    static final int DUP = 0;
    static final int CONFLICT = 1;
    static final int GAPS = 2;
    static final int GAP_S = 3;
    static final int RESETS = 4;
    static final int WRAPS = 5;
    static final int BASELINES = 6;
    static final int JUMPS = 7;
    static final int COUNTERS = 8;

    /** Validation counts of one file. */
    static final class FileCounts implements Serializable {
        private static final long serialVersionUID = 1L;
        long rows;
        long good;
        final Map<String, Long> reasons = new HashMap<>();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        final Set<String> hosts = new HashSet<>();
        final Set<String> apps = new HashSet<>();

        void merge(FileCounts o) {
            rows += o.rows;
            good += o.good;
            o.reasons.forEach((k, v) -> reasons.merge(k, v, Long::sum));
            first = Math.min(first, o.first);
            last = Math.max(last, o.last);
            hosts.addAll(o.hosts);
            apps.addAll(o.apps);
        }
    }

    /** A quarantined row; {@code raw} is null when the driver must read the line back. */
    record Reject(int file, long line, String reason, String detail, String raw, String group) implements Serializable {
    }

    /** A gap before the sample at {@code to} (seconds), in the file of that sample. */
    record GapAt(String group, int file, String host, String series, long from, long to) implements Serializable {
    }

    final Map<Integer, FileCounts> files = new HashMap<>();
    final List<Reject> rejects = new ArrayList<>();
    final Set<String> groups = new HashSet<>();
    /** group -> file index -> counters (DUP ... JUMPS); only groups and files with an event (most have none). */
    final Map<String, Map<Integer, long[]>> sequencing = new HashMap<>();
    /** group -> intervals dropped because a PSU of the host was missing. */
    final Map<String, Long> incomplete = new HashMap<>();
    final List<GapAt> gaps = new ArrayList<>();

    FileCounts file(int index) {
        return files.computeIfAbsent(index, k -> new FileCounts());
    }

    long[] counters(String group, int file) {
        return sequencing.computeIfAbsent(group, k -> new HashMap<>()).computeIfAbsent(file, k -> new long[COUNTERS]);
    }

    byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static TaskFindings fromBytes(byte[] b) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(b))) {
            return (TaskFindings) in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
