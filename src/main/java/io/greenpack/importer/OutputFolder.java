package io.greenpack.importer;

import io.greenpack.csv.CsvCell;
import io.greenpack.csv.CsvLine;
import io.greenpack.csv.CsvWriter;
import io.greenpack.util.UserError;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * What an import's output folder already holds, by kind (the name prefixes ingest reads), and
 * the rules for writing into it:
 * <ul>
 * <li>A kind this import does not write (utilization when power is imported) is kept as it is.</li>
 * <li>A kind this import writes replaces the files of that kind only with --force; each one is
 *     listed as replaced (same name) or removed (another name of that kind, e.g. power-01.csv.gz).</li>
 * <li>hosts.csv and apps.csv are merged by their key: every row that was there stays as it was
 *     (also columns the import does not know, such as idle_watts), new keys are added. Only when
 *     --force replaced files does a host leave hosts.csv, and only if no kept file has samples of
 *     it and the new import does not name it.</li>
 * </ul>
 */
final class OutputFolder {
    /** Kinds whose files an import writes as a whole; hosts and apps are merged instead. */
    static final List<String> SAMPLE_KINDS = List.of("power", "utilization");
    private static final List<String> KINDS = List.of("hosts", "power", "utilization", "apps");

    private final Path dir;

    OutputFolder(Path dir) {
        this.dir = dir;
    }

    /** Existing files of a kind (power.csv, power-01.csv.gz, power.parquet, …) in name order. */
    List<Path> existing(String kind) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> kind.equals(kindOf(p))).sorted().toList();
        } catch (IOException e) {
            throw new UserError("cannot list output directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The kind of a data-directory file by its name, or null for anything else (IMPORT.md, rejects.csv). */
    static String kindOf(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean data = n.endsWith(".csv") || n.endsWith(".csv.gz") || n.endsWith(".jsonl") || n.endsWith(".parquet");
        return data ? KINDS.stream().filter(n::startsWith).findFirst().orElse(null) : null;
    }

    /**
     * The existing files this import would replace (its kinds); without --force any of them is an
     * error that lists them and says what is kept.
     */
    List<Path> toReplace(List<String> writtenKinds, boolean force) {
        List<Path> same = new ArrayList<>();
        writtenKinds.forEach(k -> same.addAll(existing(k)));
        if (!same.isEmpty() && !force) {
            List<String> others = new ArrayList<>();
            SAMPLE_KINDS.stream().filter(k -> !writtenKinds.contains(k)).forEach(k -> existing(k).forEach(p -> others.add(name(p))));
            throw new UserError("--out " + dir + " already holds " + same.stream().map(OutputFolder::name).toList()
                    + " (" + String.join(" and ", writtenKinds) + " samples of an earlier import); pass --force to replace "
                    + (same.size() == 1 ? "it" : "them") + " or choose another directory"
                    + (others.isEmpty() ? "" : " (" + others + " would be kept either way: other kinds are merged, not replaced)"));
        }
        return same;
    }

    /** Sample files of kinds this import does not write: they stay. */
    List<Path> kept(List<String> writtenKinds) {
        List<Path> kept = new ArrayList<>();
        SAMPLE_KINDS.stream().filter(k -> !writtenKinds.contains(k)).forEach(k -> kept.addAll(existing(k)));
        return kept;
    }

    /**
     * The hosts that kept files have samples of, or null when that cannot be told (a kept file
     * that is not CSV): then every host row stays.
     */
    static Set<String> hostsIn(List<Path> keptFiles) {
        Set<String> hosts = new HashSet<>();
        for (Path f : keptFiles) {
            String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!(n.endsWith(".csv") || n.endsWith(".csv.gz"))) {
                return null;
            }
            try (ExportLines in = ExportLines.open(f)) {
                String header = in.next();
                int col = header == null ? -1 : column(CsvLine.fields(header, ','), "host");
                if (col < 0) {
                    return null;
                }
                for (String line = in.next(); line != null; line = in.next()) {
                    List<String> cells = CsvLine.fields(line, ',');
                    if (col < cells.size()) {
                        hosts.add(CsvCell.unescaped(cells.get(col)));
                    }
                }
            }
        }
        return hosts;
    }

    /** What {@link #mergeTable} did. */
    record Merged(int kept, int added, int dropped) {
    }

    /**
     * Writes {@code target}: the rows of {@code existing} (null when there is none) that
     * {@code keep} accepts, unchanged, then the new rows whose key is not there yet. Columns of
     * the new rows that the existing header lacks are added at its end (empty for the old rows).
     */
    static Merged mergeTable(Path existing, Path target, List<String> header, String key, List<Map<String, Object>> rows,
                             Predicate<String> keep) {
        List<String> columns = new ArrayList<>();
        List<String> oldLines = new ArrayList<>();
        String oldHeader = null;
        if (existing != null) {
            try (ExportLines in = ExportLines.open(existing)) {
                oldHeader = in.next();
                for (String line = in.next(); line != null; line = in.next()) {
                    if (!line.isBlank()) {
                        oldLines.add(line);
                    }
                }
            }
        }
        if (oldHeader != null) {
            CsvLine.fields(oldHeader, ',').forEach(c -> columns.add(c.trim().toLowerCase(Locale.ROOT)));
        }
        int keyColumn = column(columns, key);
        if (oldHeader != null && keyColumn < 0) {
            throw new UserError(existing + ", line 1: the header has no '" + key + "' column, so new rows cannot be merged "
                    + "into it; expected a header such as " + String.join(",", header));
        }
        int oldWidth = columns.size();
        header.stream().filter(c -> !columns.contains(c)).forEach(columns::add);
        String padding = ",".repeat(columns.size() - oldWidth);
        Set<String> present = new HashSet<>();
        int kept = 0;
        int dropped = 0;
        try (BufferedWriter w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            List<String> extra = columns.subList(oldWidth, columns.size());
            w.write(oldHeader == null ? String.join(",", columns)
                    : oldHeader + (extra.isEmpty() ? "" : "," + String.join(",", extra)));
            w.write('\n');
            for (String line : oldLines) {
                List<String> cells = CsvLine.fields(line, ',');
                String k = keyColumn < cells.size() ? CsvCell.unescaped(cells.get(keyColumn)) : "";
                if (!keep.test(k)) {
                    dropped++;
                    continue;
                }
                present.add(k);
                kept++;
                w.write(line + padding);
                w.write('\n');
            }
            int added = 0;
            for (Map<String, Object> row : rows) {
                if (present.add(String.valueOf(row.get(key)))) {
                    List<String> cells = columns.stream().map(c -> CsvWriter.cell(row.get(c))).toList();
                    w.write(String.join(",", cells));
                    w.write('\n');
                    added++;
                }
            }
            return new Merged(kept, added, dropped);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private static int column(List<String> header, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).trim().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    static String name(Path p) {
        return p.getFileName().toString();
    }
}
