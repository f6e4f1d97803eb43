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

    public static Path notebookResults() {
        return dir().resolve("notebooks-data").resolve("results");
    }
}
