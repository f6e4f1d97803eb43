package io.greenpack.bench;

import io.greenpack.cli.CommonOptions;
import io.greenpack.pipeline.AnalysisStages;
import io.greenpack.config.Scenario;
import io.greenpack.correlate.Analysis;
import io.greenpack.correlate.AnalysisOptions;
import io.greenpack.correlate.AnalysisResult;
import io.greenpack.generate.FleetWriter;
import io.greenpack.generate.GenerateOptions;
import io.greenpack.ingest.Ingest;
import io.greenpack.ingest.IngestResult;
import io.greenpack.ingest.files.FileStats;
import io.greenpack.ingest.files.InputKind;
import io.greenpack.spark.Sparks;
import io.greenpack.util.Home;
import io.greenpack.util.Progress;
import io.greenpack.util.UserError;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.to_timestamp;

/**
 * {@code greenpack bench analyze}: ingest + analysis throughput from Parquet input at several sizes.
 * Each size is generated (seeded), converted once to Parquet (DESIGN §9: convert once, reuse), then
 * ingested and analysed in this JVM's one SparkSession. Samples/s counts utilization rows; peak heap
 * is the sum of the heap pools' peak use, reset before each size.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Benchmark ingest + analysis from Parquet input: seconds, utilization samples per second",
                "and peak heap per size. Writes analyze.csv and analyze.md."},
        footer = {"", "Example:", "  greenpack bench analyze --rows 10000000,40000000 --work /tmp/gp-bench"})
public final class BenchAnalyzeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    CommonOptions common;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: reports/bench under the greenpack home).")
    Path out;

    @Option(names = "--work", paramLabel = "DIR", required = true,
            description = "Scratch folder for the generated fleets and their Parquet copies (reused when present).")
    Path work;

    @Option(names = "--rows", split = ",", defaultValue = "10000000,40000000",
            description = "Approximate utilization rows per size (default: ${DEFAULT-VALUE}).")
    List<Long> rows;

    @Option(names = "--days", defaultValue = "30", description = "Days of samples per fleet (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--master", defaultValue = "local[*]", description = "Spark master (default: ${DEFAULT-VALUE}).")
    String master;

    @Override
    public Integer call() throws IOException {
        if (rows.stream().anyMatch(r -> r < 10_000)) {
            throw new UserError("--rows: each size must be at least 10000 rows");
        }
        Path dir = out != null ? out : Home.reports().resolve("bench");
        Files.createDirectories(dir);
        SparkSession spark = Sparks.session(master);
        Progress progress = Progress.to(spec.commandLine().getErr());
        StringBuilder csv = new StringBuilder("utilization_rows,power_rows,hosts,apps,days,ingest_s,analysis_s,total_s,"
                + "samples_per_s_total,samples_per_s_analysis,peak_heap_mb,max_heap_mb\n");
        StringBuilder md = new StringBuilder("# Analysis benchmark\n\n");
        md.append(String.format(Locale.ROOT, "Generated fleets (seed 42, %d days of 5-minute samples), power and "
                + "utilization converted once to Parquet, then `Ingest.run` + `AnalysisStages.run` (default scenario, "
                + "conservation check off) in one JVM and SparkSession (%s, %d cores, max heap %,d MB). Sizes run "
                + "smallest first, so later sizes profit from a warm JVM. Samples = utilization rows.%n%n",
                days, master, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20));
        md.append("| utilization rows | power rows | hosts | apps | ingest s | analysis s | total s | samples/s (total) "
                + "| samples/s (analysis) | peak heap MB |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (long target : rows) {
            int apps = (int) Math.max(20, Math.round(target / (288.0 * days * 1.1)));
            int hosts = Math.max(8, apps / 5);
            Path data = prepare(spark, work.resolve("fleet-" + target + "-" + days + "d"), hosts, apps, days, progress);
            resetPeaks();
            long t0 = System.nanoTime();
            IngestResult in = Ingest.run(spark, data, new io.greenpack.ingest.IngestOptions(300, 900, java.time.Instant.now()), progress);
            long t1 = System.nanoTime();
            AnalysisResult r = AnalysisStages.run(spark, in, Scenario.defaults(), AnalysisOptions.defaults().withVerifyConservation(false), progress);
            long t2 = System.nanoTime();
            long utilRows = in.files().stream().filter(f -> f.kind() == InputKind.UTILIZATION).mapToLong(FileStats::rowsRead).sum();
            long powerRows = in.files().stream().filter(f -> f.kind() == InputKind.POWER).mapToLong(FileStats::rowsRead).sum();
            double ingestS = (t1 - t0) / 1e9, analysisS = (t2 - t1) / 1e9, total = (t2 - t0) / 1e9;
            long peakMb = peakHeap() >> 20;
            csv.append(String.format(Locale.ROOT, "%d,%d,%d,%d,%d,%.1f,%.1f,%.1f,%.0f,%.0f,%d,%d%n", utilRows, powerRows, hosts,
                    apps, days, ingestS, analysisS, total, utilRows / total, utilRows / analysisS, peakMb,
                    Runtime.getRuntime().maxMemory() >> 20));
            md.append(String.format(Locale.ROOT, "| %,d | %,d | %d | %d | %.1f | %.1f | %.1f | %,.0f | %,.0f | %,d |%n",
                    utilRows, powerRows, hosts, apps, ingestS, analysisS, total, utilRows / total, utilRows / analysisS, peakMb));
            spec.commandLine().getOut().printf(Locale.ROOT, "%,d utilization rows: ingest %.1f s, analysis %.1f s, %,.0f samples/s, "
                    + "peak heap %,d MB (%d power models, %d apps)%n", utilRows, ingestS, analysisS, utilRows / total, peakMb,
                    r.powerModels().size(), r.classes().size());
            spec.commandLine().getOut().flush();
            Files.writeString(dir.resolve("analyze.csv"), csv);
            Files.writeString(dir.resolve("analyze.md"), md);
        }
        spec.commandLine().getOut().println("wrote " + dir.resolve("analyze.csv") + " and analyze.md");
        return 0;
    }

    /** A data folder with the small files as CSV and power/utilization as Parquet folders; reused when complete. */
    static Path prepare(SparkSession spark, Path base, int hosts, int apps, int days, Progress progress) throws IOException {
        Path csv = base.resolve("csv");
        Path pq = base.resolve("parquet");
        if (Files.exists(pq.resolve("_complete"))) {
            return pq;
        }
        progress.step("bench: generate " + hosts + " hosts, " + apps + " apps", () ->
                FleetWriter.generate(GenerateOptions.defaults().withSize(hosts, apps, days).withCompress(false), csv));
        // The same conversion as bench scale: by host, so that no series spans two Parquet files.
        progress.step("bench: convert to Parquet", () -> {
            try {
                BenchScaleCommand.toParquet(spark, csv, pq, (long) apps * days * 288);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return null;
        });
        Files.writeString(pq.resolve("_complete"), "");
        return pq;
    }

    private static void resetPeaks() {
        ChildJvm.resetPeaks();
    }

    private static long peakHeap() {
        return ChildJvm.peakHeapBytes();
    }
}
