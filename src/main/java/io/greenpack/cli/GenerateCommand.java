package io.greenpack.cli;

import io.greenpack.generate.FleetWriter;
import io.greenpack.generate.GenerateOptions;
import io.greenpack.generate.GenerationSummary;
import io.greenpack.generate.ModelSet;
import io.greenpack.util.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code greenpack generate}: a seeded synthetic fleet in the canonical schema, with truth.json. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Write a seeded synthetic fleet in the canonical schema: hosts.csv, apps.csv, targets.csv,",
                "power and utilization samples, and truth.json (the true power curves, app classes and",
                "comatose hosts, plus every injected defect) to check an analysis against.",
                "Same seed and options give byte-identical files."},
        footer = {"",
                "Examples:",
                "  greenpack generate --out notebooks-data/sample            # the bundled sample (seed 42)",
                "  greenpack generate --out /tmp/fleet-b --seed 7 --model-set b --days 14",
                "  greenpack generate --out /tmp/big --hosts 1000 --apps 5000 --days 30   # ~43 M utilization rows",
                "  greenpack generate --out /tmp/sharded --files 4   # power-01..04.csv.gz, utilization-01..04.csv.gz",
                "",
                "Exit codes: 0 success, 2 bad option (the message names it), 1 unexpected failure."})
public final class GenerateCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Directory to write into (created if missing; existing files of the same name are replaced).")
    Path out;

    @Option(names = "--hosts", paramLabel = "N", defaultValue = "40",
            description = "Number of measured hosts, 1..100000 (default: ${DEFAULT-VALUE}).")
    int hosts;

    @Option(names = "--apps", paramLabel = "N", defaultValue = "150",
            description = "Number of applications, 1..1000000 (default: ${DEFAULT-VALUE}).")
    int apps;

    @Option(names = "--days", paramLabel = "N", defaultValue = "7",
            description = "Days of samples, 1..400 (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--interval-minutes", paramLabel = "N", defaultValue = "5",
            description = "Sample interval in minutes, a divisor of a day up to 60 (default: ${DEFAULT-VALUE}).")
    int intervalMinutes;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--start", paramLabel = "ISO",
            description = "Start of the first interval, UTC, e.g. 2026-10-05T00:00:00Z or 2026-10-05 "
                    + "(default: 2026-10-05T00:00:00Z, a Monday; never 'now', so reruns are identical).")
    String start;

    @Option(names = "--format", paramLabel = "csv|csv.gz", defaultValue = "csv.gz",
            description = "File format of power and utilization: csv or csv.gz (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--files", paramLabel = "N", defaultValue = "1",
            description = {"Split power and utilization into N files each by host (power-01.csv.gz ...",
                    "utilization-NN.csv.gz; every host's series in one file, as per-collector exports),",
                    "1..999 and at most --hosts (default: ${DEFAULT-VALUE}: power.csv.gz, utilization.csv.gz)."})
    int files;

    @Option(names = {"--model-set", "--models"}, paramLabel = "a|b", defaultValue = "a",
            description = "Built-in set of hardware models: a (atlas, boreas, cirrus, draco) or "
                    + "b (eos, fenix, gaia, helios), so that a second fleet has curves the first did not "
                    + "(default: ${DEFAULT-VALUE}).")
    String modelSet;

    @Override
    public Integer call() {
        GenerateOptions options = new GenerateOptions(hosts, apps, days, intervalMinutes, seed,
                start == null ? GenerateOptions.DEFAULT_START : GenerateOptions.parseStart("--start", start),
                GenerateOptions.parseCompress("--format", format), ModelSet.parse("--model-set", modelSet), files);
        if (out.toString().isBlank()) {
            throw new UserError("--out: expected a directory, got an empty path");
        }
        PrintWriter o = spec.commandLine().getOut();
        GenerationSummary s = FleetWriter.generate(options, out);
        o.printf(Locale.ROOT, "greenpack generate: %d hosts, %d apps, %d days -> %s%n", hosts, apps, days,
                s.dir().toAbsolutePath().normalize());
        o.printf(Locale.ROOT, "  %,d power rows, %,d utilization rows, %d injected bad rows; %.1f s (%,.0f rows/s)%n",
                s.powerRows(), s.utilizationRows(), s.badRows(), s.seconds(), s.rowsPerSecond());
        o.printf(Locale.ROOT, "  files: %s%n", String.join(", ", s.files()));
        o.flush();
        return 0;
    }
}
