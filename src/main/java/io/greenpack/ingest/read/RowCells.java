package io.greenpack.ingest.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.greenpack.csv.CsvByteFields;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** {@link Cells} over text input rows: a CSV line, a JSON line (Parquet: {@link TypedCells}). */
final class RowCells {
    private RowCells() {
    }

    /** A CSV line split by {@link CsvByteFields}; more fields with values than the header has is a bad row. */
    static final class Csv implements Cells {
        private final CsvByteFields fields = new CsvByteFields();
        private final Interner interner = new Interner();
        private final char separator;
        private final int columns;
        private final boolean decimalComma;
        private int lineFrom;
        private int lineLength;

        Csv(char separator, int columns) {
            this.separator = separator;
            this.columns = columns;
            this.decimalComma = separator == ';';
        }

        /** Reads the line {@code b[from, from + length)} (UTF-8, without its line end). */
        void read(byte[] b, int from, int length) {
            lineFrom = from;
            lineLength = length;
            fields.split(b, from, from + length, separator);
        }

        @Override
        public String problem() {
            return fields.count() > columns && fields.hasValuesBeyond(columns) ? "too many fields" : null;
        }

        @Override
        public String problemDetail() {
            return fields.count() + " fields; the header has " + columns + " columns";
        }

        @Override
        public String raw() {
            return new String(fields.line(), lineFrom, lineLength, StandardCharsets.UTF_8);
        }

        @Override
        public boolean present(int c) {
            return c < columns && fields.present(c);
        }

        @Override
        public String text(int c) {
            if (!present(c)) {
                return null;
            }
            String quoted = fields.quoted(c);
            return quoted != null ? quoted : interner.of(c, fields.line(), fields.from(c), fields.to(c));
        }

        @Override
        public double number(int c) {
            if (!present(c)) {
                return Double.NaN;
            }
            String quoted = fields.quoted(c);
            return quoted != null ? CellValues.number(quoted, decimalComma)
                    : CellValues.number(fields.line(), fields.from(c), fields.to(c), decimalComma);
        }

        @Override
        public boolean textEquals(int c, String text) {
            if (c >= 0 && present(c) && fields.quoted(c) == null
                    && interner.lastIs(c, text, fields.line(), fields.from(c), fields.to(c))) {
                return true;
            }
            return text.equals(text(c));
        }
    }

    /** One JSON object per line; keys matched to the header's columns case-insensitively. */
    static final class Json implements Cells {
        private static final JsonFactory FACTORY = JsonFactory.builder()
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
        private final List<String> columns;
        private final String[] values;
        private String problem;
        private String problemDetail;
        private String line;

        Json(List<String> columns) {
            this.columns = columns;
            this.values = new String[columns.size()];
        }

        void read(String line) {
            this.line = line;
            Arrays.fill(values, null);
            problem = null;
            try (JsonParser p = FACTORY.createParser(line)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    invalid("expected one JSON object per line");
                    return;
                }
                for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                    int c = columns.indexOf(p.currentName().trim().toLowerCase(Locale.ROOT));
                    JsonToken v = p.nextToken();
                    String text;
                    if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                        int start = (int) p.currentTokenLocation().getCharOffset();
                        p.skipChildren();
                        text = line.substring(start, (int) p.currentLocation().getCharOffset());
                    } else {
                        text = v == JsonToken.VALUE_NULL ? null : p.getText();
                    }
                    if (c >= 0) {
                        values[c] = text == null ? null : CsvByteFields.trimSpaces(text);
                    }
                }
            } catch (IOException | RuntimeException e) {
                Arrays.fill(values, null);
                invalid(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().split("\n")[0]);
            }
        }

        private void invalid(String why) {
            problem = "not valid JSON";
            problemDetail = why;
        }

        @Override
        public String problem() {
            return problem;
        }

        @Override
        public String problemDetail() {
            return problemDetail;
        }

        @Override
        public boolean present(int c) {
            return c >= 0 && values[c] != null && !values[c].isEmpty();
        }

        @Override
        public String raw() {
            return line;
        }

        @Override
        public String text(int c) {
            return present(c) ? values[c] : null;
        }

        @Override
        public double number(int c) {
            return present(c) ? CellValues.parse(values[c]) : Double.NaN;
        }
    }
}
