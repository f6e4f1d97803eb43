package io.greenpack.testing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code greenpack <args>} in a child JVM, for tests that signal, starve or kill a run: the same
 * Java, this JVM's classpath and its {@code -D}/{@code --add-opens} flags, a heap of its own, and
 * notebook tables sent to a folder of the test instead of the checkout's. The child's output goes
 * to {@code child.out} and {@code child.err} in the test's folder.
 */
public final class ChildGreenpack {
    private ChildGreenpack() {
    }

    /** Starts the child; {@code heap} as for {@code -Xmx} (what {@code GREENPACK_HEAP} sets in the launcher). */
    public static Process start(Path tmp, String heap, Path results, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(LauncherFiles.java().toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--add-opens") || a.startsWith("-D")) {
                cmd.add(a);
            }
        }
        cmd.add("-Xmx" + heap);
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-Dgreenpack.home=" + System.getProperty("greenpack.home", "."));
        cmd.add("-Dgreenpack.results=" + results);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("io.greenpack.cli.Main");
        cmd.addAll(args);
        return new ProcessBuilder(cmd)
                .redirectOutput(tmp.resolve("child.out").toFile())
                .redirectError(tmp.resolve("child.err").toFile())
                .start();
    }
}
