package io.greenpack.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenpack.util.UserError;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The column names of a text file, read in plain Java before Spark sees the file, so that a
 * missing column or an empty file is reported at once, naming the file. Handles a UTF-8 BOM,
 * CRLF line ends and semicolon- or tab-separated files (the separator is taken from the header).
 *
 * @param columns   lower-cased, trimmed column names in file order
 * @param separator the CSV separator (',' ';' or tab); unused for JSON lines
 * @param rawLine   the header line exactly as a line reader returns it (with a BOM if present),
 *                  so that the Spark side can drop it from the data lines
 * @param hasData   whether a non-blank line follows the header
 */
public record TextHeader(List<String> columns, char separator, String rawLine, boolean hasData) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS);

    public static TextHeader read(InputFile file) {
        try (InputStream in = open(file); BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String first = r.readLine();
            while (first != null && first.isBlank()) {
                first = r.readLine();
            }
            if (first == null) {
                throw new UserError(file.path() + ": the file is empty (expected "
                        + (file.format() == InputFormat.JSONL ? "JSON objects, one per line" : "a header line naming the columns, then data")
                        + ")");
            }
            String line = first.startsWith("\uFEFF") ? first.substring(1) : first;
            line = stripCr(line);
            boolean hasData;
            List<String> columns;
            char sep = ',';
            if (file.format() == InputFormat.JSONL) {
                columns = jsonKeys(file, line);
                hasData = true;
            } else {
                sep = separatorOf(line);
                columns = splitHeader(line, sep);
                String next = r.readLine();
                while (next != null && next.isBlank()) {
                    next = r.readLine();
                }
                hasData = next != null;
            }
            checkNames(file, columns);
            return new TextHeader(columns, sep, stripCr(first), hasData);
        } catch (EOFException | ZipException e) {
            throw new UserError(file.path() + ": the compressed file is damaged or truncated (" + e.getMessage()
                    + "); expected a complete gzip file", e);
        } catch (IOException e) {
            throw new UserError(file.path() + ": cannot read the file: " + e.getMessage(), e);
        }
    }

    static InputStream open(InputFile file) throws IOException {
        InputStream in = Files.newInputStream(file.path());
        String name = file.name().toLowerCase(Locale.ROOT);
        return name.endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }

    private static String stripCr(String s) {
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    /** The separator that splits the header into most fields; a header has no numbers with commas. */
    static char separatorOf(String header) {
        char best = ',';
        int bestCount = count(header, ',');
        for (char c : new char[]{';', '\t'}) {
            int n = count(header, c);
            if (n > bestCount) {
                best = c;
                bestCount = n;
            }
        }
        return best;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    static List<String> splitHeader(String line, char sep) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == sep && !quoted) {
                out.add(cur.toString().trim().toLowerCase(Locale.ROOT));
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString().trim().toLowerCase(Locale.ROOT));
        return out;
    }

    private static List<String> jsonKeys(InputFile file, String line) {
        try {
            JsonNode node = JSON.readTree(line);
            if (node == null || !node.isObject()) {
                throw new UserError(file.path() + ", line 1: expected a JSON object per line, found: " + abbreviate(line));
            }
            List<String> keys = new ArrayList<>();
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                keys.add(it.next().trim().toLowerCase(Locale.ROOT));
            }
            return keys;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UserError(file.path() + ", line 1: not valid JSON (" + e.getOriginalMessage() + "); expected one JSON object per line");
        }
    }

    private static void checkNames(InputFile file, List<String> columns) {
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            String c = columns.get(i);
            if (c.isEmpty()) {
                throw new UserError(file.path() + ", line 1, column " + (i + 1) + ": empty column name in the header");
            }
            if (seen.contains(c)) {
                throw new UserError(file.path() + ", line 1: column '" + c + "' appears twice (names are case-insensitive)");
            }
            seen.add(c);
        }
    }

    static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
