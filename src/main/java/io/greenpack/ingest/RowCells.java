package io.greenpack.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import org.apache.spark.sql.catalyst.InternalRow;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** {@link Cells} over the three kinds of input row: a CSV line, a JSON line, a Parquet row. */
final class RowCells {
    private RowCells() {
    }

    /** A CSV line split by {@link CsvFields}; more fields with values than the header has is a bad row. */
    static final class Csv implements Cells {
        private final CsvFields fields = new CsvFields();
        private final Interner interner = new Interner();
        private final char separator;
        private final int columns;
        private final boolean decimalComma;

        Csv(char separator, int columns) {
            this.separator = separator;
            this.columns = columns;
            this.decimalComma = separator == ';';
        }

        void read(String line) {
            fields.split(line, separator);
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
        public boolean present(int c) {
            return c < columns && fields.present(c);
        }

        /** Per column the text returned last: hosts and instances repeat row after row. */
        private final String[] last = new String[64];

        @Override
        public String text(int c) {
            if (!present(c)) {
                return null;
            }
            String source = fields.source(c);
            int from = fields.from(c);
            int n = fields.to(c) - from;
            if (c < last.length) {
                String l = last[c];
                if (l != null && Interner.same(l, source, from, n)) {
                    return l;
                }
                return last[c] = interner.of(source, from, from + n);
            }
            return interner.of(source, from, from + n);
        }

        @Override
        public double number(int c) {
            return present(c) ? Values.number(fields.source(c), fields.from(c), fields.to(c), decimalComma) : Double.NaN;
        }

        @Override
        public boolean textEquals(int c, String text) {
            return present(c) && Interner.same(text, fields.source(c), fields.from(c), fields.to(c) - fields.from(c));
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

        Json(List<String> columns) {
            this.columns = columns;
            this.values = new String[columns.size()];
        }

        void read(String line) {
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
                        values[c] = text == null ? null : Values.trimSpaces(text);
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
        public String text(int c) {
            return present(c) ? values[c] : null;
        }

        @Override
        public double number(int c) {
            return present(c) ? Values.parse(values[c]) : Double.NaN;
        }
    }

    /**
     * A Parquet row as Ingest selects it: per column c its text (Spark's cast to string) at ordinal
     * 2c and its native value at 2c + 1 (a double for numbers, microseconds for timestamps, null
     * for text columns). Floating-point and timestamp columns have no text slot: formatting every
     * value as text cost more than the rest of the row; their text is made from the value when a
     * reject shows it.
     */
    static final class Parquet implements Cells {
        static final int TEXT = 0;
        /** An integral number: text and value. */
        static final int NUMBER = 1;
        static final int TIMESTAMP = 2;
        /** A floating-point number: value only. */
        static final int DOUBLE = 3;
        private final int[] types;
        private final int offset;
        private final java.util.HashMap<org.apache.spark.unsafe.types.UTF8String, String> interned = new java.util.HashMap<>();
        private final org.apache.spark.unsafe.types.UTF8String[] lastBytes = new org.apache.spark.unsafe.types.UTF8String[64];
        private final String[] lastText = new String[64];
        private InternalRow row;

        Parquet(int[] types, int offset) {
            this.types = types;
            this.offset = offset;
        }

        void read(InternalRow r) {
            row = r;
        }

        @Override
        public boolean present(int c) {
            if (c >= 0 && (types[c] == DOUBLE || types[c] == TIMESTAMP)) {
                return !row.isNullAt(offset + 2 * c + 1);
            }
            return text(c) != null;
        }

        @Override
        public String text(int c) {
            if (c >= 0 && (types[c] == DOUBLE || types[c] == TIMESTAMP)) {
                if (row.isNullAt(offset + 2 * c + 1)) {
                    return null;
                }
                if (types[c] == DOUBLE) {
                    return Values.shown(row.getDouble(offset + 2 * c + 1));
                }
                long m = row.getLong(offset + 2 * c + 1);
                java.time.LocalDateTime t = java.time.LocalDateTime.ofEpochSecond(Math.floorDiv(m, 1_000_000L),
                        (int) Math.floorMod(m, 1_000_000L) * 1000, java.time.ZoneOffset.UTC);
                return t.toString().replace('T', ' ');
            }
            if (c < 0 || row.isNullAt(offset + 2 * c)) {
                return null;
            }
            org.apache.spark.unsafe.types.UTF8String u = row.getUTF8String(offset + 2 * c);
            // Hosts and instances repeat row after row: compare with the column's last value
            // before hashing (a copy: the row's bytes are reused for the next row).
            if (c < lastBytes.length && u.equals(lastBytes[c])) {
                return lastText[c];
            }
            String s = interned.get(u);
            if (s == null) {
                s = Values.trimSpaces(u.toString());
                if (interned.size() < Interner.MAX && u.numBytes() <= 128) {
                    interned.put(u.clone(), s);
                }
            }
            s = s.isEmpty() ? null : s;
            if (c < lastBytes.length) {
                lastBytes[c] = u.clone();
                lastText[c] = s;
            }
            return s;
        }

        @Override
        public double number(int c) {
            if (c < 0) {
                return Double.NaN;
            }
            if (types[c] == NUMBER || types[c] == DOUBLE) {
                if (row.isNullAt(offset + 2 * c + 1)) {
                    return Double.NaN;
                }
                double v = row.getDouble(offset + 2 * c + 1);
                return Double.isInfinite(v) ? Double.NaN : v;
            }
            String s = text(c);
            return s == null ? Double.NaN : Values.parse(s);
        }

        @Override
        public long nativeTimestamp(int c) {
            if (c < 0 || row.isNullAt(offset + 2 * c + 1)) {
                return Values.NO_TS;
            }
            return types[c] == TIMESTAMP ? row.getLong(offset + 2 * c + 1)
                    : types[c] == NUMBER || types[c] == DOUBLE ? Values.epoch(row.getDouble(offset + 2 * c + 1)) : Values.NO_TS;
        }
    }
}
