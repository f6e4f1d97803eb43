package io.greenpack.ingest;

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
 * arrays (performance, issue 3). The ingest keeps its output as a persisted RDD of these blocks
 * and shows it to Spark SQL as rows through {@link #rows}: building Spark's columnar cache cost
 * more CPU than the kernel itself, and its millions of small objects made the collector copy
 * gigabytes. A task's last block carries the task's {@link Summary}.
 */
final class AlignedBlock implements Serializable, KnownSizeEstimation {
    private static final long serialVersionUID = 1L;
    static final int ROWS = 1 << 16;

    /** Aligned power before PSU completeness is filtered. */
    static final StructType POWER_SCHEMA = new StructType()
            .add("host", DataTypes.StringType).add("ts", DataTypes.TimestampType).add("watts", DataTypes.DoubleType)
            .add("psus", DataTypes.LongType).add("coverage", DataTypes.DoubleType).add("complete", DataTypes.BooleanType);
    /** Values in the order of {@link #values}: cores, memory, then {@link SampleRules#OPTIONAL}. */
    static final StructType UTILIZATION_SCHEMA = new StructType()
            .add("host", DataTypes.StringType).add("app", DataTypes.StringType).add("ts", DataTypes.TimestampType)
            .add("cpu_cores", DataTypes.DoubleType).add("mem_gb", DataTypes.DoubleType)
            .add("disk_iops", DataTypes.DoubleType).add("disk_mbps", DataTypes.DoubleType)
            .add("net_mbps", DataTypes.DoubleType).add("gpu_pct", DataTypes.DoubleType)
            .add("coverage", DataTypes.DoubleType);
    static final int UTILIZATION_VALUES = 2 + SampleRules.OPTIONAL.size();

    private final boolean power;
    private int size;
    private UTF8String[] host;
    private UTF8String[] app;
    private long[] tsMicros;
    /** Power: watts; utilization: the {@link #UTILIZATION_VALUES} values, NaN where there is none. */
    private double[][] values;
    private double[] coverage;
    private long[] psus;
    private boolean[] complete;
    private byte[] summary;

    AlignedBlock(boolean power) {
        this.power = power;
        host = new UTF8String[ROWS];
        tsMicros = new long[ROWS];
        coverage = new double[ROWS];
        if (power) {
            values = new double[1][ROWS];
            psus = new long[ROWS];
            complete = new boolean[ROWS];
        } else {
            app = new UTF8String[ROWS];
            values = new double[UTILIZATION_VALUES][ROWS];
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
        host[size] = h;
        tsMicros[size] = micros;
        values[0][size] = watts;
        psus[size] = psuCount;
        coverage[size] = cover;
        complete[size] = isComplete;
        size++;
    }

    void addUtilization(UTF8String h, UTF8String a, long micros, double[] v, double cover) {
        host[size] = h;
        app[size] = a;
        tsMicros[size] = micros;
        for (int k = 0; k < UTILIZATION_VALUES; k++) {
            values[k][size] = v[k];
        }
        coverage[size] = cover;
        size++;
    }

    /** The task's summary goes on its last block; the arrays are cut to the rows held. */
    AlignedBlock finish(Summary s) {
        summary = s == null ? null : s.toBytes();
        if (size < ROWS) {
            host = Arrays.copyOf(host, size);
            tsMicros = Arrays.copyOf(tsMicros, size);
            coverage = Arrays.copyOf(coverage, size);
            for (int k = 0; k < values.length; k++) {
                values[k] = Arrays.copyOf(values[k], size);
            }
            if (power) {
                psus = Arrays.copyOf(psus, size);
                complete = Arrays.copyOf(complete, size);
            } else {
                app = Arrays.copyOf(app, size);
            }
        }
        return this;
    }

    /** The task's summary (see {@link Summary#toBytes}), on its last block only; else null. */
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
        long n = host.length;
        long perRow = 4 + 8 + 8 + 8L * values.length + (power ? 8 + 1 : 4);
        return 256 + n * perRow + (summary == null ? 0 : summary.length);
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
                    }
                    if (skip.isEmpty() || !skipped(block, i)) {
                        return true;
                    }
                    i++;
                }
            }

            /** Rows come group by group: the verdict is looked up when the group changes. */
            private boolean skipped(AlignedBlock b, int k) {
                UTF8String h = b.host[k];
                UTF8String a = power ? null : b.app[k];
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
     * Row k of a block in the schema of {@link #schema}, read in place (performance, issue 3):
     * filling a mutable row copied every column of every row, 10 % of the hourly aggregation's
     * time, although a query reads only some of them. NaN values are nulls. Read-only.
     */
    static final class RowView extends InternalRow {
        private static final long serialVersionUID = 1L;
        private final boolean power;
        private transient AlignedBlock b;
        private int k;

        RowView(boolean power) {
            this.power = power;
        }

        RowView at(AlignedBlock block, int row) {
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
            return isValue(c) && Double.isNaN(b.values[c - 3][k]);
        }

        @Override
        public UTF8String getUTF8String(int c) {
            if (c == 0) {
                return b.host[k];
            }
            if (c == 1 && !power) {
                return b.app[k];
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
                return b.values[c - 3][k];
            }
            if (power ? c == 4 : c == 9) {
                return b.coverage[k];
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
