package io.greenpack.testing;

import io.greenpack.bench.BenchCommand;
import io.greenpack.cli.Main;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the real CLI in-process and keeps what it printed. */
public record CliRun(int exitCode, String out, String err) {

    /** {@code greenpack <args>}. */
    public static CliRun of(String... args) {
        return run(Main::run, args);
    }

    /** {@code greenpack bench <args>}: the benchmarks, which are not part of the product's command line. */
    public static CliRun bench(String... args) {
        return run(BenchCommand::run, args);
    }

    private interface EntryPoint {
        int run(String[] args, PrintWriter out, PrintWriter err);
    }

    private static CliRun run(EntryPoint entry, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = entry.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }

    /** The run was refused as a user error: exit 2, a message holding {@code expected}, no stack trace. */
    public static void refused(CliRun run, String... expected) {
        org.assertj.core.api.Assertions.assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        org.assertj.core.api.Assertions.assertThat(run.err()).as(run.toString()).contains(expected)
                .doesNotContain("\tat ", "unexpected failure");
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
}
