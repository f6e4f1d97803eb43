package io.greenpack.ingest.series;

import io.greenpack.csv.ByteLineReader;
import io.greenpack.ingest.files.FileStats;
import io.greenpack.ingest.files.Gap;
import io.greenpack.ingest.files.InputFile;
import io.greenpack.ingest.files.InputFormat;
import io.greenpack.ingest.files.InputKind;
import io.greenpack.ingest.files.RejectRow;
import io.greenpack.ingest.read.Damage;
import io.greenpack.ingest.read.ParquetInput;
import io.greenpack.ingest.read.RawReader;
import io.greenpack.ingest.read.TextHeader;
import io.greenpack.util.UserError;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.apache.spark.sql.functions.col;

/**
 * One kind of samples (power or utilization) read from its files, validated and aligned in Spark
 * tasks, with each file's statistics, its rejects, gaps and counter findings. The ingest stage
 * runs it once per kind; the tasks themselves are {@link IngestTasks}.
 */
public final class SeriesIngest {
    /** The most gaps listed by name; more are only counted. */
    public static final int GAPS_LISTED = 1000;

    private SeriesIngest() {
    }

    /**
     * What the samples are checked against and aligned onto.
     *
     * @param hostFacts       host → {cores, sockets, memGb} from the inventory (samples of other hosts are rejected)
     * @param now             samples after this instant are rejected as "in the future"
     * @param intervalSeconds the common interval samples are averaged onto
     * @param maxGapSeconds   a longer silence between two samples of a series is a gap
     */
    public record Settings(Map<String, double[]> hostFacts, Instant now, long intervalSeconds, long maxGapSeconds) {
    }

    /**
     * One kind's aligned samples and findings.
     *
     * @param aligned the aligned rows ({@link AlignedBlock#schema})
     * @param gaps    the first {@link #GAPS_LISTED} gaps; {@code gapCount} counts all
     */
    public record Result(Dataset<Row> aligned, List<RejectRow> rejects, List<FileStats> stats, List<Gap> gaps,
                         long gapCount, Map<String, Long> notes, long incomplete, Instant first, Instant last) {
    }

    /** No files of this kind: an empty table with the kind's columns, and no findings. */
    public static Result none(SparkSession spark, InputKind kind) {
        StructType schema = AlignedBlock.schema(kind == InputKind.POWER);
        return new Result(spark.createDataFrame(List.of(), schema), List.of(), List.of(), List.of(), 0, Map.of(), 0,
                null, null);
    }

    /** One input file as the tasks see it: a text file read whole by one task, or a Parquet input. */
    private record Source(InputFile file, IngestTasks.TextUnit text, IngestTasks.ParquetUnit parquet, JavaRDD<?> rows) {
    }

    /**
     * Power or utilization: each text file is read, validated, ordered per
     * series and aligned by one task in plain Java (the {@link SeriesKernel}); a Parquet input by
     * the tasks of Spark's reader, one per partition. Each task also returns a {@link TaskFindings}
     * (counts, rejects, gaps, counter events). Series groups (host, or host and app) found in
     * more than one task are redone together: their samples are shuffled by group and go through
     * the same kernel. Without such groups there is no shuffle at all.
     */
    public static Result read(SparkSession spark, List<InputFile> input, Settings settings) {
        InputKind kind = input.get(0).kind();
        boolean isPower = kind == InputKind.POWER;
        // Files by name: samples with the same timestamp are ordered by file name, then line.
        List<InputFile> files = input.stream().sorted(Comparator.comparing(InputFile::name)).toList();
        String zone = spark.conf().get("spark.sql.session.timeZone");
        IngestTasks.Alignment alignment = new IngestTasks.Alignment(isPower, isPower ? 2 : 2 + SampleRules.OPTIONAL.size(),
                settings.intervalSeconds(), settings.maxGapSeconds());
        List<Source> sources = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            sources.add(source(spark, files.get(i), i, settings, zone));
        }
        // The tasks' aligned blocks stay in memory (disk when short) for every later pass; the
        // summaries are collected first, which computes them.
        JavaRDD<AlignedBlock> first = tasks(spark, sources, alignment).persist(StorageLevel.MEMORY_AND_DISK());
        List<TaskFindings> summaries = summaries(first);
        Map<String, Integer> tasksPerGroup = new HashMap<>();
        summaries.forEach(s -> s.groups.forEach(g -> tasksPerGroup.merge(g, 1, Integer::sum)));
        Set<String> spanning = new HashSet<>();
        tasksPerGroup.forEach((g, n) -> {
            if (n > 1) {
                spanning.add(g);
            }
        });
        List<TaskFindings> sequencing = new ArrayList<>();
        for (TaskFindings s : summaries) {
            sequencing.add(without(s, spanning));
        }
        JavaRDD<InternalRow> rows = first.mapPartitions(blocks -> AlignedBlock.rows(blocks, isPower, spanning));
        if (!spanning.isEmpty()) {
            // Groups seen by several tasks (daily files, a Parquet file split in two): their
            // samples, shuffled by group, through the same kernel; their pass-1 rows are skipped.
            Set<Integer> involved = new HashSet<>();
            summaries.stream().filter(s -> s.groups.stream().anyMatch(spanning::contains)).forEach(s -> involved.addAll(s.files.keySet()));
            List<Source> again = sources.stream().filter(src -> involved.contains(indexOf(src))).toList();
            Dataset<Row> samples = frame(spark, samples(spark, again, alignment, spanning), IngestTasks.sampleSchema(alignment.values()))
                    .repartition(col("_group"));
            JavaRDD<AlignedBlock> second = samples.queryExecution().toRdd().toJavaRDD()
                    .mapPartitions(r -> IngestTasks.alignSamples(alignment, r)).persist(StorageLevel.MEMORY_AND_DISK());
            sequencing.addAll(summaries(second));
            rows = rows.union(second.mapPartitions(blocks -> AlignedBlock.rows(blocks, isPower, Set.of())));
        }
        Dataset<Row> aligned = frame(spark, rows, AlignedBlock.schema(isPower));
        return summarize(files, kind, isPower, aligned, summaries, sequencing);
    }

    private static int indexOf(Source s) {
        return s.text() != null ? s.text().fileIndex() : s.parquet().fileIndex();
    }

    private static Source source(SparkSession spark, InputFile f, int index, Settings settings, String zone) {
        RawReader.checkReadable(f);
        if (f.format() != InputFormat.PARQUET) {
            TextHeader header = TextHeader.read(f);
            RawReader.requireColumns(f, header.columns());
            SampleRules rules = new SampleRules(f, header.columns(), settings.hostFacts(), settings.now(), zone);
            return new Source(f, new IngestTasks.TextUnit(index, f.path().toString(), f.kind(), f.format(),
                    new ArrayList<>(header.columns()), header.separator(),
                    f.format() == InputFormat.JSONL ? null : header.rawLine(), rules), null, null);
        }
        ParquetInput in = ParquetInput.read(spark, f);
        SampleRules rules = new SampleRules(f, in.names, settings.hostFacts(), settings.now(), zone);
        ParquetInput.Batches batches = in.batches();
        if (batches != null) {
            return new Source(f, null, new IngestTasks.ParquetUnit(index, in.types, rules, in.kinds, batches.vectorOf(),
                    batches.rowIndexVector()), batches.rdd());
        }
        return new Source(f, null, new IngestTasks.ParquetUnit(index, in.types, rules, null, null, -1),
                in.projected(List.of(col("_metadata.row_index"))).queryExecution().toRdd().toJavaRDD());
    }

    /** Pass 1: each source's aligned blocks, the last of each task with its summary. */
    private static JavaRDD<AlignedBlock> tasks(SparkSession spark, List<Source> sources, IngestTasks.Alignment a) {
        return perSource(spark, sources, u -> IngestTasks.alignText(u, a), (u, rows) -> IngestTasks.alignParquet(u, a, rows));
    }

    /** Pass 2: the sample rows of the groups named. */
    private static JavaRDD<InternalRow> samples(SparkSession spark, List<Source> sources, IngestTasks.Alignment a,
                                                Set<String> groups) {
        return perSource(spark, sources, u -> IngestTasks.samplesText(u, a, groups),
                (u, rows) -> IngestTasks.samplesParquet(u, a, groups, rows));
    }

    /** One task per text file, the tasks of Spark's reader for a Parquet input, as one RDD. */
    private static <T> JavaRDD<T> perSource(SparkSession spark, List<Source> sources,
                                            org.apache.spark.api.java.function.Function<IngestTasks.TextUnit, Iterator<T>> text,
                                            org.apache.spark.api.java.function.Function2<IngestTasks.ParquetUnit, Iterator<?>, Iterator<T>> parquet) {
        List<IngestTasks.TextUnit> units = sources.stream().map(Source::text).filter(java.util.Objects::nonNull).toList();
        List<JavaRDD<T>> parts = new ArrayList<>();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        if (!units.isEmpty()) {
            parts.add(jsc.parallelize(new ArrayList<>(units), units.size()).mapPartitions(us -> {
                List<Iterator<T>> out = new ArrayList<>();
                while (us.hasNext()) {
                    out.add(text.call(us.next()));
                }
                return concat(out);
            }));
        }
        for (Source s : sources) {
            if (s.parquet() != null) {
                IngestTasks.ParquetUnit u = s.parquet();
                parts.add(s.rows().mapPartitions(rows -> parquet.call(u, rows)));
            }
        }
        JavaRDD<T> all = parts.get(0);
        for (int i = 1; i < parts.size(); i++) {
            all = all.union(parts.get(i));
        }
        return all;
    }

    private static <T> Iterator<T> concat(List<Iterator<T>> its) {
        return its.stream().flatMap(it -> java.util.stream.StreamSupport.stream(
                java.util.Spliterators.spliteratorUnknownSize(it, 0), false)).iterator();
    }

    private static Dataset<Row> frame(SparkSession spark, JavaRDD<InternalRow> rows, StructType schema) {
        return ((org.apache.spark.sql.classic.SparkSession) spark).internalCreateDataFrame(rows.rdd(), schema, false);
    }

    private static List<TaskFindings> summaries(JavaRDD<AlignedBlock> blocks) {
        List<TaskFindings> out = new ArrayList<>();
        for (byte[] b : blocks.map(AlignedBlock::summaryBytes).filter(java.util.Objects::nonNull).collect()) {
            out.add(TaskFindings.fromBytes(b));
        }
        return out;
    }

    /** A summary's sequencing findings without the groups that are redone together. */
    private static TaskFindings without(TaskFindings s, Set<String> groups) {
        if (groups.isEmpty()) {
            return s;
        }
        TaskFindings out = new TaskFindings();
        s.sequencing.forEach((g, v) -> {
            if (!groups.contains(g)) {
                out.sequencing.put(g, v);
            }
        });
        s.incomplete.forEach((g, v) -> {
            if (!groups.contains(g)) {
                out.incomplete.put(g, v);
            }
        });
        s.gaps.stream().filter(g -> !groups.contains(g.group())).forEach(out.gaps::add);
        s.rejects.stream().filter(r -> r.group() == null || !groups.contains(r.group())).forEach(out.rejects::add);
        return out;
    }

    /**
     * File statistics, notes, gaps and rejects from the task summaries: validation counts from
     * {@code validation} (pass 1), sequencing findings from {@code sequencing}. Validation
     * rejects are in the pass-1 summaries only, so they are taken from there.
     */
    private static Result summarize(List<InputFile> files, InputKind kind, boolean isPower, Dataset<Row> aligned,
                                    List<TaskFindings> validation, List<TaskFindings> sequencing) {
        Map<Integer, TaskFindings.FileCounts> counts = new HashMap<>();
        List<TaskFindings.Reject> rejects = new ArrayList<>();
        for (TaskFindings s : validation) {
            s.files.forEach((i, c) -> counts.computeIfAbsent(i, k -> new TaskFindings.FileCounts()).merge(c));
            s.rejects.stream().filter(r -> r.group() == null).forEach(rejects::add);
        }
        Map<Integer, long[]> seq = new HashMap<>();
        long incomplete = 0;
        List<TaskFindings.GapAt> gapsAt = new ArrayList<>();
        for (TaskFindings s : sequencing) {
            s.sequencing.values().forEach(perFile -> perFile.forEach((i, c) -> {
                long[] sum = seq.computeIfAbsent(i, k -> new long[TaskFindings.COUNTERS]);
                for (int k = 0; k < c.length; k++) {
                    sum[k] += c[k];
                }
            }));
            incomplete += s.incomplete.values().stream().mapToLong(Long::longValue).sum();
            gapsAt.addAll(s.gaps);
            s.rejects.stream().filter(r -> r.group() != null).forEach(rejects::add);
        }
        gapsAt.sort(Comparator.comparingLong(TaskFindings.GapAt::from).thenComparing(TaskFindings.GapAt::host)
                .thenComparing(TaskFindings.GapAt::series).thenComparing(g -> files.get(g.file()).name()));
        List<Gap> gaps = new ArrayList<>();
        for (TaskFindings.GapAt g : gapsAt.subList(0, Math.min(GAPS_LISTED, gapsAt.size()))) {
            gaps.add(new Gap(kind, files.get(g.file()).name(), g.host(), g.series(),
                    Instant.ofEpochSecond(g.from()), Instant.ofEpochSecond(g.to())));
        }

        List<FileStats> stats = new ArrayList<>();
        Map<String, Long> notes = new LinkedHashMap<>();
        long gapCount = 0;
        Instant first = null;
        Instant last = null;
        for (int i = 0; i < files.size(); i++) {
            InputFile f = files.get(i);
            TaskFindings.FileCounts c = counts.getOrDefault(i, new TaskFindings.FileCounts());
            Map<String, Long> why = new HashMap<>(c.reasons);
            long rows = c.rows;
            if (rows == 0) {
                throw new UserError(f.path() + ": the file has a header but no data rows (expected "
                        + kind.prefix() + " samples)");
            }
            long[] s = seq.getOrDefault(i, new long[TaskFindings.COUNTERS]);
            Map<String, Long> fileNotes = new LinkedHashMap<>();
            putIfPositive(why, "duplicate row", s[TaskFindings.DUP]);
            putIfPositive(why, "conflicting duplicate", s[TaskFindings.CONFLICT]);
            if (isPower) {
                putIfPositive(fileNotes, "counter resets", s[TaskFindings.RESETS]);
                putIfPositive(fileNotes, "counter wraps", s[TaskFindings.WRAPS]);
                putIfPositive(fileNotes, "counter baselines (first reading of a series or after a gap)", s[TaskFindings.BASELINES]);
                putIfPositive(why, "counter jump implausible", s[TaskFindings.JUMPS]);
            }
            long rejected = why.values().stream().mapToLong(Long::longValue).sum();
            long kept = rows - rejected;
            if (kept <= 0) {
                String top = why.entrySet().stream().max(Map.Entry.comparingByValue())
                        .map(e -> e.getKey() + " (" + e.getValue() + " rows)").orElse("?");
                throw new UserError(f.path() + ": no usable rows: all " + rows + " rows were rejected; most common reason: "
                        + top + ". A whole column of the wrong type or unit? Run 'greenpack validate --data "
                        + f.path().getParent() + "' for details.");
            }
            Instant fFirst = c.good == 0 ? null : micros(c.first);
            Instant fLast = c.good == 0 ? null : micros(c.last);
            first = earliest(first, fFirst);
            last = latest(last, fLast);
            gapCount += s[TaskFindings.GAPS];
            fileNotes.forEach((k, v) -> notes.merge(k, v, Long::sum));
            stats.add(new FileStats(f.name(), kind, rows, kept, why, c.hosts.size(), c.apps.size(), fFirst, fLast,
                    s[TaskFindings.GAPS], s[TaskFindings.GAP_S], fileNotes));
        }
        // Stats in the order the files were given (the data directory's order).
        return new Result(aligned, rejectRows(files, rejects), stats, gaps, gapCount, notes, incomplete, first, last);
    }

    private static Instant micros(long m) {
        return Instant.ofEpochSecond(Math.floorDiv(m, 1_000_000L), Math.floorMod(m, 1_000_000L) * 1000L);
    }

    /** Reject rows with their line's text; rows found bad by sequencing get it by one read of their file. */
    private static List<RejectRow> rejectRows(List<InputFile> files, List<TaskFindings.Reject> rejects) {
        Map<Integer, java.util.TreeMap<Long, String>> wanted = new HashMap<>();
        for (TaskFindings.Reject r : rejects) {
            if (r.raw() == null && files.get(r.file()).format() != InputFormat.PARQUET) {
                wanted.computeIfAbsent(r.file(), k -> new java.util.TreeMap<>()).put(r.line(), "");
            }
        }
        wanted.forEach((i, lines) -> {
            try (ByteLineReader in = TextHeader.lines(files.get(i))) {
                long lastWanted = lines.lastKey();
                for (String l = in.next(); l != null && in.lineNumber() <= lastWanted; l = in.next()) {
                    if (lines.containsKey(in.lineNumber())) {
                        lines.put(in.lineNumber(), RejectRow.cut(l));
                    }
                }
            } catch (java.io.IOException e) {
                throw Damage.readFailure(files.get(i), e);
            }
        });
        List<RejectRow> out = new ArrayList<>(rejects.size());
        for (TaskFindings.Reject r : rejects) {
            String raw = r.raw() != null ? r.raw() : wanted.getOrDefault(r.file(), new java.util.TreeMap<>()).getOrDefault(r.line(), "");
            out.add(new RejectRow(files.get(r.file()).name(), r.line(), r.reason(), r.detail(), raw));
        }
        return out;
    }

    private static void putIfPositive(Map<String, Long> m, String key, long v) {
        if (v > 0) {
            m.merge(key, v, Long::sum);
        }
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }
}
