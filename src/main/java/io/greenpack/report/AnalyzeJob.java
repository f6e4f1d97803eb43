package io.greenpack.report;

import io.greenpack.chart.ChartStyle;
import io.greenpack.correlate.Analysis;
import io.greenpack.correlate.AnalysisOptions;
import io.greenpack.correlate.AnalysisResult;
import io.greenpack.correlate.CatalogCurves;
import io.greenpack.ingest.DataDirectory;
import io.greenpack.ingest.Ingest;
import io.greenpack.ingest.IngestResult;
import io.greenpack.util.Progress;
import org.apache.spark.sql.SparkSession;
import tech.tablesaw.api.Table;

import java.io.IOException;
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

/**
 * {@code greenpack analyze}: ingest and analysis only (no consolidation), written to
 * {@code <out>/<run-id>/}: index.html with the analysis sections, tables/, charts/, rejects.csv,
 * manifest.json; atomically, like the report.
 */
public final class AnalyzeJob {
    private AnalyzeJob() {
    }

    public static Path run(SparkSession spark, AnalyzeRequest req, Progress progress) throws IOException {
        Instant started = Instant.now();
        Map<String, Double> timings = new LinkedHashMap<>();
        DataDirectory dir = DataDirectory.scan(req.dataDir());
        List<Manifest.InputFile> inputs = ReportJob.checksums(dir);
        List<byte[]> digest = new ArrayList<>();
        inputs.forEach(i -> digest.add(i.sha256().getBytes(StandardCharsets.UTF_8)));
        digest.add(req.scenario().toString().getBytes(StandardCharsets.UTF_8));
        String runId = RunFolder.runId(started, digest.toArray(byte[][]::new));

        long t0 = System.nanoTime();
        IngestResult ingest = Ingest.run(spark, req.dataDir(), req.ingest(), progress);
        timings.put("ingest", (System.nanoTime() - t0) / 1e9);
        AnalysisOptions options = AnalysisOptions.defaults().withCatalog(CatalogCurves.read(spark, req.dataDir()));
        AnalysisResult analysis = Analysis.run(spark, ingest, req.scenario(), options, progress);
        analysis.timings().forEach((k, v) -> timings.put("analysis: " + k, v));

        try (RunFolder run = RunFolder.begin(req.outDir(), runId)) {
            progress.say("analyze: writing " + run.finalDir());
            long t1 = System.nanoTime();
            RejectsFile.write(run.resolve("rejects.csv"), ingest.rejects());
            String window = ChartStyle.dataWindow(ingest.first(), ingest.last());
            String footer = ChartStyle.footer(window, req.scenario().name());
            HtmlReport html = new HtmlReport().title("greenpack analysis")
                    .subtitle("Data " + req.dataDir().getFileName() + " \u00b7 " + window + " \u00b7 scenario " + req.scenario().name());
            html.section("summary", "Summary");
            html.keyNumbers(AnalysisSection.keyNumbers(analysis));
            Map<String, Table> tables = AnalysisOutputs.write(spark, run, analysis, ingest.apps().byName(), html, footer,
                    req.notebookResults());
            IngestSection.add(html, ingest);
            html.footer("greenpack " + io.greenpack.cli.VersionProvider.version() + " \u00b7 run " + runId
                    + " \u00b7 generated " + DateTimeFormatter.ISO_INSTANT.format(started.atOffset(ZoneOffset.UTC)));
            html.write(run.resolve("index.html"));
            timings.put("write", (System.nanoTime() - t1) / 1e9);

            Map<String, Long> rows = new LinkedHashMap<>();
            rows.put("rows_read", ingest.rowsRead());
            rows.put("rows_rejected", ingest.rowsRejected());
            rows.put("hosts", (long) ingest.hosts().hosts().size());
            tables.forEach((name, t) -> rows.put("table_" + name, (long) t.rowCount()));
            Map<String, Object> scenario = new LinkedHashMap<>();
            scenario.put("name", req.scenario().name());
            scenario.put("tariff_per_kwh", req.scenario().tariffPerKwh());
            scenario.put("currency", req.scenario().currency());
            scenario.put("grid_gco2e_per_kwh", req.scenario().gridGco2ePerKwh());
            scenario.put("pue", req.scenario().pue());
            scenario.put("percentile", req.scenario().percentile());
            scenario.put("hourly_sizing", req.scenario().hourlySizing());
            scenario.put("idle_policy", req.scenario().idlePolicy().key());
            scenario.put("interval_seconds", req.ingest().intervalSeconds());
            new Manifest(io.greenpack.cli.VersionProvider.version(), Manifest.currentJavaVersion(), spark.version(),
                    req.commandLine(), inputs, scenario, timings, rows, started, Instant.now())
                    .write(run.resolve("manifest.json"));
            Files.createDirectories(run.resolve("charts"));
            return run.commit();
        }
    }
}
