package io.greenpack.pipeline;

import io.greenpack.config.Scenario;
import io.greenpack.consolidate.ConsolidationOutcome;
import io.greenpack.consolidate.ConsolidationStage;
import io.greenpack.correlate.AnalysisResult;
import io.greenpack.correlate.FleetPower;
import io.greenpack.ingest.IngestResult;
import io.greenpack.report.ReportOutputs;
import io.greenpack.report.RunFolder;
import io.greenpack.table.TableWriter;
import io.greenpack.util.Progress;
import org.apache.spark.sql.SparkSession;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The batch report ({@code report}, and {@code consolidate} without the analysis sections): every
 * stage, then everything a run folder holds, written into a temporary folder that is renamed into
 * place only when complete (a failed run leaves the previous reports alone).
 */
final class ReportRun {
    private ReportRun() {
    }

    static Path run(SparkSession spark, RunRequest req, Progress progress) throws IOException {
        // The run id hashes everything that changes the report: ingest settings, scenario, solver, sections.
        JobRun job = new JobRun(req.dataDir(), req.ingest().toString().replaceAll("now=[^,)]*", "")
                + " " + req.scenario() + " " + req.solver() + " sections=" + req.analysisSections());
        IngestResult ingest = job.ingest(spark, req.ingest(), progress);
        Scenario scenario = req.scenario();
        AnalysisResult analysis = job.analyse(spark, ingest, scenario, progress, true);
        Table fleet = job.timed("fleet power", () -> FleetPower.perInterval(analysis));
        ConsolidationOutcome outcome = job.timed("consolidate", () -> progress.step("consolidate",
                () -> ConsolidationStage.run(ingest, analysis, ingest.targets(), scenario, req.solver())));
        if (outcome.verdict() != null) {
            outcome.verdict().scope().warnings().forEach(w -> progress.say("warning: " + w));
        }

        try (AnalysisResult.Releasing released = analysis.releasing(); RunFolder run = RunFolder.begin(req.outDir(), job.runId())) {
            progress.say("report: writing " + run.finalDir());
            long t0 = System.nanoTime();
            ReportOutputs.Input page = new ReportOutputs.Input(req.dataDir(), ingest, fleet, analysis, outcome, scenario,
                    keptWatts(analysis, outcome), req.analysisSections() && ingest.hasUtilization()
                    ? FleetPower.utilizationByHourOfDay(analysis) : Map.of(),
                    // Distinct over all utilization files: utilization may be split into several (by host).
                    ingest.hasUtilization() ? ingest.utilization().select("app").distinct().count() : 0,
                    req.analysisSections(), job.footer(), null);
            Map<String, Table> tables = ReportOutputs.write(new TableWriter(spark), run, page);
            job.timings().put("render", (System.nanoTime() - t0) / 1e9);

            Map<String, Long> rows = JobRun.rowCounts(ingest);
            rows.put("fleet_intervals", (long) fleet.rowCount());
            tables.forEach((name, t) -> rows.put("table_" + name, (long) t.rowCount()));
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("interval_seconds", req.ingest().intervalSeconds());
            settings.put("max_gap_seconds", req.ingest().maxGapSeconds());
            settings.putAll(scenario.toMap());
            settings.put("solver_seed", req.solver().seed());
            settings.put("solver_time_limit_seconds", req.solver().timeLimitSeconds());
            settings.put("solver_iterations", req.solver().maxIterations());
            job.writeManifest(spark, run, req.commandLine(), settings, rows);
            // The tables go to notebooks-data/results/ with the commit, in one step.
            return run.commit(req.notebookResults());
        }
    }

    /** Measured watts of the hosts the plan keeps as they are (the chart's dashed line adds them). */
    private static Map<Instant, Double> keptWatts(AnalysisResult analysis, ConsolidationOutcome outcome) {
        return outcome.planned() ? FleetPower.wattsOf(analysis, outcome.keptHosts()) : Map.of();
    }
}
