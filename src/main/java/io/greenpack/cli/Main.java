package io.greenpack.cli;

import io.greenpack.util.Interrupts;
import io.greenpack.util.Printable;
import io.greenpack.util.UserError;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * The {@code greenpack} command. Each subcommand is a {@code Callable<Integer>}; this class only
 * wires them up and maps failures to exit codes: 0 success, 2 bad usage or bad input
 * ({@link UserError}), 1 an unexpected failure.
 */
@Command(name = "greenpack",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Green-IT power and consolidation analysis: what each application really costs in power,",
                "money and CO2e, and what co-hosting workloads on fewer, better machines would save.",
                ""},
        subcommands = {
                ReportCommand.class,
                AnalyzeCommand.class,
                ValidateCommand.class,
                ConsolidateCommand.class,
                WhatIfCommand.class,
                GenerateCommand.class,
                ImportCommand.class,
                PackCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"",
                "Examples:",
                "  greenpack report                          # the bundled sample -> reports/<run-id>/",
                "  greenpack validate --data my-fleet/       # check inputs before a long run",
                "  greenpack analyze                         # power models, energy per app, classes -> reports/<run-id>/",
                "  greenpack generate --out demo/ --hosts 200 # a synthetic fleet with known truth",
                "  greenpack import --format prometheus --in export/ --out dc1   # convert existing exports",
                "  greenpack whatif                          # scenarios side by side (sample + example file)",
                "  greenpack pack --items i.csv --bins b.csv # the packing optimizer alone",
                "  greenpack <command> --help                # every option of one command",
                "",
                "Launcher settings (environment): GREENPACK_HEAP=16g (heap, default 8g),",
                "  GREENPACK_JAVA_OPTS='-Dspark.x=y' (extra JVM flags), GREENPACK_CDS=0 (no class-data archive;",
                "  by default one is trained once per build and Java version, about a minute, before the first",
                "  command; --help and --version never wait for it), JAVA_HOME=/path/to/jdk (the Java to run on,",
                "  else java on the PATH; 17 is the target, 21 and 25.0.3+ work, 25 uses an AOT cache).",
                "",
                "Exit codes: 0 success, 2 bad usage, bad input or no room (disk, memory), 1 unexpected failure,",
                "  130/143/129 interrupted (SIGINT/SIGTERM/SIGHUP; the unfinished run folder is removed)."})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        Interrupts.install();
        HeapExhaustion.install();
        int code = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        System.exit(code);
    }

    /** Runs a command in-process (tests use this) and returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        // Names from the input reach the terminal in messages and tables: control characters
        // (ESC sequences) are replaced on the way, so no input acts on the user's console.
        CommandLine cl = commandLine(new PrintWriter(Printable.terminal(out), true), new PrintWriter(Printable.terminal(err), true));
        try {
            return execute(cl, args, cl.getErr());
        } finally {
            Interrupts.commandEnded();
        }
    }

    private static int execute(CommandLine cl, String[] args, PrintWriter err) {
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            // picocli hands on Errors; a report too big for the heap is the user's setting, not a defect.
            return outOfMemory(e, err, verbose(args));
        } catch (Error e) {
            if (Interrupts.signal() != null || Interrupts.shuttingDown()) {
                return Interrupts.exitCode();
            }
            UserError full = Failures.noSpaceLeft(e);
            err.println("greenpack: " + (full != null ? full.getMessage() : "unexpected failure: " + Failures.describe(e)));
            if (verbose(args)) {
                e.printStackTrace(err);
            }
            err.flush();
            return full != null ? 2 : 1;
        }
    }

    /**
     * Out of memory: exit 2 with the heap that was too small and the two ways out, never a raw
     * OutOfMemoryError. The heap is freed enough to print by the time the error reaches here.
     */
    static int outOfMemory(OutOfMemoryError e, PrintWriter err, boolean verbose) {
        long maxMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        err.println(outOfMemoryMessage(maxMb, e.getMessage() == null ? null : e.getMessage()));
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return 2;
    }

    static String outOfMemoryMessage(long maxHeapMb, String what) {
        return String.format(java.util.Locale.ROOT, "greenpack: out of memory (%s): this data needs more than the "
                        + "%.1f GB Java heap it had. Give it more, e.g. GREENPACK_HEAP=%dg ./greenpack ... (the launcher's "
                        + "default is 8g), or run on a cluster with --master spark://HOST:PORT; nothing was written",
                what == null ? "Java heap" : what, maxHeapMb / 1024.0, Math.max(2, 2 * (int) Math.ceil(maxHeapMb / 1024.0)));
    }

    private static boolean verbose(String[] args) {
        return java.util.Arrays.asList(args).contains("--verbose");
    }

    /** The {@code greenpack} command line, wired as {@link #main} runs it. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(new Main(), out, err);
    }

    /**
     * Any top-level command wired like {@code greenpack}: usage width, output streams, and the same
     * exit codes and messages for bad usage, bad input and unexpected failures.
     */
    public static CommandLine commandLine(Object command, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(command);
        cl.setUsageHelpWidth(100);
        ScenarioKeysHelp.addTo(cl, "report", "consolidate", "whatif");
        // Plain help text: terminal output passes through Printable, which would show ESC as U+FFFD.
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(Main::handleFailure);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("greenpack: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, c.getErr());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for the options.");
            c.getErr().flush();
            return 2;
        });
        return cl;
    }

    private static int handleFailure(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
        PrintWriter err = cl.getErr();
        boolean verbose = parseResult != null && verbose(parseResult);
        if (Interrupts.signal() != null || Interrupts.shuttingDown()) {
            // Interrupted: Spark's shutdown hook stopped the context under the running job. The
            // cleanup hook says what happened; the exit code is the signal's (130, 143, 129).
            if (verbose) {
                ex.printStackTrace(err);
                err.flush();
            }
            return Interrupts.exitCode();
        }
        UserError user = Failures.userErrorIn(ex);
        if (user == null) {
            user = Failures.noSpaceLeft(ex);
        }
        String oom = user == null ? Failures.outOfMemoryIn(ex) : null;
        if (oom == null && user == null) {
            // Another thread ran out of heap and Spark stopped its context under this job.
            oom = HeapExhaustion.seen();
        }
        if (oom != null) {
            err.println(outOfMemoryMessage(Runtime.getRuntime().maxMemory() / (1024 * 1024), oom));
            if (verbose) {
                ex.printStackTrace(err);
            }
            err.flush();
            return 2;
        }
        if (user != null) {
            err.println("greenpack: " + user.getMessage());
            if (verbose) {
                user.printStackTrace(err);
            }
            err.flush();
            return 2;
        }
        err.println("greenpack: unexpected failure: " + Failures.describe(ex));
        if (verbose) {
            ex.printStackTrace(err);
        } else {
            err.println("Run again with --verbose for the stack trace; please report it with the command you ran.");
        }
        err.flush();
        return 1;
    }

    private static boolean verbose(CommandLine.ParseResult pr) {
        for (CommandLine.ParseResult p = pr; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
