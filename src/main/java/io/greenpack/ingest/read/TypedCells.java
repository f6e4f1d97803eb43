package io.greenpack.ingest.read;

import io.greenpack.csv.CsvByteFields;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.execution.vectorized.WritableColumnVector;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.apache.spark.sql.vectorized.ColumnarBatch;
import org.apache.spark.unsafe.types.UTF8String;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link Cells} over typed values, as a Parquet input gives them: each column is text, an
 * integral number, a floating-point number or a timestamp. Two ways in, same cells: Spark's
 * vectorized reader's column vectors ({@link Columns}, no copy of any value) and, for schemas the
 * vectorized path does not cover, rows projected by Spark ({@link Rows}).
 */
public abstract class TypedCells implements Cells {
    static final int TEXT = 0;
    /** An integral number: text and value. */
    static final int NUMBER = 1;
    static final int TIMESTAMP = 2;
    /** A floating-point number: value only. */
    static final int DOUBLE = 3;

    final int[] types;
    private final Map<UTF8String, String> interned = new HashMap<>();
    private final UTF8String[] lastBytes;
    private final String[] lastText;

    TypedCells(int[] types) {
        this.types = types;
        this.lastBytes = new UTF8String[types.length];
        this.lastText = new String[types.length];
    }

    /** Whether the value of column c (a number or timestamp) is null. */
    abstract boolean valueNull(int c);

    /** A NUMBER or DOUBLE column's value. */
    abstract double value(int c);

    /** A TIMESTAMP column's microseconds since the epoch. */
    abstract long micros(int c);

    /** A TEXT or NUMBER column's text as stored (untrimmed), or null. */
    abstract String rawText(int c);

    @Override
    public boolean present(int c) {
        if (c >= 0 && (types[c] == DOUBLE || types[c] == TIMESTAMP)) {
            return !valueNull(c);
        }
        return text(c) != null;
    }

    @Override
    public String text(int c) {
        if (c < 0) {
            return null;
        }
        if (types[c] == DOUBLE || types[c] == TIMESTAMP) {
            if (valueNull(c)) {
                return null;
            }
            return types[c] == DOUBLE ? CellValues.shown(value(c)) : timestampText(micros(c));
        }
        String s = rawText(c);
        return s == null || s.isEmpty() ? null : s;
    }

    @Override
    public double number(int c) {
        if (c < 0) {
            return Double.NaN;
        }
        if (types[c] == NUMBER || types[c] == DOUBLE) {
            if (valueNull(c)) {
                return Double.NaN;
            }
            double v = value(c);
            return Double.isInfinite(v) ? Double.NaN : v;
        }
        String s = text(c);
        return s == null ? Double.NaN : CellValues.parse(s);
    }

    @Override
    public long nativeTimestamp(int c) {
        if (c < 0 || types[c] == TEXT || valueNull(c)) {
            return CellValues.NO_TS;
        }
        return types[c] == TIMESTAMP ? micros(c) : CellValues.epoch(value(c));
    }

    static String timestampText(long micros) {
        java.time.LocalDateTime t = java.time.LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                (int) Math.floorMod(micros, 1_000_000L) * 1000, java.time.ZoneOffset.UTC);
        return t.toString().replace('T', ' ');
    }

    /**
     * One String per distinct text, trimmed. Hosts and instances repeat row after row: the
     * column's last value is compared before hashing (kept as a copy: a reader reuses its bytes).
     */
    final String intern(int c, UTF8String u) {
        if (u.equals(lastBytes[c])) {
            return lastText[c];
        }
        String s = interned.get(u);
        if (s == null) {
            s = CsvByteFields.trimSpaces(u.toString());
            if (interned.size() < Interner.MAX && u.numBytes() <= Interner.LONGEST) {
                interned.put(u.clone(), s);
            }
        }
        lastBytes[c] = u.clone();
        lastText[c] = s;
        return s;
    }

    /**
     * A Parquet row as {@link ParquetInput#projected} gives it: {@code offset} leading columns,
     * then per column c its text (Spark's cast to string) at offset + 2c and its native value at
     * offset + 2c + 1 (a double for numbers, microseconds for timestamps, null for text columns).
     * Floating-point and timestamp columns have no text slot: formatting every value as text cost
     * more than the rest of the row; their text is made from the value when a reject shows it.
     */
    public static final class Rows extends TypedCells {
        private final int offset;
        private InternalRow row;

        public Rows(int[] types, int offset) {
            super(types);
            this.offset = offset;
        }

        public void read(InternalRow r) {
            row = r;
        }

        @Override
        boolean valueNull(int c) {
            return row.isNullAt(offset + 2 * c + 1);
        }

        @Override
        double value(int c) {
            return row.getDouble(offset + 2 * c + 1);
        }

        @Override
        long micros(int c) {
            return row.getLong(offset + 2 * c + 1);
        }

        @Override
        String rawText(int c) {
            return row.isNullAt(offset + 2 * c) ? null : intern(c, row.getUTF8String(offset + 2 * c));
        }
    }

    // ---- the vectorized way ---------------------------------------------------------------

    /** How a column vector holds its values. */
    static final int BYTE = 0;
    static final int SHORT = 1;
    static final int INT = 2;
    static final int LONG = 3;
    static final int FLOAT = 4;
    static final int DOUBLE_VALUE = 5;
    static final int STRING = 6;

    /** The vector kind of a Spark type, or -1 when the vectorized way does not take it. */
    static int vectorKind(DataType t) {
        if (t.equals(DataTypes.ByteType)) {
            return BYTE;
        } else if (t.equals(DataTypes.ShortType)) {
            return SHORT;
        } else if (t.equals(DataTypes.IntegerType)) {
            return INT;
        } else if (t.equals(DataTypes.LongType) || t.equals(DataTypes.TimestampType)) {
            return LONG; // a (zoned) timestamp is microseconds since the epoch already
        } else if (t.equals(DataTypes.FloatType)) {
            return FLOAT;
        } else if (t.equals(DataTypes.DoubleType)) {
            return DOUBLE_VALUE;
        } else if (t.equals(DataTypes.StringType)) {
            return STRING;
        }
        return -1;
    }

    /**
     * A batch's rows, read from the column vectors in place. A dictionary-encoded text column
     * (hosts, apps: few values, many rows) is resolved once per dictionary entry and batch.
     */
    public static final class Columns extends TypedCells {
        private final int[] kinds;
        private final int[] vectorOf;
        private final int rowIndexVector;
        private ColumnVector[] vectors;
        private int row;
        private int batch;
        // per column: dictionary id -> text, valid while stamp == batch
        private final String[][] byId;
        private final int[][] stamp;
        private final long[] lastNumber;
        private final String[] lastNumberText;
        /** Per column: no null in the current batch (the usual case), so no row is asked. */
        private final boolean[] noNulls;

        /** kinds and vectorOf per column (see {@link #vectorKind}); the row index in vector rowIndexVector. */
        public Columns(int[] types, int[] kinds, int[] vectorOf, int rowIndexVector) {
            super(types);
            this.kinds = kinds;
            this.vectorOf = vectorOf;
            this.rowIndexVector = rowIndexVector;
            this.byId = new String[types.length][];
            this.stamp = new int[types.length][];
            this.lastNumber = new long[types.length];
            this.lastNumberText = new String[types.length];
            this.noNulls = new boolean[types.length];
        }

        public void batch(ColumnarBatch b) {
            vectors = new ColumnVector[b.numCols()];
            for (int i = 0; i < vectors.length; i++) {
                vectors[i] = b.column(i);
            }
            for (int c = 0; c < vectorOf.length; c++) {
                noNulls[c] = vectors[vectorOf[c]].numNulls() == 0;
            }
            batch++;
        }

        public void row(int r) {
            row = r;
        }

        public long rowIndex() {
            return vectors[rowIndexVector].getLong(row);
        }

        private ColumnVector v(int c) {
            return vectors[vectorOf[c]];
        }

        @Override
        boolean valueNull(int c) {
            return !noNulls[c] && v(c).isNullAt(row);
        }

        @Override
        double value(int c) {
            ColumnVector v = v(c);
            return switch (kinds[c]) {
                case FLOAT -> v.getFloat(row);
                case DOUBLE_VALUE -> v.getDouble(row);
                default -> integral(v, c);
            };
        }

        private long integral(ColumnVector v, int c) {
            return switch (kinds[c]) {
                case BYTE -> v.getByte(row);
                case SHORT -> v.getShort(row);
                case INT -> v.getInt(row);
                default -> v.getLong(row);
            };
        }

        @Override
        long micros(int c) {
            return v(c).getLong(row);
        }

        @Override
        String rawText(int c) {
            ColumnVector v = v(c);
            if (valueNull(c)) {
                return null;
            }
            if (kinds[c] != STRING) {
                long n = integral(v, c);
                if (lastNumberText[c] == null || n != lastNumber[c]) {
                    lastNumber[c] = n;
                    lastNumberText[c] = Long.toString(n);
                }
                return lastNumberText[c];
            }
            if (v instanceof WritableColumnVector w && w.hasDictionary()) {
                int id = w.getDictionaryIds().getDictId(row);
                if (byId[c] == null || id >= byId[c].length) {
                    int size = Math.max(id + 1, byId[c] == null ? 1024 : byId[c].length * 2);
                    byId[c] = byId[c] == null ? new String[size] : Arrays.copyOf(byId[c], size);
                    stamp[c] = stamp[c] == null ? new int[size] : Arrays.copyOf(stamp[c], size);
                }
                if (stamp[c][id] != batch) {
                    byId[c][id] = intern(c, v.getUTF8String(row));
                    stamp[c][id] = batch;
                }
                return byId[c][id];
            }
            return intern(c, v.getUTF8String(row));
        }
    }
}
