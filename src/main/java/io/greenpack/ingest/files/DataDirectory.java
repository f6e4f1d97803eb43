package io.greenpack.ingest.files;

import io.greenpack.util.UserError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** Finds the input files of a data directory and checks that the required kinds are there. */
public final class DataDirectory {
    private final Path dir;
    private final Map<InputKind, List<InputFile>> files;

    private DataDirectory(Path dir, Map<InputKind, List<InputFile>> files) {
        this.dir = dir;
        this.files = files;
    }

    public static DataDirectory scan(Path dir) {
        if (!Files.isDirectory(dir)) {
            String why;
            try {
                why = Files.readAttributes(dir, java.nio.file.attribute.BasicFileAttributes.class).isDirectory()
                        ? "cannot be read" : "is a file, not a folder";
            } catch (java.nio.file.NoSuchFileException e) {
                why = "does not exist";
            } catch (IOException e) {
                why = UserError.reason(e);
            }
            throw new UserError("data directory " + dir + ": " + why
                    + " (expected a folder holding hosts.csv, power.* and utilization.*)");
        }
        Map<InputKind, List<InputFile>> byKind = new EnumMap<>(InputKind.class);
        for (InputKind k : InputKind.values()) {
            byKind.put(k, new ArrayList<>());
        }
        try (Stream<Path> list = Files.list(dir)) {
            list.peek(p -> checkIsFile(dir, p)).filter(p -> Files.isRegularFile(p)
                    // Spark writes Parquet as a folder of part files: accept power.parquet/ too.
                    || (Files.isDirectory(p) && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet"))).sorted(Comparator.comparing(Path::toString)).forEach(p -> {
                String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                InputFormat.of(p).ifPresent(format -> {
                    for (InputKind k : InputKind.values()) {
                        if (name.startsWith(k.prefix())) {
                            byKind.get(k).add(new InputFile(p, k, format));
                            return;
                        }
                    }
                });
            });
        } catch (IOException e) {
            throw new UserError("data directory " + dir + ": cannot be listed: " + UserError.reason(e)
                    + " (expected a folder this user may read)", e);
        }
        for (InputKind k : InputKind.values()) {
            if (k.required() && byKind.get(k).isEmpty()) {
                throw new UserError("data directory " + dir + " has no " + k.prefix()
                        + " file (expected " + k.prefix() + ".csv, .csv.gz, .parquet or .jsonl)");
            }
        }
        if (byKind.get(InputKind.POWER).isEmpty() && byKind.get(InputKind.UTILIZATION).isEmpty()) {
            throw new UserError("data directory " + dir + " has neither power nor utilization samples (expected "
                    + "power.* and/or utilization.* as .csv, .csv.gz, .parquet or .jsonl)");
        }
        if (byKind.get(InputKind.HOSTS).size() > 1) {
            throw new UserError("data directory " + dir + " has several hosts files "
                    + byKind.get(InputKind.HOSTS).stream().map(InputFile::name).toList() + "; expected one");
        }
        return new DataDirectory(dir, byKind);
    }

    /**
     * An input name (power.csv, ...) on something that is not a readable file would otherwise be
     * skipped in silence: a folder named power.csv, a broken symbolic link, a link loop, a device.
     * A symbolic link is followed only to a file inside the data folder: a link to /etc/passwd
     * must not be read, nor its lines echoed in a message about bad rows.
     */
    private static void checkIsFile(Path dir, Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean input = InputFormat.of(p).isPresent()
                && java.util.Arrays.stream(InputKind.values()).anyMatch(k -> name.startsWith(k.prefix()));
        if (!input) {
            return;
        }
        if (Files.isSymbolicLink(p)) {
            if (!Files.exists(p)) {
                throw new UserError(p + ": is a symbolic link that leads nowhere (a broken link or a link loop); expected a file");
            }
            if (!Files.isRegularFile(p) && !Files.isDirectory(p)) {
                throw new UserError(p + ": is not a regular file (a symbolic link to a device, a named pipe or a "
                        + "socket); expected a file");
            }
            try {
                if (!p.toRealPath().startsWith(dir.toRealPath())) {
                    throw new UserError(p + ": is a symbolic link to a file outside the data folder " + dir
                            + "; it is not read. Expected the file itself, or a link to a file inside the data folder");
                }
            } catch (IOException e) {
                throw new UserError(p + ": cannot follow the symbolic link: " + UserError.reason(e), e);
            }
        }
        if (Files.isRegularFile(p) || (Files.isDirectory(p) && name.endsWith(".parquet"))) {
            return;
        }
        if (Files.isDirectory(p)) {
            throw new UserError(p + ": is a directory; expected a file (only Parquet may be a folder of part files)");
        }
        throw new UserError(p + ": is not a regular file (a device, a named pipe or a socket); expected a file");
    }

    public Path dir() {
        return dir;
    }

    public List<InputFile> files(InputKind kind) {
        return List.copyOf(files.get(kind));
    }

    public List<InputFile> all() {
        List<InputFile> all = new ArrayList<>();
        for (InputKind k : InputKind.values()) {
            all.addAll(files.get(k));
        }
        return all;
    }
}
