package io.greenpack.pipeline;

import io.greenpack.correlate.AnalysisOptions;
import io.greenpack.correlate.AnalysisResult;
import io.greenpack.correlate.CatalogCurves;
import io.greenpack.config.Scenario;
import io.greenpack.ingest.Ingest;
import io.greenpack.ingest.IngestOptions;
import io.greenpack.ingest.IngestResult;
import io.greenpack.ingest.files.DataDirectory;
import io.greenpack.ingest.files.InputFile;
import io.greenpack.report.Manifest;
import io.greenpack.report.RunFolder;
import io.greenpack.util.Progress;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * The skeleton the jobs that write a run folder share (report, consolidate, analyze): the inputs'
 * checksums and the run id, ingest and analysis with their timings, the page footer, the row
 * counts every manifest has, and the manifest itself.
 */
final class JobRun {
    private final Instant started = Instant.now();
    private final Map<String, Double> timings = new LinkedHashMap<>();
    private final Path dataDir;
    private final List<Manifest.InputFile> inputs;
    private final String runId;

    /** Scans {@code dataDir} (fails early on a bad directory) and derives the run id from the inputs and {@code settings}. */
    JobRun(Path dataDir, String settings) throws IOException {
        this(dataDir, List.of(), settings);
    }

    /** The same, with files read besides the data directory (a what-if run's scenario file) among the inputs. */
    JobRun(Path dataDir, List<Path> otherInputs, String settings) throws IOException {
        this.dataDir = dataDir;
        List<Manifest.InputFile> all = new ArrayList<>(checksums(DataDirectory.scan(dataDir)));
        for (Path p : otherInputs) {
            all.add(Manifest.InputFile.of(p));
        }
        this.inputs = List.copyOf(all);
        List<byte[]> digest = new ArrayList<>();
        inputs.forEach(i -> digest.add(i.sha256().getBytes(StandardCharsets.UTF_8)));
        digest.add(settings.getBytes(StandardCharsets.UTF_8));
        this.runId = RunFolder.runId(started, digest.toArray(byte[][]::new));
    }

    String runId() {
        return runId;
    }

    Instant started() {
        return started;
    }

    Map<String, Double> timings() {
        return timings;
    }

    IngestResult ingest(SparkSession spark, IngestOptions options, Progress progress) throws IOException {
        return timed("ingest", () -> Ingest.run(spark, dataDir, options, progress));
    }

    /**
     * The analysis with the target catalog's curves as fallback; its stage timings go into the
     * manifest as "analysis: …", after its total "analysis" when {@code recordTotal}.
     */
    AnalysisResult analyse(SparkSession spark, IngestResult ingest, Scenario scenario, Progress progress,
                           boolean recordTotal) {
        long t0 = System.nanoTime();
        AnalysisResult analysis = AnalysisStages.run(spark, ingest, scenario,
                AnalysisOptions.defaults().withCatalog(CatalogCurves.of(ingest.targets())), progress);
        if (recordTotal) {
            timings.put("analysis", (System.nanoTime() - t0) / 1e9);
        }
        analysis.timings().forEach((k, v) -> timings.put("analysis: " + k, v));
        return analysis;
    }

    /** Checksums of every input (a Parquet folder hashes its part files in name order). */
    static List<Manifest.InputFile> checksums(DataDirectory dir) throws IOException {
        List<Manifest.InputFile> out = new ArrayList<>();
        for (InputFile f : dir.all()) {
            if (Files.isDirectory(f.path())) {
                java.security.MessageDigest sha = RunFolder.sha256();
                long bytes = 0;
                try (Stream<Path> parts = Files.list(f.path())) {
                    for (Path p : parts.filter(Files::isRegularFile).sorted().toList()) {
                        Manifest.InputFile part = Manifest.InputFile.of(p);
                        sha.update(part.sha256().getBytes(StandardCharsets.UTF_8));
                        bytes += part.bytes();
                    }
                }
                out.add(new Manifest.InputFile(f.path().toString(), bytes, HexFormat.of().formatHex(sha.digest())));
            } else {
                out.add(Manifest.InputFile.of(f.path()));
            }
        }
        return out;
    }

    interface IoSupplier<T> {
        T get() throws IOException;
    }

    /** Runs {@code body} and records its wall time under {@code stage}. */
    <T> T timed(String stage, IoSupplier<T> body) throws IOException {
        long t0 = System.nanoTime();
        try {
            return body.get();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            timings.put(stage, (System.nanoTime() - t0) / 1e9);
        }
    }

    /** "greenpack VERSION · run ID · generated TIME" */
    String footer() {
        return "greenpack " + io.greenpack.util.Version.current() + " \u00b7 run " + runId
                + " \u00b7 generated " + DateTimeFormatter.ISO_INSTANT.format(started.atOffset(ZoneOffset.UTC));
    }

    /** rows_read, rows_rejected and hosts: the row counts every manifest starts with. */
    static Map<String, Long> rowCounts(IngestResult ingest) {
        Map<String, Long> rows = new LinkedHashMap<>();
        rows.put("rows_read", ingest.rowsRead());
        rows.put("rows_rejected", ingest.rowsRejected());
        rows.put("hosts", (long) ingest.hosts().hosts().size());
        return rows;
    }

    void writeManifest(SparkSession spark, RunFolder run, List<String> commandLine, Map<String, Object> settings,
                       Map<String, Long> rows) throws IOException {
        new Manifest(io.greenpack.util.Version.current(), Manifest.currentJavaVersion(), spark.version(),
                commandLine, inputs, settings, timings, rows, started, Instant.now())
                .write(run.resolve("manifest.json"));
    }
}
