package io.greenpack.util;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress lines for long steps ("ingest: power.csv.gz ... 2.1 s"). Stages call it; the CLI
 * decides where it goes. {@link #SILENT} for tests and library use.
 */
public interface Progress {
    Progress SILENT = message -> {
    };

    void say(String message);

    /** Runs a step, printing its name first and its duration after. */
    default <T> T step(String name, java.util.function.Supplier<T> body) {
        long t0 = System.nanoTime();
        say(name + " ...");
        T result = body.get();
        say(name + " done in " + String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - t0) / 1e9));
        return result;
    }

    static Progress to(PrintWriter err) {
        long start = System.nanoTime();
        return message -> {
            err.printf(Locale.ROOT, "[%6.1f s] %s%n", (System.nanoTime() - start) / 1e9, message);
            err.flush();
        };
    }
}
