package io.greenpack.bench;

import io.greenpack.cli.Main;
import io.greenpack.cli.VersionProvider;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * {@code greenpack bench …}: the benchmarks, kept out of the product. The launcher hands
 * {@code ./greenpack bench <args>} to {@link #main} on the product's classpath plus the benchmarks'
 * classes; each benchmark writes its figures to reports/bench/.
 */
@Command(name = "greenpack bench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Benchmarks. Each writes its figures (CSV and Markdown) to reports/bench/ and prints them;",
                "compare ratios measured in the same run rather than absolute times across machines."},
        subcommands = {BenchPackCommand.class, BenchIngestCommand.class, BenchIngestRunCommand.class,
                BenchAnalyzeCommand.class, BenchScaleCommand.class, BenchScaleCommand.Convert.class,
                BenchMeasureCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Examples:",
                "  ./greenpack bench pack                 # optimizer vs first-fit decreasing vs lower bound",
                "  ./greenpack bench ingest               # ingest + hourly aggregation, CSV and Parquet, 10 M rows",
                "  ./greenpack bench analyze --work /tmp/gp-bench   # ingest + analysis samples/s from Parquet",
                "  ./greenpack bench scale --sizes 100x500,300x1500  # generate + report from Parquet, per stage"})
public final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        int code = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        System.exit(code);
    }

    /** Runs a benchmark in-process (tests use this) and returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return commandLine(out, err).execute(args);
    }

    /** The benchmarks' command line, with greenpack's exit codes and error messages. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return Main.commandLine(new BenchCommand(), out, err);
    }
}
