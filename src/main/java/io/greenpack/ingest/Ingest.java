package io.greenpack.ingest;

import io.greenpack.ingest.catalog.AppCatalog;
import io.greenpack.ingest.catalog.HostInventory;
import io.greenpack.ingest.catalog.TargetCatalog;
import io.greenpack.ingest.files.DataDirectory;
import io.greenpack.ingest.files.FileStats;
import io.greenpack.ingest.files.Gap;
import io.greenpack.ingest.files.InputFile;
import io.greenpack.ingest.files.InputKind;
import io.greenpack.ingest.files.RejectRow;
import io.greenpack.ingest.read.Damage;
import io.greenpack.ingest.read.ParquetInput;
import io.greenpack.ingest.read.RawReader;
import io.greenpack.ingest.series.SeriesIngest;
import io.greenpack.util.Progress;
import io.greenpack.util.UserError;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;

/**
 * The ingest stage: a data directory in, canonical aligned Datasets out (DESIGN §2). Bad rows
 * are quarantined with file, line and reason; a file that is unusable as a whole (unreadable,
 * missing a column, every row bad) stops the run with a {@link UserError}.
 */
public final class Ingest {
    public static final int GAPS_LISTED = SeriesIngest.GAPS_LISTED;

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
                HostInventory.read(dir.files(InputKind.HOSTS).get(0)));
        List<InputFile> appFiles = dir.files(InputKind.APPS);
        if (appFiles.size() > 1) {
            throw new UserError("data directory " + dir.dir() + " has several apps files "
                    + appFiles.stream().map(InputFile::name).toList() + "; expected at most one");
        }
        AppCatalog apps = appFiles.isEmpty() ? AppCatalog.empty()
                : progress.step("ingest: apps", () -> AppCatalog.read(appFiles.get(0),
                        hosts.hosts().stream().map(h -> h.host()).collect(java.util.stream.Collectors.toSet())));
        List<InputFile> targetFiles = dir.files(InputKind.TARGETS);
        if (targetFiles.size() > 1) {
            throw new UserError("data directory " + dir.dir() + " has several targets files "
                    + targetFiles.stream().map(InputFile::name).toList() + "; expected one");
        }
        TargetCatalog targets = targetFiles.isEmpty() ? TargetCatalog.empty()
                : progress.step("ingest: targets", () -> TargetCatalog.read(targetFiles.get(0)));

        Map<String, double[]> facts = new HashMap<>();
        hosts.hosts().forEach(h -> facts.put(h.host(), new double[]{h.cores(), h.sockets(), h.memGb()}));
        SeriesIngest.Settings settings = new SeriesIngest.Settings(facts, o.now(), o.intervalSeconds(), o.maxGapSeconds());
        // A data directory may hold only power (meters, no agents) or only utilization (VM traces);
        // the missing side is an empty table and the report says what could not be measured.
        SeriesIngest.Result power = dir.files(InputKind.POWER).isEmpty() ? SeriesIngest.none(spark, InputKind.POWER)
                : progress.step("ingest: power samples", () -> SeriesIngest.read(spark, dir.files(InputKind.POWER), settings));
        SeriesIngest.Result util = dir.files(InputKind.UTILIZATION).isEmpty() ? SeriesIngest.none(spark, InputKind.UTILIZATION)
                : progress.step("ingest: utilization samples",
                () -> SeriesIngest.read(spark, dir.files(InputKind.UTILIZATION), settings));

        Map<String, Long> notes = new LinkedHashMap<>(power.notes());
        notes.putAll(util.notes());
        Dataset<Row> complete = power.aligned().filter(col("complete")).drop("complete");
        if (power.incomplete() > 0) {
            notes.put("power intervals dropped: a PSU of the host missing", power.incomplete());
        }
        List<FileStats> files = new ArrayList<>();
        files.add(hosts.stats());
        if (apps.stats() != null) {
            files.add(apps.stats());
        }
        if (targets.stats() != null) {
            files.add(targets.stats());
        }
        files.addAll(power.stats());
        files.addAll(util.stats());
        List<Gap> gaps = new ArrayList<>(power.gaps());
        gaps.addAll(util.gaps());
        gaps.sort(Comparator.comparing(Gap::from).thenComparing(Gap::host).thenComparing(Gap::series));
        if (gaps.size() > GAPS_LISTED) {
            gaps = new ArrayList<>(gaps.subList(0, GAPS_LISTED));
        }
        Instant first = Stream.of(power.first(), util.first()).filter(Objects::nonNull).min(Comparator.naturalOrder())
                .orElse(null);
        Instant last = Stream.of(power.last(), util.last()).filter(Objects::nonNull).max(Comparator.naturalOrder())
                .orElse(null);
        List<RejectRow> rejects = progress.step("ingest: rejected rows", () -> {
            List<RejectRow> all = new ArrayList<>(hosts.rejects());
            all.addAll(apps.rejects());
            all.addAll(targets.rejects());
            all.addAll(power.rejects());
            all.addAll(util.rejects());
            all.sort(Comparator.comparing(RejectRow::file).thenComparingLong(RejectRow::line));
            return all;
        });
        return new IngestResult(hosts, apps, targets, complete, util.aligned(), rejects, files, gaps,
                power.gapCount() + util.gapCount(), notes, first, last, o.intervalSeconds(),
                !dir.files(InputKind.POWER).isEmpty(), !dir.files(InputKind.UTILIZATION).isEmpty());
    }

    /** Whether a Parquet input is read as column batches rather than projected rows (for tests). */
    static boolean readsColumns(SparkSession spark, InputFile f) {
        return ParquetInput.read(spark, f).batches() != null;
    }
}
