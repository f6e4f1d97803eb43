package io.greenpack.csv;

import io.greenpack.util.UserError;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A small comma-separated input file read whole (UTF-8, a leading BOM ignored, blank lines
 * skipped): a header on line 1 and rows of the same width. Column names are case-insensitive:
 * they are trimmed and lower-cased. Every problem is a {@link UserError} that names the file, the
 * line, the column where there is one, what was found and what was expected.
 *
 * <p>For inputs a user writes by hand ({@code pack}'s items and bins); the large exports stream
 * through their own readers.
 */
public final class CsvFile {
    private final Path file;
    private final List<String> header;
    private final List<CsvRow> rows;

    private CsvFile(Path file, List<String> header, List<CsvRow> rows) {
        this.file = file;
        this.header = header;
        this.rows = rows;
    }

    /** Reads {@code file}; its header must hold {@code requiredColumn}. */
    public static CsvFile read(Path file, String requiredColumn) {
        List<String> lines = lines(file);
        List<String> header = header(file, lines, requiredColumn);
        CsvFile csv = new CsvFile(file, header, new ArrayList<>());
        for (int i = 1; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                csv.rows.add(new CsvRow(csv, i + 1, csv.fields(i + 1, lines.get(i))));
            }
        }
        return csv;
    }

    public Path file() {
        return file;
    }

    /** Column names, trimmed and lower-cased, in file order. */
    public List<String> header() {
        return header;
    }

    /** The data rows, blank lines left out. */
    public List<CsvRow> rows() {
        return rows;
    }

    /** The index of a column (lower-case name), or -1 when the file has none. */
    public int column(String name) {
        return header.indexOf(name);
    }

    /** An error about a whole line: {@code <file> line <n>: <message>}. */
    public UserError error(int line, String message) {
        return new UserError(file + " line " + line + ": " + message);
    }

    /** An error about one cell: {@code <file> line <n>, column '<name>': <message>}. */
    public UserError error(int line, String column, String message) {
        return new UserError(file + " line " + line + ", column '" + column + "': " + message);
    }

    private static List<String> lines(Path file) {
        List<String> lines;
        try {
            lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new UserError(file + ": file not found");
        } catch (IOException | UncheckedIOException e) {
            throw new UserError(file + ": cannot read (" + e.getMessage() + "); expected a UTF-8 CSV file", e);
        }
        if (!lines.isEmpty() && lines.get(0).startsWith("\uFEFF")) {
            lines.set(0, lines.get(0).substring(1));
        }
        return lines;
    }

    private static List<String> header(Path file, List<String> lines, String requiredColumn) {
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            throw new UserError(file + " line 1: empty header; expected a header row starting with '"
                    + requiredColumn + "'");
        }
        List<String> header = new ArrayList<>();
        for (String name : complete(file, 1, lines.get(0)).fields()) {
            header.add(name.trim().toLowerCase(Locale.ROOT));
        }
        if (!header.contains(requiredColumn)) {
            throw new UserError(file + " line 1: missing column '" + requiredColumn + "'; found columns " + header);
        }
        Set<String> seen = new HashSet<>();
        for (String name : header) {
            if (!seen.add(name)) {
                throw new UserError(file + " line 1: column '" + name + "' appears twice; expected unique column names");
            }
        }
        return List.copyOf(header);
    }

    private List<String> fields(int line, String text) {
        List<String> fields = complete(file, line, text).fields();
        if (fields.size() != header.size()) {
            throw error(line, "found " + fields.size() + " fields, expected " + header.size() + " like the header "
                    + header);
        }
        return fields;
    }

    private static CsvLine complete(Path file, int line, String text) {
        CsvLine split = CsvLine.split(text, ',');
        if (split.unclosedQuoteField() > 0) {
            throw new UserError(file + " line " + line + ", field " + split.unclosedQuoteField()
                    + ": unclosed quote; expected a closing \"");
        }
        return split;
    }
}
