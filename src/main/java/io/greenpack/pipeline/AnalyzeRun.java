package io.greenpack.pipeline;

import io.greenpack.correlate.AnalysisResult;
import io.greenpack.ingest.IngestResult;
import io.greenpack.report.AnalysisOutputs;
import io.greenpack.report.RunFolder;
import io.greenpack.table.TableWriter;
import io.greenpack.util.Progress;
import org.apache.spark.sql.SparkSession;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code greenpack analyze}: ingest → correlate → classify → size (no consolidation), written to
 * {@code <out>/<run-id>/}: index.html with the analysis sections, tables/, charts/, rejects.csv,
 * manifest.json; atomically, like the report.
 */
final class AnalyzeRun {
    private AnalyzeRun() {
    }

    static Path run(SparkSession spark, RunRequest req, Progress progress) throws IOException {
        JobRun job = new JobRun(req.dataDir(), req.scenario().toString());
        IngestResult ingest = job.ingest(spark, req.ingest(), progress);
        AnalysisResult analysis = job.analyse(spark, ingest, req.scenario(), progress, false);

        try (AnalysisResult.Releasing released = analysis.releasing(); RunFolder run = RunFolder.begin(req.outDir(), job.runId())) {
            progress.say("analyze: writing " + run.finalDir());
            long t1 = System.nanoTime();
            Map<String, Table> tables = AnalysisOutputs.page(new TableWriter(spark), run, req.dataDir(), ingest, analysis,
                    job.footer(), null);
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
