package io.greenpack.ingest.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenpack.csv.ByteLineReader;
import io.greenpack.ingest.files.InputFile;
import io.greenpack.ingest.files.InputFormat;
import io.greenpack.util.UserError;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;

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

    /**
     * A header longer than this is no header: a binary file, a gzip bomb, a file without line
     * breaks. Reading stops here instead of holding the whole "line" in memory.
     */
    static final int MAX_HEADER_CHARS = 1 << 20;
    /** More columns than this make Spark's CSV plan too big to build in reasonable time. */
    static final int MAX_COLUMNS = 2000;

    public static TextHeader read(InputFile file) {
        try (InputStream in = new BufferedInputStream(open(file), 1 << 16);
             BufferedReader r = new BufferedReader(new InputStreamReader(checkNotUtf16(file, in), StandardCharsets.UTF_8))) {
            int lineNo = 1;
            String first = readLine(r, file, lineNo);
            while (first != null && first.isBlank()) {
                first = readLine(r, file, ++lineNo);
            }
            if (first == null) {
                throw new UserError(file.path() + ": the file is empty (expected "
                        + (file.format() == InputFormat.JSONL ? "JSON objects, one per line" : "a header line naming the columns, then data")
                        + ")");
            }
            if (first.indexOf('\0') >= 0) {
                throw new UserError(file.path() + ", line " + lineNo + ": the header holds NUL bytes; expected UTF-8 text "
                        + "(is it a binary file, or UTF-16 without a byte order mark?)");
            }
            String line = first.startsWith("\uFEFF") ? first.substring(1) : first;
            line = stripCr(line);
            boolean hasData;
            List<String> columns;
            char sep = ',';
            if (file.format() == InputFormat.JSONL) {
                columns = jsonKeys(file, line);
                addLaterJsonKeys(r, columns);
                hasData = true;
            } else {
                sep = separatorOf(line);
                columns = splitHeader(line, sep);
                // A trailing separator (as spreadsheet exports write on every line) adds no column.
                while (columns.size() > 1 && columns.get(columns.size() - 1).isEmpty()) {
                    columns.remove(columns.size() - 1);
                }
                // Data follows when any non-blank character does (a data line may be long: not read as a line).
                int c = r.read();
                while (c != -1 && Character.isWhitespace(c)) {
                    c = r.read();
                }
                hasData = c != -1;
            }
            if (columns.size() > MAX_COLUMNS) {
                throw new UserError(file.path() + ", line " + lineNo + ": the header has " + columns.size()
                        + " columns; greenpack reads at most " + MAX_COLUMNS + " (expected the columns of DESIGN §2, "
                        + "e.g. " + String.join(",", file.kind().requiredColumns()) + ")");
            }
            checkNames(file, columns);
            return new TextHeader(columns, sep, stripCr(first), hasData);
        } catch (IOException e) {
            throw Damage.readFailure(file, e);
        }
    }

    /** UTF-16 is what some Windows tools export; read as UTF-8 it looks like missing columns. */
    private static InputStream checkNotUtf16(InputFile file, InputStream in) throws IOException {
        in.mark(2);
        int a = in.read();
        int b = in.read();
        in.reset();
        if ((a == 0xFF && b == 0xFE) || (a == 0xFE && b == 0xFF)) {
            throw new UserError(file.path() + ": the file is encoded as UTF-16 (it starts with the byte order mark "
                    + String.format(Locale.ROOT, "%02X %02X", a, b) + "); expected UTF-8: save or export it as UTF-8");
        }
        return in;
    }

    /**
     * One line (without its \n, \r or \r\n), or null at the end of the file; fails on a line
     * longer than {@link #MAX_HEADER_CHARS} instead of reading it all into memory.
     */
    private static String readLine(BufferedReader r, InputFile file, int lineNo) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = r.read()) != -1) {
            if (c == '\n') {
                return sb.toString();
            }
            if (c == '\r') {
                r.mark(1);
                if (r.read() != '\n') {
                    r.reset();
                }
                return sb.toString();
            }
            if (sb.length() >= MAX_HEADER_CHARS) {
                throw new UserError(file.path() + ", line " + lineNo + ": more than " + MAX_HEADER_CHARS
                        + " characters without a line break; expected a header line naming the columns "
                        + "(is it a text file with line breaks?)");
            }
            sb.append((char) c);
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    /** The file's lines, at most {@link ByteLineReader#MAX_LINE_BYTES} each, errors naming the file. */
    public static ByteLineReader lines(InputFile file) throws IOException {
        return new ByteLineReader(open(file), file.path().toString(), ByteLineReader.MAX_LINE_BYTES);
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

    /**
     * JSON lines need not all have the same keys (an exporter leaves out a null field): the
     * columns are the union over the file, in order of first appearance, so that a key first
     * seen on line 500 is read too. A line that is not a JSON object is skipped here; reading
     * the rows rejects it with its line number.
     */
    private static void addLaterJsonKeys(BufferedReader r, List<String> columns) throws IOException {
        Set<String> seen = new HashSet<>(columns);
        String line;
        while ((line = r.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            try (com.fasterxml.jackson.core.JsonParser p = JSON.getFactory().createParser(line)) {
                if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                    continue;
                }
                while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                    String key = p.currentName().trim().toLowerCase(Locale.ROOT);
                    if (seen.add(key)) {
                        columns.add(key);
                    }
                    p.nextToken();
                    p.skipChildren();
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                // a damaged line: rejected with its number when the rows are read
            }
            if (columns.size() > MAX_COLUMNS) {
                return; // the caller refuses the file with the column count
            }
        }
    }

    private static void checkNames(InputFile file, List<String> columns) {
        Set<String> seen = new HashSet<>(); // a set: a list makes a 100,000-column header quadratic
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
