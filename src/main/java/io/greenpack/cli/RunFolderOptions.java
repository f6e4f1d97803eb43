package io.greenpack.cli;

import io.greenpack.report.RunFolder;
import io.greenpack.util.Home;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code --out} of the commands that write a run folder (report, analyze, consolidate), and what they print. */
public final class RunFolderOptions {
    @Option(names = "--out", paramLabel = "DIR",
            description = "Folder the run folder <run-id>/ is created in (default: reports/ of the greenpack checkout). "
                    + "Checked before any work (a writable folder, not under /proc, /sys or /dev); hidden .<run-id>.partial "
                    + "folders that killed runs left in it are removed.")
    Path out;

    public Path outDir() {
        return out == null ? Home.reports() : out.toAbsolutePath().normalize();
    }

    /**
     * Checks the output folder before any work starts (see {@link RunFolder#preflight}) and says
     * which leftovers of interrupted runs it removed; returns the folder.
     */
    static Path prepare(CommandSpec spec, Path outDir) {
        for (Path removed : RunFolder.preflight(outDir)) {
            spec.commandLine().getErr().println("greenpack: removed " + removed + ", left by an interrupted run");
        }
        spec.commandLine().getErr().flush();
        return outDir;
    }

    /** {@code greenpack <command> <args as given>}, recorded in the manifest. */
    static List<String> commandLine(CommandSpec spec) {
        List<String> commandLine = new ArrayList<>(List.of("greenpack", spec.name()));
        commandLine.addAll(spec.commandLine().getParseResult().originalArgs());
        return commandLine;
    }

    /** "{what} written to RUN" and the page to open. */
    static void printWritten(CommandSpec spec, String what, Path run) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(what + " written to " + run);
        out.println("open " + run.resolve("index.html"));
        out.flush();
    }
}
