package io.greenpack.report;

import io.greenpack.ingest.IngestResult;
import io.greenpack.ingest.files.FileStats;
import io.greenpack.ingest.files.Gap;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The "Data quality" section: what was read, what was rejected and why, where the gaps are. */
public final class IngestSection {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final int GAPS_SHOWN = 30;

    private IngestSection() {
    }

    public static void add(HtmlReport html, IngestResult r) {
        html.section("data-quality", "Data quality");
        html.paragraph(String.format(Locale.ROOT,
                "%,d rows read from %d files; %,d rejected and kept aside in rejects.csv with file, line and reason. "
                        + "Samples were aligned to %d-minute intervals by time-weighted mean; %d gaps longer than the "
                        + "limit were found and left empty (never interpolated).",
                r.rowsRead(), r.files().size(), r.rowsRejected(), r.intervalSeconds() / 60, r.gapCount()));
        List<List<String>> files = new ArrayList<>();
        for (FileStats f : r.files()) {
            files.add(List.of(f.file(), f.kind().prefix(), n(f.rowsRead()), n(f.rowsKept()), n(f.rowsRejected()),
                    n(f.hosts()), f.apps() == 0 ? "–" : n(f.apps()), time(f.first()), time(f.last()), n(f.gaps())));
        }
        html.table("Input files", List.of("file", "kind", "rows read", "kept", "rejected", "hosts", "apps",
                "first sample", "last sample", "gaps"), files, Set.of(2, 3, 4, 5, 6, 9));

        Map<String, Long> byReason = new TreeMap<>();
        r.files().forEach(f -> f.rejectedByReason().forEach((k, v) -> byReason.merge(f.file() + "\u0000" + k, v, Long::sum)));
        if (!byReason.isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            byReason.forEach((k, v) -> {
                String[] parts = k.split("\u0000", 2);
                rows.add(List.of(parts[0], parts[1], n(v)));
            });
            html.table("Rejected rows by reason", List.of("file", "reason", "rows"), rows, Set.of(2));
        }
        Map<String, Long> notes = new TreeMap<>(r.notes());
        if (!notes.isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            notes.forEach((k, v) -> rows.add(List.of(k, n(v))));
            html.table("Notes", List.of("what", "count"), rows, Set.of(1));
        }
        if (!r.gaps().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (Gap g : r.gaps().stream().limit(GAPS_SHOWN).toList()) {
                rows.add(List.of(g.kind().prefix(), g.host(), g.series(), time(g.from()), time(g.to()),
                        String.format(Locale.ROOT, "%.1f", g.seconds() / 3600.0)));
            }
            html.table("Gaps" + (r.gapCount() > GAPS_SHOWN ? " (first " + GAPS_SHOWN + " of " + r.gapCount() + ")" : ""),
                    List.of("samples", "host", "series", "silent from", "until", "hours"), rows, Set.of(5));
        }
    }

    static String n(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    static String time(Instant t) {
        return t == null ? "–" : TIME.format(t);
    }
}
