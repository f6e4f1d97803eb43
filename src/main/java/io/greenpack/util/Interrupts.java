package io.greenpack.util;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What happens when the user interrupts a run (Ctrl-C, {@code kill}, a closed terminal): the
 * signal is recorded, the JVM exits with 128 + its number (130 SIGINT, 143 SIGTERM, 129 SIGHUP),
 * and a shutdown hook removes every unfinished folder the run registered, then says so. The
 * main thread, whose Spark jobs fail once Spark's own hook stops the context, asks
 * {@link #shuttingDown()} and stays quiet instead of reporting that failure as a defect.
 */
public final class Interrupts {
    private static final Set<Cleanup> LIVE = new LinkedHashSet<>();
    private static volatile String signal;
    private static boolean hookInstalled;

    /**
     * One unfinished folder. {@link #abandon} removes it and keeps the command's thread, which
     * goes on until the JVM halts, from writing it again; {@link #afterCommand} removes what
     * kept it out, once that thread has stopped.
     */
    public interface Cleanup {
        /** Returns the folder removed, or null when there was nothing left to remove. */
        Path abandon() throws IOException;

        default void afterCommand() throws IOException {
        }
    }

    /** How long the cleanup waits for the interrupted command's thread to give up. */
    private static final long COMMAND_STOP_SECONDS = 30;
    private static final java.util.concurrent.CountDownLatch COMMAND_ENDED = new java.util.concurrent.CountDownLatch(1);

    private Interrupts() {
    }

    /**
     * Records SIGINT, SIGTERM and SIGHUP for the message and exits with 128 + the signal number,
     * as the JVM's own handler does. SIGHUP stays ignored when it was ignored at start (nohup).
     */
    @SuppressWarnings("restriction")
    public static void install() {
        for (String name : List.of("INT", "TERM", "HUP")) {
            try {
                sun.misc.Signal sig = new sun.misc.Signal(name);
                sun.misc.SignalHandler previous = sun.misc.Signal.handle(sig, s -> {
                    signal = "SIG" + s.getName();
                    System.exit(128 + s.getNumber());
                });
                if (name.equals("HUP") && previous == sun.misc.SignalHandler.SIG_IGN) {
                    sun.misc.Signal.handle(sig, sun.misc.SignalHandler.SIG_IGN);
                }
            } catch (IllegalArgumentException e) {
                // The signal is reserved here (-Xrs, an unusual platform): the JVM's default stays.
            }
        }
        ensureHook();
    }

    /** Registers an unfinished folder for removal if the JVM shuts down before it is closed. */
    public static synchronized void register(Cleanup c) {
        ensureHook();
        LIVE.add(c);
    }

    public static synchronized void unregister(Cleanup c) {
        LIVE.remove(c);
    }

    /** The command's thread has returned (normally, or failing because the JVM is shutting down). */
    public static void commandEnded() {
        COMMAND_ENDED.countDown();
    }

    /** The signal that ended this run ("SIGINT"), or null. */
    public static String signal() {
        return signal;
    }

    /** 128 + the signal's number (130 SIGINT, 143 SIGTERM, 129 SIGHUP); 130 when the shutdown came from elsewhere. */
    public static int exitCode() {
        String s = signal;
        return s == null ? 130 : 128 + new sun.misc.Signal(s.substring(3)).getNumber();
    }

    /** True once the JVM has begun to shut down (a signal, or System.exit on another thread). */
    public static boolean shuttingDown() {
        try {
            Thread probe = new Thread(() -> { });
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    private static synchronized void ensureHook() {
        if (!hookInstalled) {
            hookInstalled = true;
            Runtime.getRuntime().addShutdownHook(new Thread(Interrupts::cleanUp, "greenpack-cleanup"));
        }
    }

    private static void cleanUp() {
        List<Cleanup> live;
        synchronized (Interrupts.class) {
            live = new ArrayList<>(LIVE);
            LIVE.clear();
        }
        List<String> removed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (Cleanup c : live) {
            try {
                Path p = c.abandon();
                if (p != null) {
                    removed.add(p.toString());
                }
            } catch (IOException | RuntimeException e) {
                failed.add(e.getMessage());
            }
        }
        if (!removed.isEmpty()) {
            // The command's thread fails soon on the blocked folder; then the blocker goes too.
            try {
                COMMAND_ENDED.await(COMMAND_STOP_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (Cleanup c : live) {
                try {
                    c.afterCommand();
                } catch (IOException | RuntimeException e) {
                    failed.add(e.getMessage());
                }
            }
        }
        if (signal != null) {
            PrintStream err = System.err;
            err.println("greenpack: interrupted (" + signal + ")" + (removed.isEmpty()
                    ? "; nothing was written"
                    : "; removed the unfinished " + String.join(", ", removed)
                    + "; earlier reports and notebooks-data/results/ are unchanged")
                    + (failed.isEmpty() ? "" : "; could not remove: " + String.join("; ", failed)
                    + " (the next run removes it)"));
            err.flush();
        }
    }
}
