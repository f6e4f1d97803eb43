package io.greenpack.ingest.read;

import io.greenpack.csv.ByteLineReader;
import io.greenpack.ingest.files.InputFile;
import io.greenpack.ingest.files.InputFormat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The data rows of a text input (CSV, CSV.gz, JSON lines) in file order, each as {@link Cells}
 * with its physical 1-based line number and the line itself. Skipped, as the ingest has always
 * skipped them: blank lines (nothing but spaces) and, in CSV, the header line wherever it appears
 * (concatenated files repeat it), with or without its BOM. The cells are reused from row to row.
 */
public final class TextRows {
    private TextRows() {
    }

    /** Receives each data row; {@code cells} (with {@link Cells#raw()}) is valid only during the call. */
    public interface Each {
        void row(Cells cells, long line);
    }

    /**
     * @param columns    the header's columns (lower-cased), see {@link TextHeader}
     * @param separator  the CSV separator (unused for JSON lines)
     * @param headerLine the header line as {@link TextHeader#rawLine()}; null for JSON lines
     */
    public static void read(InputFile file, List<String> columns, char separator, String headerLine, Each each) throws IOException {
        try (ByteLineReader in = TextHeader.lines(file)) {
            if (file.format() == InputFormat.JSONL) {
                RowCells.Json cells = new RowCells.Json(columns);
                while (in.advance()) {
                    if (!blank(in.bytes(), in.from(), in.length())) {
                        cells.read(in.text());
                        each.row(cells, in.lineNumber());
                    }
                }
                return;
            }
            RowCells.Csv cells = new RowCells.Csv(separator, columns.size());
            HeaderLine header = new HeaderLine(headerLine);
            while (in.advance()) {
                byte[] b = in.bytes();
                int from = in.from();
                int n = in.length();
                if (blank(b, from, n) || header.is(b, from, n)) {
                    continue;
                }
                cells.read(b, from, n);
                each.row(cells, in.lineNumber());
            }
        }
    }

    /** The CSV header line, with or without its BOM, recognised by its bytes. */
    private static final class HeaderLine {
        private final String text;
        private final String textNoBom;
        private final byte[] noBom;
        /** The header's bytes with its BOM; null when the header has none (then only the line without it matches). */
        private final byte[] withBom;
        /** A header with bad UTF-8 (shown as U+FFFD) is compared as text: its bytes are not known. */
        private final boolean asText;

        HeaderLine(String header) {
            this.text = header;
            this.textNoBom = header.startsWith("\uFEFF") ? header.substring(1) : header;
            this.noBom = textNoBom.getBytes(StandardCharsets.UTF_8);
            this.withBom = header.startsWith("\uFEFF") ? header.getBytes(StandardCharsets.UTF_8) : null;
            this.asText = header.indexOf('\uFFFD') >= 0;
        }

        boolean is(byte[] b, int from, int n) {
            if (asText) {
                String line = new String(b, from, n, StandardCharsets.UTF_8);
                return line.equals(text) || line.equals(textNoBom);
            }
            return Arrays.equals(noBom, 0, noBom.length, b, from, from + n)
                    || (withBom != null && Arrays.equals(withBom, 0, withBom.length, b, from, from + n));
        }
    }

    /** Blank as the ingest has always dropped them: nothing but spaces. */
    private static boolean blank(byte[] b, int from, int n) {
        for (int i = from; i < from + n; i++) {
            if (b[i] != ' ') {
                return false;
            }
        }
        return true;
    }
}
