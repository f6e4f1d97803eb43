package io.greenpack.ingest;

import io.greenpack.util.Progress;
import io.greenpack.util.UserError;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

import scala.jdk.javaapi.CollectionConverters;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * The ingest stage: a data directory in, canonical aligned Datasets out (DESIGN §2). Bad rows
 * are quarantined with file, line and reason; a file that is unusable as a whole (unreadable,
 * missing a column, every row bad) stops the run with a {@link UserError}.
 */
public final class Ingest {
    public static final int GAPS_LISTED = 1000;
    private static final int CONTENT_CHARS = 200;

    private Ingest() {
    }

    public static IngestResult run(SparkSession spark, Path dataDir, IngestOptions o, Progress progress) {
        DataDirectory dir = DataDirectory.scan(dataDir);
        // Every file's header first, in plain Java: a file that cannot be used at all stops the
        // run at once, before seconds of Spark work on the files before it.
        for (InputKind k : List.of(InputKind.HOSTS, InputKind.POWER, InputKind.UTILIZATION)) {
            dir.files(k).forEach(RawReader::checkHeader);
        }
        try {
            return read(spark, dir, o, progress);
        } catch (Exception e) {
            // Spark's SparkException is checked in Java terms but thrown unchecked from Scala.
            if (!(e instanceof UserError) && Damage.isCorruptCompression(e)) {
                // Spark found a damaged compressed file somewhere mid-job; name it for the user.
                throw Damage.findDamagedGzip(dir.all()).orElseThrow(() -> Damage.unreadable(e));
            }
            throw Damage.<RuntimeException>rethrow(e);
        }
    }

    private static IngestResult read(SparkSession spark, DataDirectory dir, IngestOptions o, Progress progress) {
        HostInventory hosts = progress.step("ingest: hosts", () ->
                HostInventory.read(spark, dir.files(InputKind.HOSTS).get(0)));
        List<InputFile> appFiles = dir.files(InputKind.APPS);
        if (appFiles.size() > 1) {
            throw new UserError("data directory " + dir.dir() + " has several apps files "
                    + appFiles.stream().map(InputFile::name).toList() + "; expected at most one");
        }
        AppCatalog apps = appFiles.isEmpty() ? AppCatalog.empty()
                : progress.step("ingest: apps", () -> AppCatalog.read(spark, appFiles.get(0)));
        List<InputFile> targetFiles = dir.files(InputKind.TARGETS);
        if (targetFiles.size() > 1) {
            throw new UserError("data directory " + dir.dir() + " has several targets files "
                    + targetFiles.stream().map(InputFile::name).toList() + "; expected one");
        }
        TargetCatalog targets = targetFiles.isEmpty() ? TargetCatalog.empty()
                : progress.step("ingest: targets", () -> TargetCatalog.read(spark, targetFiles.get(0)));
        Map<String, InputFile> byName = new LinkedHashMap<>();
        dir.all().forEach(f -> byName.put(f.name(), f));

        // A data directory may hold only power (meters, no agents) or only utilization (VM traces);
        // the missing side is an empty table and the report says what could not be measured.
        Series power = dir.files(InputKind.POWER).isEmpty() ? Series.empty(spark, POWER_SCHEMA)
                : progress.step("ingest: power samples", () -> series(spark, dir.files(InputKind.POWER), hosts, o,
                PowerIngest::validate, PowerIngest::sequence, PowerIngest::align, true));
        Series util = dir.files(InputKind.UTILIZATION).isEmpty() ? Series.empty(spark, UTILIZATION_SCHEMA)
                : progress.step("ingest: utilization samples", () -> series(spark, dir.files(InputKind.UTILIZATION),
                hosts, o, UtilizationIngest::validate, UtilizationIngest::sequence, UtilizationIngest::align, false));

        Map<String, Long> notes = new LinkedHashMap<>(power.notes);
        notes.putAll(util.notes);
        Dataset<Row> complete = power.aligned.filter(col("complete")).drop("complete");
        long incomplete = 0;
        for (Row r : power.aligned.groupBy("complete").count().collectAsList()) {
            incomplete += r.getBoolean(0) ? 0 : r.getLong(1);
        }
        if (incomplete > 0) {
            notes.put("power intervals dropped: a PSU of the host missing", incomplete);
        }
        List<FileStats> files = new ArrayList<>();
        files.add(hosts.stats());
        if (apps.stats() != null) {
            files.add(apps.stats());
        }
        if (targets.stats() != null) {
            files.add(targets.stats());
        }
        files.addAll(power.stats);
        files.addAll(util.stats);
        List<Gap> gaps = new ArrayList<>(power.gaps);
        gaps.addAll(util.gaps);
        gaps.sort(Comparator.comparing(Gap::from).thenComparing(Gap::host).thenComparing(Gap::series));
        if (gaps.size() > GAPS_LISTED) {
            gaps = new ArrayList<>(gaps.subList(0, GAPS_LISTED));
        }
        Instant first = earliest(power.first, util.first);
        Instant last = latest(power.last, util.last);
        List<RejectRow> rejects = progress.step("ingest: rejected rows", () ->
                collectRejects(spark, byName, hosts.rejects(spark).unionByName(apps.rejects(spark))
                        .unionByName(targets.rejects(spark)).unionByName(power.rejects).unionByName(util.rejects)));
        return new IngestResult(hosts, apps, targets, complete, util.aligned, rejects, files, gaps,
                power.gapCount + util.gapCount, notes, first, last, o.intervalSeconds(),
                !dir.files(InputKind.POWER).isEmpty(), !dir.files(InputKind.UTILIZATION).isEmpty());
    }

    private interface Validator {
        Dataset<Row> validate(SparkSession spark, RawTable t, HostInventory hosts, IngestOptions o);
    }

    private record Series(Dataset<Row> aligned, Dataset<Row> rejects, List<FileStats> stats, List<Gap> gaps,
                          long gapCount, Map<String, Long> notes, Instant first, Instant last) {
        static Series empty(SparkSession spark, StructType schema) {
            return new Series(spark.createDataFrame(List.of(), schema), spark.createDataFrame(List.of(), RejectsSchema.SCHEMA),
                    List.of(), List.of(), 0, Map.of(), null, null);
        }
    }

    /** Aligned power before PSU completeness is filtered (see PowerIngest#align). */
    private static final StructType POWER_SCHEMA = new StructType()
            .add("host", DataTypes.StringType).add("ts", DataTypes.TimestampType).add("watts", DataTypes.DoubleType)
            .add("psus", DataTypes.LongType).add("coverage", DataTypes.DoubleType).add("complete", DataTypes.BooleanType);
    private static final StructType UTILIZATION_SCHEMA = new StructType()
            .add("host", DataTypes.StringType).add("app", DataTypes.StringType).add("ts", DataTypes.TimestampType)
            .add("cpu_cores", DataTypes.DoubleType).add("mem_gb", DataTypes.DoubleType)
            .add("disk_iops", DataTypes.DoubleType).add("disk_mbps", DataTypes.DoubleType)
            .add("net_mbps", DataTypes.DoubleType).add("gpu_pct", DataTypes.DoubleType)
            .add("coverage", DataTypes.DoubleType);

    private static Series series(SparkSession spark, List<InputFile> files, HostInventory hosts, IngestOptions o,
                                 Validator validator, BiFunction<Dataset<Row>, IngestOptions, Dataset<Row>> sequencer,
                                 BiFunction<Dataset<Row>, IngestOptions, Dataset<Row>> aligner, boolean isPower) {
        Dataset<Row> validated = null;
        for (InputFile f : files) {
            RawTable t = RawReader.read(spark, f);
            Dataset<Row> v = validator.validate(spark, t, hosts, o);
            validated = validated == null ? v : validated.unionByName(v);
        }
        InputKind kind = files.get(0).kind();
        Column good = col("reason").isNull();

        // One shuffle and one cached pass (performance, issue 3): every row, good or bad, is
        // partitioned by host (and app) once and ordered per series; the cached result serves the
        // counts, the gap list, the rejects and the alignment. Partitioning by a prefix of every
        // later grouping key (series, interval, host/app and interval) lets Spark reuse it instead
        // of shuffling again. The original text is kept only on rejected rows: carrying every
        // line through the shuffle and the cache cost more than the rest of the row; rejects found
        // later (duplicates) get their text back in collectRejects.
        Dataset<Row> partitioned = validated
                .withColumn("_raw", when(not(good), col("_raw")))
                .withColumn(TimeSeries.BAD, not(good))
                .repartition(isPower ? new Column[]{col("host")} : new Column[]{col("host"), col("app")});
        Dataset<Row> sequenced = sequencer.apply(partitioned, o);
        // The lagged values served the duplicate and counter checks; the cache needs none of them.
        for (String c : sequenced.columns()) {
            if (c.startsWith("_prev_") && !c.equals(TimeSeries.PREV_TS_S)) {
                sequenced = sequenced.drop(c);
            }
        }
        sequenced = sequenced.persist(StorageLevel.MEMORY_AND_DISK());

        // One job: per series first (a hash aggregation), then per file and reason. Counting
        // distinct hosts and apps with collect_set would sort every row.
        List<Column> perSeriesAggs = new ArrayList<>(List.of(
                count(lit(1)).as("rows"), min("ts").as("first"), max("ts").as("last"),
                sum(when(col(TimeSeries.DUP).equalTo("duplicate row"), 1).otherwise(0)).as("dup"),
                sum(when(col(TimeSeries.DUP).equalTo("conflicting duplicate"), 1).otherwise(0)).as("conflict"),
                sum(when(col(TimeSeries.GAP), 1).otherwise(0)).as("gaps"),
                sum(when(col(TimeSeries.GAP), col(TimeSeries.TS_S).minus(col(TimeSeries.PREV_TS_S))).otherwise(0)).as("gap_s")));
        if (isPower) {
            perSeriesAggs.add(sum(when(good.and(col("_counter_event").equalTo("counter reset")), 1).otherwise(0)).as("resets"));
            perSeriesAggs.add(sum(when(good.and(col("_counter_event").equalTo("counter wrap")), 1).otherwise(0)).as("wraps"));
            perSeriesAggs.add(sum(when(good.and(col("_counter_baseline")), 1).otherwise(0)).as("baselines"));
            perSeriesAggs.add(sum(when(good.and(col("_counter")).and(col(TimeSeries.DUP).isNull())
                    .and(col("watts").gt(PowerIngest.MAX_PLAUSIBLE_WATTS)), 1).otherwise(0)).as("jumps"));
        }
        Dataset<Row> perSeries = sequenced.groupBy(col("file"), col("reason"), col("host"),
                        isPower ? lit("").as("app") : col("app"))
                .agg(perSeriesAggs.get(0), perSeriesAggs.subList(1, perSeriesAggs.size()).toArray(Column[]::new));
        List<String> summed = new ArrayList<>(List.of("dup", "conflict", "gaps", "gap_s"));
        if (isPower) {
            summed.addAll(List.of("resets", "wraps", "baselines", "jumps"));
        }
        List<Column> perFileAggs = new ArrayList<>(List.of(sum("rows").as("rows"),
                min("first").as("first"), max("last").as("last"),
                when(good, countDistinct("host")).otherwise(0).cast("long").as("hosts"),
                isPower ? lit(0L).as("apps") : when(good, countDistinct("app")).otherwise(0).cast("long").as("apps")));
        summed.forEach(c -> perFileAggs.add(sum(c).cast("long").as(c)));
        Map<String, Row> perFile = new HashMap<>();
        Map<String, Map<String, Long>> reasons = new HashMap<>();
        for (Row r : perSeries.groupBy("file", "reason")
                .agg(perFileAggs.get(0), perFileAggs.subList(1, perFileAggs.size()).toArray(Column[]::new))
                .collectAsList()) {
            if (r.isNullAt(1)) {
                perFile.put(r.getString(0), r);
            } else {
                reasons.computeIfAbsent(r.getString(0), k -> new HashMap<>()).put(r.getString(1), r.getLong(2));
            }
        }

        // The gaps listed are the earliest ones (a top-k, not a sort of every row).
        Column seriesName = isPower ? col("psu") : concat(col("app"), when(col("instance").notEqual(""),
                concat(lit("#"), col("instance"))).otherwise(lit("")));
        List<Gap> gaps = new ArrayList<>();
        long gapTotal = perFile.values().stream().mapToLong(r -> r.getLong(r.fieldIndex("gaps"))).sum();
        if (gapTotal > 0) {
            for (Row g : sequenced.filter(col(TimeSeries.GAP))
                    .select(col("file"), col("host"), seriesName.as("series"), col(TimeSeries.PREV_TS_S), col(TimeSeries.TS_S))
                    .orderBy(col(TimeSeries.PREV_TS_S), col("host"), col("series"), col("file"))
                    .limit(GAPS_LISTED).collectAsList()) {
                gaps.add(new Gap(kind, g.getString(0), g.getString(1), g.getString(2),
                        Instant.ofEpochSecond(g.getLong(3)), Instant.ofEpochSecond(g.getLong(4))));
            }
        }

        Column seqReject = col(TimeSeries.DUP).isNotNull();
        Column seqDetail = concat(lit("same series and timestamp as an earlier row"));
        Column seqReason = col(TimeSeries.DUP);
        if (isPower) {
            Column jump = col("_counter").and(col("watts").gt(PowerIngest.MAX_PLAUSIBLE_WATTS));
            seqReject = seqReject.or(jump);
            seqReason = when(col(TimeSeries.DUP).isNotNull(), col(TimeSeries.DUP)).otherwise(lit("counter jump implausible"));
            seqDetail = when(col(TimeSeries.DUP).isNotNull(), seqDetail)
                    .otherwise(concat(lit("energy difference gives "), col("watts").cast("long").cast("string"), lit(" W")));
        }
        // Rows rejected by validation and by sequencing, in one scan of the cache.
        Dataset<Row> rejects = sequenced.filter(not(good).or(seqReject))
                .select(col("file"), col("_mid"), col("_blk"), when(good, seqReason).otherwise(col("reason")).as("reason"),
                        when(good, seqDetail).otherwise(col("detail")).as("detail"), col("_raw"));
        Dataset<Row> usable = isPower
                ? sequenced.filter(good.and(not(col("_counter").and(col("watts").gt(PowerIngest.MAX_PLAUSIBLE_WATTS)))
                        .or(col(TimeSeries.DUP).isNotNull())))
                : sequenced.filter(good.and(col(TimeSeries.DUP).isNull()));
        Dataset<Row> aligned = aligner.apply(usable, o).persist(StorageLevel.MEMORY_AND_DISK());
        Map<String, Row> seqStats = perFile;

        List<FileStats> stats = new ArrayList<>();
        Map<String, Long> notes = new LinkedHashMap<>();
        long gapCount = 0;
        Instant first = null;
        Instant last = null;
        Map<String, Row> byFile = perFile;
        for (InputFile f : files) {
            Row r = byFile.get(f.name());
            Map<String, Long> why = new HashMap<>(reasons.getOrDefault(f.name(), Map.of()));
            long rows = (r == null ? 0 : r.getLong(2)) + why.values().stream().mapToLong(Long::longValue).sum();
            if (rows == 0) {
                throw new UserError(f.path() + ": the file has a header but no data rows (expected "
                        + kind.prefix() + " samples)");
            }
            Row s = seqStats.get(f.name());
            Map<String, Long> fileNotes = new LinkedHashMap<>();
            long fileGaps = 0;
            long gapSeconds = 0;
            if (s != null) {
                putIfPositive(why, "duplicate row", s.<Long>getAs("dup"));
                putIfPositive(why, "conflicting duplicate", s.<Long>getAs("conflict"));
                fileGaps = s.<Long>getAs("gaps");
                gapSeconds = s.<Long>getAs("gap_s");
                if (isPower) {
                    putIfPositive(fileNotes, "counter resets", s.<Long>getAs("resets"));
                    putIfPositive(fileNotes, "counter wraps", s.<Long>getAs("wraps"));
                    putIfPositive(fileNotes, "counter baselines (first reading of a series or after a gap)",
                            s.<Long>getAs("baselines"));
                    putIfPositive(why, "counter jump implausible", s.<Long>getAs("jumps"));
                }
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
            Instant fFirst = r.isNullAt(3) ? null : r.getTimestamp(3).toInstant();
            Instant fLast = r.isNullAt(4) ? null : r.getTimestamp(4).toInstant();
            // r is the good-rows group: hosts at 5, apps at 6.
            first = earliest(first, fFirst);
            last = latest(last, fLast);
            gapCount += fileGaps;
            fileNotes.forEach((k, v) -> notes.merge(k, v, Long::sum));
            stats.add(new FileStats(f.name(), kind, rows, kept, why, r.getLong(5), r.getLong(6), fFirst, fLast,
                    fileGaps, gapSeconds, fileNotes));
        }
        return new Series(aligned, rejects, stats, gaps, gapCount, notes, first, last);
    }

    private static void putIfPositive(Map<String, Long> m, String key, long v) {
        if (v > 0) {
            m.merge(key, v, Long::sum);
        }
    }

    private static List<RejectRow> collectRejects(SparkSession spark, Map<String, InputFile> files, Dataset<Row> rejects) {
        List<Row> rows = rejects.collectAsList();
        Map<String, LineNumbers> lines = new HashMap<>();
        Map<String, Map<List<Long>, String>> texts = missingTexts(spark, files, rows);
        List<RejectRow> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            String file = r.getString(0);
            LineNumbers ln = lines.computeIfAbsent(file, name -> LineNumbers.of(spark, files.get(name)));
            String raw = !r.isNullAt(5) ? r.getString(5)
                    : texts.getOrDefault(file, Map.of()).getOrDefault(List.of(r.getLong(1), r.getLong(2)), "");
            if (raw.length() > CONTENT_CHARS) {
                raw = raw.substring(0, CONTENT_CHARS) + "...";
            }
            // The detail quotes the bad value, which may be a whole 10 MB line: cut it short too.
            String detail = r.isNullAt(4) ? "" : r.getString(4);
            if (detail.length() > CONTENT_CHARS) {
                detail = detail.substring(0, CONTENT_CHARS) + "...";
            }
            out.add(new RejectRow(file, ln.line(r.getLong(1), r.getLong(2)), r.getString(3), detail, raw));
        }
        out.sort(Comparator.comparing(RejectRow::file).thenComparingLong(RejectRow::line));
        return out;
    }

    /**
     * The original lines of text-file rejects that do not carry them (rows found bad only after
     * the shuffle, such as duplicates: see {@code series}), read back by position in one pass
     * over each such file. Rare, so cheaper than carrying every line through the shuffle.
     */
    private static Map<String, Map<List<Long>, String>> missingTexts(SparkSession spark, Map<String, InputFile> files,
                                                                     List<Row> rejects) {
        Map<String, List<Row>> wanted = new HashMap<>();
        for (Row r : rejects) {
            InputFile f = files.get(r.getString(0));
            if (r.isNullAt(5) && f != null && f.format() != InputFormat.PARQUET) {
                wanted.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(RowFactory.create(r.getLong(1), r.getLong(2)));
            }
        }
        Map<String, Map<List<Long>, String>> out = new HashMap<>();
        StructType positions = new StructType().add("_mid", DataTypes.LongType).add("_blk", DataTypes.LongType);
        wanted.forEach((name, keys) -> {
            // Numbered exactly as RawReader numbers them (same read, same partitions).
            Dataset<Row> lines = spark.read().text(files.get(name).path().toString())
                    .select(col("value"), monotonically_increasing_id().as("_mid"), col("_metadata.file_block_start").as("_blk"));
            Map<List<Long>, String> m = new HashMap<>();
            for (Row r : lines.join(broadcast(spark.createDataFrame(keys, positions)), CollectionConverters.asScala(
                    List.of("_mid", "_blk")).toSeq()).select("_mid", "_blk", "value").collectAsList()) {
                m.put(List.of(r.getLong(0), r.getLong(1)), r.getString(2));
            }
            out.put(name, m);
        });
        return out;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }
}
