package io.greenpack.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code greenpack bench …}: measured figures written to reports/bench/ for BENCHMARKS.md. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmarks. Each writes its figures (CSV and Markdown) to reports/bench/ and prints them;",
                "compare ratios measured in the same run rather than absolute times across machines."},
        subcommands = {BenchPackCommand.class, BenchIngestCommand.class, BenchIngestRunCommand.class,
                BenchAnalyzeCommand.class, BenchScaleCommand.class, BenchScaleCommand.Convert.class,
                BenchMeasureCommand.class},
        footer = {"", "Examples:",
                "  greenpack bench pack                 # optimizer vs first-fit decreasing vs lower bound",
                "  greenpack bench ingest               # ingest + hourly aggregation, CSV and Parquet, 10 M rows",
                "  greenpack bench analyze --work /tmp/gp-bench   # ingest + analysis samples/s from Parquet",
                "  greenpack bench scale --sizes 100x500,300x1500  # generate + report from Parquet per size, per stage"})
public final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
