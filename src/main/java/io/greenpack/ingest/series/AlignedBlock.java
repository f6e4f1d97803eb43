package io.greenpack.ingest.series;

import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.catalyst.util.MapData;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.BinaryView;
import org.apache.spark.unsafe.types.CalendarInterval;
import org.apache.spark.unsafe.types.UTF8String;
import org.apache.spark.unsafe.types.VariantVal;
import org.apache.spark.util.KnownSizeEstimation;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Aligned rows of one ingest task, up to {@link #ROWS} at a time, column by column in primitive
 * arrays, for speed and a small heap. The ingest keeps its output as a persisted RDD of these blocks
 * and shows it to Spark SQL as rows through {@link #rows}: building Spark's columnar cache cost
 * more CPU than the kernel itself, and its millions of small objects made the collector copy
 * gigabytes. A task's last block carries the task's {@link TaskFindings}.
 */
final class AlignedBlock implements Serializable, KnownSizeEstimation {
    private static final long serialVersionUID = 1L;
    static final int ROWS = 1 << 16;

    /** Aligned power before PSU completeness is filtered. */
    static final StructType POWER_SCHEMA = new StructType()
            .add("host", DataTypes.StringType).add("ts", DataTypes.TimestampType).add("watts", DataTypes.DoubleType)
            .add("psus", DataTypes.LongType).add("coverage", DataTypes.DoubleType).add("complete", DataTypes.BooleanType);
    /** CellValues in the order of {@link #values}: cores, memory, then {@link SampleRules#OPTIONAL}. */
    static final StructType UTILIZATION_SCHEMA = new StructType()
            .add("host", DataTypes.StringType).add("app", DataTypes.StringType).add("ts", DataTypes.TimestampType)
            .add("cpu_cores", DataTypes.DoubleType).add("mem_gb", DataTypes.DoubleType)
            .add("disk_iops", DataTypes.DoubleType).add("disk_mbps", DataTypes.DoubleType)
            .add("net_mbps", DataTypes.DoubleType).add("gpu_pct", DataTypes.DoubleType)
            .add("coverage", DataTypes.DoubleType);
    static final int UTILIZATION_VALUES = 2 + SampleRules.OPTIONAL.size();

    private final boolean power;
    private int size;
    /**
     * Host and app as runs: the kernel writes a block series by series, so row k's host and app
     * are those of the last run starting at or before k. A column of references per row cost 8
     * bytes a row and 2 references for the collector to visit.
     */
    private int runs;
    private int[] runStart = new int[16];
    private UTF8String[] runHost = new UTF8String[16];
    private UTF8String[] runApp = new UTF8String[16];
    private long[] tsMicros;
    /**
     * Power: watts; utilization: the {@link #UTILIZATION_VALUES} values, NaN where there is none.
     * A utilization column is allocated at its first value: an input without GPU figures holds
     * no array of NaN for them (the blocks are most of the ingest's live heap).
     */
    private double[][] values;
    /** Null while every row covers its whole interval, the usual case; allocated at the first that does not. */
    private double[] coverage;
    private long[] psus;
    private boolean[] complete;
    private byte[] summary;

    AlignedBlock(boolean power) {
        this.power = power;
        tsMicros = new long[ROWS];
        if (power) {
            values = new double[1][ROWS];
            psus = new long[ROWS];
            complete = new boolean[ROWS];
        } else {
            values = new double[UTILIZATION_VALUES][];
        }
    }

    static StructType schema(boolean power) {
        return power ? POWER_SCHEMA : UTILIZATION_SCHEMA;
    }

    boolean full() {
        return size == ROWS;
    }

    int size() {
        return size;
    }

    void addPower(UTF8String h, long micros, double watts, long psuCount, double cover, boolean isComplete) {
        series(h, null);
        tsMicros[size] = micros;
        values[0][size] = watts;
        psus[size] = psuCount;
        cover(cover);
        complete[size] = isComplete;
        size++;
    }

    void addUtilization(UTF8String h, UTF8String a, long micros, double[] v, double cover) {
        series(h, a);
        tsMicros[size] = micros;
        for (int k = 0; k < UTILIZATION_VALUES; k++) {
            if (values[k] != null) {
                values[k][size] = v[k];
            } else if (!Double.isNaN(v[k])) {
                values[k] = filled(Double.NaN);
                values[k][size] = v[k];
            }
        }
        cover(cover);
        size++;
    }

    /** Starts a run at this row unless it continues the last one (texts are interned: identity suffices). */
    private void series(UTF8String h, UTF8String a) {
        if (runs > 0 && runHost[runs - 1] == h && runApp[runs - 1] == a) {
            return;
        }
        if (runs == runStart.length) {
            runStart = Arrays.copyOf(runStart, 2 * runs);
            runHost = Arrays.copyOf(runHost, 2 * runs);
            runApp = Arrays.copyOf(runApp, 2 * runs);
        }
        runStart[runs] = size;
        runHost[runs] = h;
        runApp[runs] = a;
        runs++;
    }

    /** The run holding row k, searched from {@code hint} (the last answer: rows are read in order). */
    int run(int k, int hint) {
        if (hint >= 0 && hint < runs && runStart[hint] <= k && (hint + 1 == runs || k < runStart[hint + 1])) {
            return hint;
        }
        if (hint + 1 < runs && runStart[hint + 1] <= k && (hint + 2 == runs || k < runStart[hint + 2])) {
            return hint + 1;
        }
        int i = Arrays.binarySearch(runStart, 0, runs, k);
        return i >= 0 ? i : -i - 2;
    }

    UTF8String host(int run) {
        return runHost[run];
    }

    UTF8String app(int run) {
        return runApp[run];
    }

    private void cover(double fraction) {
        if (coverage != null) {
            coverage[size] = fraction;
        } else if (fraction != 1.0) {
            coverage = filled(1.0);
            coverage[size] = fraction;
        }
    }

    /** A new column whose rows so far all read {@code value}. */
    private double[] filled(double value) {
        double[] column = new double[ROWS];
        Arrays.fill(column, 0, size, value);
        return column;
    }

    /** Value column k of row r (NaN = none); coverage of row r. For tests and the row view. */
    double value(int k, int r) {
        return values[k] == null ? Double.NaN : values[k][r];
    }

    double coverage(int r) {
        return coverage == null ? 1.0 : coverage[r];
    }

    /** How many value and coverage columns hold an array (for tests). */
    int columnsHeld() {
        int n = coverage == null ? 0 : 1;
        for (double[] v : values) {
            n += v == null ? 0 : 1;
        }
        return n;
    }

    /** The task's summary goes on its last block; the arrays are cut to the rows held. */
    AlignedBlock finish(TaskFindings s) {
        summary = s == null ? null : s.toBytes();
        runStart = Arrays.copyOf(runStart, runs);
        runHost = Arrays.copyOf(runHost, runs);
        runApp = Arrays.copyOf(runApp, runs);
        if (size < ROWS) {
            tsMicros = Arrays.copyOf(tsMicros, size);
            coverage = coverage == null ? null : Arrays.copyOf(coverage, size);
            for (int k = 0; k < values.length; k++) {
                values[k] = values[k] == null ? null : Arrays.copyOf(values[k], size);
            }
            if (power) {
                psus = Arrays.copyOf(psus, size);
                complete = Arrays.copyOf(complete, size);
            }
        }
        return this;
    }

    /** The task's summary (see {@link TaskFindings#toBytes}), on its last block only; else null. */
    byte[] summaryBytes() {
        return summary;
    }

    /**
     * The bytes held, for Spark's memory store: its own estimate walks the object graph and
     * samples the arrays, per block (1 % of the tasks' time in a profile). The host and app
     * texts are shared by many rows and not counted.
     */
    @Override
    public long estimatedSize() {
        long n = tsMicros.length;
        long perRow = 8 + 8L * columnsHeld() + (power ? 8 + 1 : 0);
        return 256 + 12L * runStart.length + n * perRow + (summary == null ? 0 : summary.length);
    }

    /**
     * The blocks' rows in the schema of {@link #schema}, skipping the series groups named (see
     * {@link SeriesKernel#group}). One {@link RowView} is reused: Spark's scan copies each row
     * into its own format before asking for the next, and reads only the columns the query uses.
     */
    static Iterator<InternalRow> rows(Iterator<AlignedBlock> blocks, boolean power, Set<String> skip) {
        RowView row = new RowView(power);
        return new Iterator<>() {
            private AlignedBlock block;
            private int i;
            private int run;
            private UTF8String skipHost;
            private UTF8String skipApp;
            private boolean skipping;

            @Override
            public boolean hasNext() {
                while (true) {
                    while (block == null || i == block.size) {
                        if (!blocks.hasNext()) {
                            return false;
                        }
                        block = blocks.next();
                        i = 0;
                        run = 0;
                    }
                    if (skip.isEmpty() || !skipped(block, i)) {
                        return true;
                    }
                    i++;
                }
            }

            /** Rows come group by group: the verdict is looked up when the group changes. */
            private boolean skipped(AlignedBlock b, int k) {
                run = b.run(k, run);
                UTF8String h = b.host(run);
                UTF8String a = b.app(run);
                if (h != skipHost || a != skipApp) {
                    skipHost = h;
                    skipApp = a;
                    skipping = skip.contains(SeriesKernel.group(power, h.toString(), a == null ? null : a.toString()));
                }
                return skipping;
            }

            @Override
            public InternalRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                row.at(block, i++);
                return row;
            }
        };
    }

    /**
     * Row k of a block in the schema of {@link #schema}, read in place:
     * filling a mutable row copied every column of every row, 10 % of the hourly aggregation's
     * time, although a query reads only some of them. NaN values are nulls. Read-only.
     */
    static final class RowView extends InternalRow {
        private static final long serialVersionUID = 1L;
        private final boolean power;
        private transient AlignedBlock b;
        private int k;
        /** The run of the last host or app asked for: the next row's is found from it. */
        private int run;

        RowView(boolean power) {
            this.power = power;
        }

        RowView at(AlignedBlock block, int row) {
            if (block != b) {
                run = 0;
            }
            this.b = block;
            this.k = row;
            return this;
        }

        @Override
        public int numFields() {
            return power ? POWER_SCHEMA.size() : UTILIZATION_SCHEMA.size();
        }

        /** Utilization columns 3 .. 3 + {@link #UTILIZATION_VALUES}: the values (NaN = none). */
        private boolean isValue(int c) {
            return !power && c >= 3 && c < 3 + UTILIZATION_VALUES;
        }

        @Override
        public boolean isNullAt(int c) {
            return isValue(c) && Double.isNaN(b.value(c - 3, k));
        }

        @Override
        public UTF8String getUTF8String(int c) {
            if (c == 0 || (c == 1 && !power)) {
                run = b.run(k, run);
                return c == 0 ? b.host(run) : b.app(run);
            }
            throw notOfType(c, "string");
        }

        @Override
        public long getLong(int c) {
            if (power ? c == 1 : c == 2) {
                return b.tsMicros[k];
            }
            if (power && c == 3) {
                return b.psus[k];
            }
            throw notOfType(c, "long or timestamp");
        }

        @Override
        public double getDouble(int c) {
            if (isValue(c)) {
                return b.value(c - 3, k);
            }
            if (power ? c == 4 : c == 9) {
                return b.coverage(k);
            }
            if (power && c == 2) {
                return b.values[0][k];
            }
            throw notOfType(c, "double");
        }

        @Override
        public boolean getBoolean(int c) {
            if (power && c == 5) {
                return b.complete[k];
            }
            throw notOfType(c, "boolean");
        }

        @Override
        public Object get(int c, DataType type) {
            if (isNullAt(c)) {
                return null;
            }
            if (type instanceof org.apache.spark.sql.types.StringType) {
                return getUTF8String(c);
            }
            if (type instanceof org.apache.spark.sql.types.DoubleType) {
                return getDouble(c);
            }
            if (type instanceof org.apache.spark.sql.types.BooleanType) {
                return getBoolean(c);
            }
            return getLong(c);
        }

        @Override
        public InternalRow copy() {
            StructType schema = schema(power);
            Object[] v = new Object[schema.size()];
            for (int c = 0; c < v.length; c++) {
                v[c] = get(c, schema.fields()[c].dataType());
            }
            return new GenericInternalRow(v);
        }

        private IllegalArgumentException notOfType(int c, String type) {
            return new IllegalArgumentException("aligned " + (power ? "power" : "utilization") + " column " + c
                    + " is not of type " + type + " (schema: " + schema(power).simpleString() + ")");
        }

        private UnsupportedOperationException readOnly() {
            return new UnsupportedOperationException("an aligned row is read-only; copy() it to change it");
        }

        @Override
        public void setNullAt(int c) {
            throw readOnly();
        }

        @Override
        public void update(int c, Object value) {
            throw readOnly();
        }

        @Override
        public byte getByte(int c) {
            throw notOfType(c, "byte");
        }

        @Override
        public short getShort(int c) {
            throw notOfType(c, "short");
        }

        @Override
        public int getInt(int c) {
            throw notOfType(c, "int");
        }

        @Override
        public float getFloat(int c) {
            throw notOfType(c, "float");
        }

        @Override
        public org.apache.spark.sql.types.Decimal getDecimal(int c, int precision, int scale) {
            throw notOfType(c, "decimal");
        }

        @Override
        public byte[] getBinary(int c) {
            throw notOfType(c, "binary");
        }

        @Override
        public BinaryView getBinaryView(int c) {
            throw notOfType(c, "binary");
        }

        @Override
        public CalendarInterval getInterval(int c) {
            throw notOfType(c, "interval");
        }

        @Override
        public VariantVal getVariant(int c) {
            throw notOfType(c, "variant");
        }

        @Override
        public InternalRow getStruct(int c, int numFields) {
            throw notOfType(c, "struct");
        }

        @Override
        public ArrayData getArray(int c) {
            throw notOfType(c, "array");
        }

        @Override
        public MapData getMap(int c) {
            throw notOfType(c, "map");
        }
    }
}
