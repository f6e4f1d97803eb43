package io.greenpack.ingest;

import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.SpecificInternalRow;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

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
final class AlignedBlock implements Serializable {
    private static final long serialVersionUID = 1L;
    static final int ROWS = 1 << 16;

    /** Aligned power before PSU completeness is filtered. */
    static final StructType POWER_SCHEMA = new StructType()
            .add("host", "string").add("ts", "timestamp").add("watts", "double")
            .add("psus", "long").add("coverage", "double").add("complete", "boolean");
    /** Values in the order of {@link #values}: cores, memory, then {@link SampleRules#OPTIONAL}. */
    static final StructType UTILIZATION_SCHEMA = new StructType()
            .add("host", "string").add("app", "string").add("ts", "timestamp")
            .add("cpu_cores", "double").add("mem_gb", "double")
            .add("disk_iops", "double").add("disk_mbps", "double")
            .add("net_mbps", "double").add("gpu_pct", "double")
            .add("coverage", "double");
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
     * The blocks' rows in the schema of {@link #schema}, skipping the series groups named (see
     * {@link SeriesKernel#group}). One mutable row is reused: Spark's scan copies each row into
     * its own format before asking for the next.
     */
    static Iterator<InternalRow> rows(Iterator<AlignedBlock> blocks, boolean power, Set<String> skip) {
        SpecificInternalRow row = new SpecificInternalRow(schema(power));
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
                block.fill(i++, row);
                return row;
            }
        };
    }

    private void fill(int k, SpecificInternalRow row) {
        row.update(0, host[k]);
        if (power) {
            row.setLong(1, tsMicros[k]);
            row.setDouble(2, values[0][k]);
            row.setLong(3, psus[k]);
            row.setDouble(4, coverage[k]);
            row.setBoolean(5, complete[k]);
            return;
        }
        row.update(1, app[k]);
        row.setLong(2, tsMicros[k]);
        for (int v = 0; v < UTILIZATION_VALUES; v++) {
            double x = values[v][k];
            if (Double.isNaN(x)) {
                row.setNullAt(3 + v);
            } else {
                row.setDouble(3 + v, x);
            }
        }
        row.setDouble(9, coverage[k]);
    }
}
