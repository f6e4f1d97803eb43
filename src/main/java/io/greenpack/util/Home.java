package io.greenpack.util;

import java.nio.file.Path;

/**
 * Where greenpack is installed (the checkout holding the launcher). Default inputs
 * ({@code notebooks-data/sample}) and outputs ({@code reports/}) resolve against it, so the
 * launcher works from any current directory. The launcher sets {@code -Dgreenpack.home}.
 */
public final class Home {
    private Home() {
    }

    public static Path dir() {
        String home = System.getProperty("greenpack.home");
        return (home == null || home.isBlank() ? Path.of("") : Path.of(home)).toAbsolutePath().normalize();
    }

    public static Path sampleData() {
        return dir().resolve("notebooks-data").resolve("sample");
    }

    public static Path reports() {
        return dir().resolve("reports");
    }

    /**
     * Where result tables are published for notebooks: {@code notebooks-data/results/}, or the
     * folder named by {@code -Dgreenpack.results} (the launcher's class-data training run uses a
     * temporary one, so that it never replaces the user's tables).
     */
    public static Path notebookResults() {
        String override = System.getProperty("greenpack.results");
        if (override != null && !override.isBlank()) {
            return Path.of(override).toAbsolutePath().normalize();
        }
        return dir().resolve("notebooks-data").resolve("results");
    }
}
