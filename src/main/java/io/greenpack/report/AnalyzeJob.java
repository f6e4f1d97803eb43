package io.greenpack.report;

import io.greenpack.chart.ChartStyle;
import io.greenpack.correlate.AnalysisResult;
import io.greenpack.ingest.IngestResult;
import io.greenpack.util.Progress;
import org.apache.spark.sql.SparkSession;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
        JobRun job = new JobRun(req.dataDir(), req.scenario().toString());
        IngestResult ingest = job.ingest(spark, req.ingest(), progress);
        AnalysisResult analysis = job.analyse(spark, ingest, req.scenario(), progress, false);

        try (AnalysisResult.Releasing released = analysis.releasing(); RunFolder run = RunFolder.begin(req.outDir(), job.runId())) {
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
                    null);
            IngestSection.add(html, ingest);
            html.footer(job.footer());
            html.write(run.resolve("index.html"));
            job.timings().put("write", (System.nanoTime() - t1) / 1e9);

            Map<String, Long> rows = JobRun.rowCounts(ingest);
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
            job.writeManifest(spark, run, req.commandLine(), scenario, rows);
            Files.createDirectories(run.resolve("charts"));
            // The tables go to the notebooks' results folder with the commit, in one step.
            return run.commit(req.notebookResults());
        }
    }
}
