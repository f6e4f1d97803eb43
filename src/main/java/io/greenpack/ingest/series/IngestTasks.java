package io.greenpack.ingest.series;

import io.greenpack.ingest.files.InputFile;
import io.greenpack.ingest.files.InputFormat;
import io.greenpack.ingest.files.InputKind;
import io.greenpack.ingest.files.RejectRow;
import io.greenpack.ingest.read.Cells;
import io.greenpack.ingest.read.TextRows;
import io.greenpack.ingest.read.TypedCells;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.vectorized.ColumnarBatch;
import org.apache.spark.unsafe.types.UTF8String;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * What runs inside the Spark tasks of the ingest: read a file (or a Parquet partition) from
 * start to end, validate each row with {@link SampleRules}, and align the good samples with the
 * {@link SeriesKernel}; the task's last row carries its {@link TaskFindings}. Also the second path for
 * series groups that span tasks: their samples as rows (to be shuffled by group), then the same
 * kernel over them.
 */
final class IngestTasks {
    private IngestTasks() {
    }

    static StructType sampleSchema(int values) {
        StructType s = new StructType().add("_group", DataTypes.StringType).add("host", DataTypes.StringType)
                .add("key1", DataTypes.StringType).add("key2", DataTypes.StringType)
                .add("file", DataTypes.IntegerType).add("line", DataTypes.LongType).add("ts", DataTypes.LongType);
        for (int i = 0; i < values; i++) {
            s = s.add("v" + i, DataTypes.DoubleType);
        }
        return s;
    }

    /** A text file read by one task. */
    record TextUnit(int fileIndex, String path, InputKind kind, InputFormat format, List<String> columns, char separator,
                    String headerLine, SampleRules rules) implements Serializable {
        InputFile file() {
            return new InputFile(java.nio.file.Path.of(path), kind, format);
        }
    }

    /**
     * A Parquet input's rows, as column batches of Spark's vectorized reader when {@code kinds} is
     * set (see {@link TypedCells.Columns}), else as rows projected by Spark (see {@link TypedCells.Rows}).
     */
    record ParquetUnit(int fileIndex, int[] types, SampleRules rules, int[] kinds, int[] vectorOf, int rowIndexVector)
            implements Serializable {
        boolean columnar() {
            return kinds != null;
        }
    }

    /** How the kernel aligns: kind, interval, gap limit. */
    record Alignment(boolean power, int values, long intervalSeconds, long maxGapSeconds) implements Serializable {
    }

    /** Receives each row's verdict while a file is read. */
    private interface Feed {
        void sample(SampleRules.Sample s, int file, long line);
    }

    // ---- reading -------------------------------------------------------------------------

    private static void readText(TextUnit u, TaskFindings summary, Feed feed) {
        SampleRules rules = u.rules();
        SampleRules.Sample sample = new SampleRules.Sample(rules.values());
        TaskFindings.FileCounts counts = summary.file(u.fileIndex());
        try {
            TextRows.read(u.file(), u.columns(), u.separator(), u.headerLine(), (cells, line) ->
                    count(rules, cells, sample, counts, summary, u.fileIndex(), line, feed));
        } catch (IOException e) {
            throw new UncheckedIOException(u.path() + ": " + e.getMessage(), e);
        }
    }

    /** A Parquet partition: {@link ColumnarBatch}es or {@link InternalRow}s (see {@link ParquetUnit}). */
    private static void readParquet(ParquetUnit u, Iterator<?> input, TaskFindings summary, Feed feed) {
        SampleRules rules = u.rules();
        SampleRules.Sample sample = new SampleRules.Sample(rules.values());
        TaskFindings.FileCounts counts = summary.file(u.fileIndex());
        if (u.columnar()) {
            TypedCells.Columns cells = new TypedCells.Columns(u.types(), u.kinds(), u.vectorOf(), u.rowIndexVector());
            while (input.hasNext()) {
                ColumnarBatch b = (ColumnarBatch) input.next();
                cells.batch(b);
                for (int r = 0, n = b.numRows(); r < n; r++) {
                    cells.row(r);
                    count(rules, cells, sample, counts, summary, u.fileIndex(), cells.rowIndex() + 1, feed);
                }
            }
            return;
        }
        TypedCells.Rows cells = new TypedCells.Rows(u.types(), 1); // row index, then the columns
        while (input.hasNext()) {
            InternalRow r = (InternalRow) input.next();
            cells.read(r);
            count(rules, cells, sample, counts, summary, u.fileIndex(), r.getLong(0) + 1, feed);
        }
    }

    private static void count(SampleRules rules, Cells cells, SampleRules.Sample sample, TaskFindings.FileCounts counts,
                              TaskFindings summary, int fileIndex, long line, Feed feed) {
        counts.rows++;
        if (rules.check(cells, sample)) {
            counts.good++;
            counts.first = Math.min(counts.first, sample.micros);
            counts.last = Math.max(counts.last, sample.micros);
            feed.sample(sample, fileIndex, line);
        } else {
            counts.reasons.merge(rules.reason, 1L, Long::sum);
            summary.rejects.add(new TaskFindings.Reject(fileIndex, line, rules.reason, RejectRow.cut(rules.detail), RejectRow.cut(cells.raw()), null));
        }
    }

    // ---- pass 1: a whole unit in one task ------------------------------------------------

    static Iterator<AlignedBlock> alignText(TextUnit u, Alignment a) {
        TaskFindings summary = new TaskFindings();
        SeriesKernel kernel = kernel(a, summary);
        readText(u, summary, kernelFeed(kernel));
        kernel.countKeys(summary.file(u.fileIndex()));
        return output(a, kernel, summary);
    }

    static Iterator<AlignedBlock> alignParquet(ParquetUnit u, Alignment a, Iterator<?> rows) {
        TaskFindings summary = new TaskFindings();
        SeriesKernel kernel = kernel(a, summary);
        readParquet(u, rows, summary, kernelFeed(kernel));
        kernel.countKeys(summary.file(u.fileIndex()));
        return output(a, kernel, summary);
    }

    private static SeriesKernel kernel(Alignment a, TaskFindings summary) {
        return new SeriesKernel(a.power(), a.values(), a.intervalSeconds(), a.maxGapSeconds(), summary);
    }

    private static Feed kernelFeed(SeriesKernel kernel) {
        return (s, file, line) -> kernel.add(s.host, s.key1, s.key2, file, line, Math.floorDiv(s.micros, 1_000_000L), s.values);
    }

    // ---- pass 2: groups that span tasks --------------------------------------------------

    static Iterator<InternalRow> samplesText(TextUnit u, Alignment a, Set<String> groups) {
        List<InternalRow> out = new ArrayList<>();
        readText(u, new TaskFindings(), sampleFeed(a, groups, out));
        return out.iterator();
    }

    static Iterator<InternalRow> samplesParquet(ParquetUnit u, Alignment a, Set<String> groups, Iterator<?> rows) {
        List<InternalRow> out = new ArrayList<>();
        readParquet(u, rows, new TaskFindings(), sampleFeed(a, groups, out));
        return out.iterator();
    }

    private static Feed sampleFeed(Alignment a, Set<String> groups, List<InternalRow> out) {
        return (s, file, line) -> {
            String group = SeriesKernel.group(a.power(), s.host, s.key1);
            if (!groups.contains(group)) {
                return;
            }
            Object[] v = new Object[7 + a.values()];
            v[0] = UTF8String.fromString(group);
            v[1] = UTF8String.fromString(s.host);
            v[2] = UTF8String.fromString(s.key1);
            v[3] = UTF8String.fromString(s.key2);
            v[4] = file;
            v[5] = line;
            v[6] = Math.floorDiv(s.micros, 1_000_000L);
            for (int k = 0; k < a.values(); k++) {
                v[7 + k] = s.values[k];
            }
            out.add(new GenericInternalRow(v));
        };
    }

    /** The kernel over sample rows (see {@link #sampleSchema}); the summary holds sequencing findings only. */
    static Iterator<AlignedBlock> alignSamples(Alignment a, Iterator<InternalRow> rows) {
        TaskFindings summary = new TaskFindings();
        SeriesKernel kernel = kernel(a, summary);
        double[] v = new double[a.values()];
        while (rows.hasNext()) {
            InternalRow r = rows.next();
            for (int k = 0; k < v.length; k++) {
                v[k] = r.getDouble(7 + k);
            }
            kernel.add(r.getUTF8String(1).toString(), r.getUTF8String(2).toString(), r.getUTF8String(3).toString(),
                    r.getInt(4), r.getLong(5), r.getLong(6), v);
        }
        return output(a, kernel, summary);
    }

    // ---- output --------------------------------------------------------------------------

    /** Aligned rows in blocks, group by group; the last block carries the summary. */
    private static Iterator<AlignedBlock> output(Alignment a, SeriesKernel kernel, TaskFindings summary) {
        Blocks out = new Blocks(a.power());
        return new Iterator<>() {
            private boolean done;

            @Override
            public boolean hasNext() {
                while (out.ready.isEmpty() && !done) {
                    if (!kernel.nextGroup(out)) {
                        out.finish(summary);
                        done = true;
                    }
                }
                return !out.ready.isEmpty();
            }

            @Override
            public AlignedBlock next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return out.ready.poll();
            }
        };
    }

    /** The kernel's rows into blocks; a full block waits in {@link #ready}. */
    private static final class Blocks implements SeriesKernel.Output {
        final ArrayDeque<AlignedBlock> ready = new ArrayDeque<>();
        private final boolean power;
        private AlignedBlock block;
        private UTF8String host;
        private String hostText;
        private UTF8String app;
        private String appText;

        Blocks(boolean power) {
            this.power = power;
            this.block = new AlignedBlock(power);
        }

        private UTF8String host(String h) {
            if (!h.equals(hostText)) {
                hostText = h;
                host = UTF8String.fromString(h);
            }
            return host;
        }

        private AlignedBlock block() {
            if (block.full()) {
                ready.add(block.finish(null));
                block = new AlignedBlock(power);
            }
            return block;
        }

        @Override
        public void power(String h, long ts, double watts, long psus, double coverage, boolean complete) {
            block().addPower(host(h), ts * 1_000_000L, watts, psus, coverage, complete);
        }

        @Override
        public void utilization(String h, String appName, long ts, double[] values, double coverage) {
            if (!appName.equals(appText)) {
                appText = appName;
                app = UTF8String.fromString(appName);
            }
            block().addUtilization(host(h), app, ts * 1_000_000L, values, coverage);
        }

        void finish(TaskFindings summary) {
            ready.add(block.finish(summary));
        }
    }
}
