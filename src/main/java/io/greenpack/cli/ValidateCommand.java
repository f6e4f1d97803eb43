package io.greenpack.cli;

import io.greenpack.ingest.Ingest;
import io.greenpack.ingest.IngestResult;
import io.greenpack.ingest.files.FileStats;
import io.greenpack.ingest.files.Gap;
import io.greenpack.ingest.files.RejectRow;
import io.greenpack.util.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Read a data directory the way 'report' does and print a per-file summary: rows read, kept",
                "and rejected by reason, hosts, apps, time span and gaps. Nothing is written.",
                "Exit 0 when the data can be used (some rows may be rejected), 2 when a file is unusable."},
        footer = {"", "Examples:",
                "  greenpack validate                          # the bundled sample",
                "  greenpack validate --data /srv/dc1-october  # your own export",
                "  greenpack validate --data dc1 --show 50     # list the first 50 rejected rows"})
public final class ValidateCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;
    @Mixin
    DataOptions data;

    @Option(names = "--show", paramLabel = "N", defaultValue = "10",
            description = "How many rejected rows to list (default: ${DEFAULT-VALUE}).")
    int show;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Progress progress = Progress.to(spec.commandLine().getErr());
        IngestResult r = Ingest.run(data.spark(), data.dataDir(), data.ingestOptions(), progress);
        print(r, out, show);
        return 0;
    }

    static void print(IngestResult r, PrintWriter out, int show) {
        out.printf("%-28s %-12s %10s %10s %9s %6s %6s  %-20s %-20s %5s%n",
                "file", "kind", "read", "kept", "rejected", "hosts", "apps", "first", "last", "gaps");
        for (FileStats f : r.files()) {
            out.printf("%-28s %-12s %10d %10d %9d %6d %6s  %-20s %-20s %5d%n", Text.clip(f.file(), 28),
                    f.kind().prefix(), f.rowsRead(), f.rowsKept(), f.rowsRejected(), f.hosts(),
                    f.apps() == 0 ? "-" : String.valueOf(f.apps()), Text.time(f.first()), Text.time(f.last()), f.gaps());
            for (Map.Entry<String, Long> e : f.rejectedByReason().entrySet()) {
                out.printf("    rejected: %-40s %d%n", e.getKey(), e.getValue());
            }
            for (Map.Entry<String, Long> e : f.notes().entrySet()) {
                out.printf("    note: %-44s %d%n", e.getKey(), e.getValue());
            }
        }
        r.notes().entrySet().stream().filter(e -> !e.getKey().startsWith("counter"))
                .forEach(e -> out.printf("note: %s: %d%n", e.getKey(), e.getValue()));
        out.printf("%nwindow: %s .. %s, aligned to %d-minute intervals%n", Text.time(r.first()), Text.time(r.last()),
                r.intervalSeconds() / 60);
        out.printf("gaps: %d%s%n", r.gapCount(), r.gapCount() == 0 ? "" : " (never interpolated; first ones below)");
        r.gaps().stream().limit(show).forEach(g -> out.printf("    %s %s %s: no samples %s .. %s (%s)%n",
                g.kind().prefix(), g.host(), g.series(), Text.time(g.from()), Text.time(g.to()), Text.duration(g.seconds())));
        out.printf("rejected rows: %d of %d%s%n", r.rowsRejected(), r.rowsRead(), r.rejects().isEmpty() ? "" : ":");
        for (RejectRow j : r.rejects().stream().limit(show).toList()) {
            out.printf("    %s line %d: %s (%s)%n", j.file(), j.line(), j.reason(), j.detail());
        }
        if (r.rejects().size() > show) {
            out.printf("    ... %d more (all of them go to rejects.csv in a report)%n", r.rejects().size() - show);
        }
        out.flush();
    }
}
