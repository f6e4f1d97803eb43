package io.greenpack.ingest;

import java.io.IOException;
import java.util.List;

/**
 * The data rows of a text input (CSV, CSV.gz, JSON lines) in file order, each as {@link Cells}
 * with its physical 1-based line number and the line itself. Skipped, as the ingest has always
 * skipped them: blank lines (nothing but spaces) and, in CSV, the header line wherever it appears
 * (concatenated files repeat it), with or without its BOM. The cells are reused from row to row.
 */
final class TextRows {
    private TextRows() {
    }

    /** Receives each data row; {@code cells} is valid only during the call. */
    interface Each {
        void row(Cells cells, long line, String raw);
    }

    /**
     * @param columns    the header's columns (lower-cased), see {@link TextHeader}
     * @param separator  the CSV separator (unused for JSON lines)
     * @param headerLine the header line as {@link TextHeader#rawLine()}; null for JSON lines
     */
    static void read(InputFile file, List<String> columns, char separator, String headerLine, Each each) throws IOException {
        boolean json = file.format() == InputFormat.JSONL;
        RowCells.Csv csv = json ? null : new RowCells.Csv(separator, columns.size());
        RowCells.Json jsonCells = json ? new RowCells.Json(columns) : null;
        String header = json ? null : headerLine;
        String headerNoBom = header != null && header.startsWith("\uFEFF") ? header.substring(1) : header;
        try (LineReader in = LineReader.open(file)) {
            for (String line = in.next(); line != null; line = in.next()) {
                if (blank(line) || (header != null && (line.equals(header) || line.equals(headerNoBom)))) {
                    continue;
                }
                Cells cells;
                if (json) {
                    jsonCells.read(line);
                    cells = jsonCells;
                } else {
                    csv.read(line);
                    cells = csv;
                }
                each.row(cells, in.lineNumber(), line);
            }
        }
    }

    /** Blank as the ingest has always dropped them: nothing but spaces. */
    static boolean blank(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) != ' ') {
                return false;
            }
        }
        return true;
    }
}
