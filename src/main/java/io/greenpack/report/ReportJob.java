package io.greenpack.report;

import io.greenpack.chart.ChartFiles;
import io.greenpack.consolidate.ConsolidationOutcome;
import io.greenpack.consolidate.ConsolidationStage;
import io.greenpack.chart.ChartStyle;
import io.greenpack.chart.UtilizationHeatMap;
import io.greenpack.chart.FleetPowerChart;
import io.greenpack.chart.FleetPowerChart.PowerPoint;
import io.greenpack.config.Scenario;
import io.greenpack.correlate.AnalysisResult;
import io.greenpack.correlate.FleetPower;
import io.greenpack.util.Home;
import io.greenpack.ingest.IngestResult;
import io.greenpack.util.Progress;
import org.apache.spark.sql.SparkSession;
import org.jfree.chart.JFreeChart;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The batch report: ingest, then everything a run folder holds, written into a temporary folder
 * that is renamed into place only when complete (a failed run leaves the previous reports alone).
 */
public final class ReportJob {
    private static final String MEASURED_ONLY = "none (measured data only)";

    private ReportJob() {
    }

    public static Path run(SparkSession spark, ReportRequest req, Progress progress) throws IOException {
        JobRun job = new JobRun(req.dataDir(), req.ingest().toString().replaceAll("now=[^,)]*", ""));
        Map<String, Double> timings = job.timings();
        String runId = job.runId();

        IngestResult ingest = job.ingest(spark, req.ingest(), progress);
        Table fleet = job.timed("fleet power", () -> FleetPower.perInterval(ingest));
        Scenario scenario = req.scenario();
        AnalysisResult analysis = job.analyse(spark, ingest, scenario, progress, true);
        ConsolidationOutcome outcome = job.timed("consolidate", () -> progress.step("consolidate",
                () -> ConsolidationStage.run(ingest, analysis, ingest.targets(), scenario, req.solver())));

        try (AnalysisResult.Releasing released = analysis.releasing(); RunFolder run = RunFolder.begin(req.outDir(), runId)) {
            progress.say("report: writing " + run.finalDir());
            long t0 = System.nanoTime();
            RejectsFile.write(run.resolve("rejects.csv"), ingest.rejects());
            Files.createDirectories(run.resolve("tables"));
            fleet.write().csv(run.resolve("tables/fleet_power.csv").toFile());
            Files.createDirectories(run.resolve("charts"));
            String footer = ChartStyle.footer(window(ingest), MEASURED_ONLY);
            JFreeChart power = ingest.hasPower() ? FleetCharts.beforeAfter(ingest, fleet, outcome,
                    ChartStyle.footer(window(ingest), scenario.name())) : FleetPowerChart.chart(points(fleet), footer);
            ChartFiles.write(power, run.resolve("charts"), "fleet-power");

            HtmlReport html = new HtmlReport();
            html.title(req.analysisSections() ? "greenpack report" : "greenpack consolidation");
            html.subtitle("Data " + req.dataDir().getFileName() + " \u00b7 " + ChartStyle.dataWindow(ingest.first(), ingest.last()));
            html.section("summary", "Summary");
            List<HtmlReport.KeyNumber> tiles = new ArrayList<>(keyNumbers(ingest, fleet));
            tiles.addAll(AnalysisSection.keyNumbers(analysis));
            html.keyNumbers(tiles);
            html.section("fleet-power", "Fleet power");
            if (ingest.hasPower()) {
                html.paragraph("Measured power of all hosts, summed per " + ingest.intervalSeconds() / 60
                        + "-minute interval. Intervals in which a host was silent count without it (see Data quality).");
            } else {
                html.note("The data has no power readings (no power.* file): nothing here is measured energy. "
                        + "Energy figures need power models from the target catalog and are marked modelled.");
            }
            html.image("Fleet power over time (kW), measured and after consolidation",
                    ChartFiles.pngBytes(power, ChartFiles.DEFAULT_WIDTH, ChartFiles.DEFAULT_HEIGHT));
            if (outcome.planned()) {
                html.paragraph("The dashed line is the same fleet after consolidation: hosts kept as they are at their "
                        + "measured power plus the new hosts at the power their curves give for that hour's planned load (modelled).");
            }
            if (req.analysisSections() && ingest.hasUtilization()) {
                JFreeChart heat = FleetCharts.heatMap(analysis, ChartStyle.footer(window(ingest), scenario.name()));
                html.image("CPU utilization by host and hour of day", AnalysisSection.png(heat, run.resolve("charts"),
                        "utilization-heatmap", ChartFiles.DEFAULT_WIDTH, UtilizationHeatMap.heightFor(heat)));
            }
            Map<String, Table> tables = req.analysisSections()
                    ? AnalysisOutputs.write(spark, run, analysis, ingest.apps().byName(), html,
                    ChartStyle.footer(window(ingest), scenario.name()), Home.notebookResults())
                    : Map.of();
            Map<String, Table> planTables = PlanOutputs.write(spark, run, outcome, analysis, ingest.hosts().hosts(),
                    scenario, html, ChartStyle.footer(window(ingest), scenario.name()), window(ingest), Home.notebookResults(),
                    owners(ingest));
            IngestSection.add(html, ingest);
            html.footer(job.footer());
            html.write(run.resolve("index.html"));
            timings.put("render", (System.nanoTime() - t0) / 1e9);

            Map<String, Long> rows = JobRun.rowCounts(ingest);
            rows.put("fleet_intervals", (long) fleet.rowCount());
            tables.forEach((name, t) -> rows.put("table_" + name, (long) t.rowCount()));
            planTables.forEach((name, t) -> rows.put("table_" + name, (long) t.rowCount()));
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("interval_seconds", req.ingest().intervalSeconds());
            settings.put("max_gap_seconds", req.ingest().maxGapSeconds());
            settings.putAll(scenario.toMap());
            settings.put("solver_seed", req.solver().seed());
            settings.put("solver_time_limit_seconds", req.solver().timeLimitSeconds());
            job.writeManifest(spark, run, req.commandLine(), settings, rows);
            return run.commit();
        }
    }

    private static List<HtmlReport.KeyNumber> keyNumbers(IngestResult ingest, Table fleet) {
        double kwh = FleetPower.kwh(fleet, ingest.intervalSeconds());
        double days = (ingest.last().getEpochSecond() - ingest.first().getEpochSecond()) / 86400.0;
        double meanKw = fleet.rowCount() == 0 ? 0 : fleet.doubleColumn("watts").mean() / 1000.0;
        // Distinct over all utilization files: utilization may be split into several (by host).
        long apps = ingest.hasUtilization() ? ingest.utilization().select("app").distinct().count() : 0;
        return List.of(
                new HtmlReport.KeyNumber("hosts", String.valueOf(ingest.hosts().hosts().size()), "in hosts.csv", false),
                new HtmlReport.KeyNumber("applications", String.valueOf(apps), "seen in utilization samples", false),
                ingest.hasPower()
                        ? new HtmlReport.KeyNumber("IT energy", String.format(Locale.ROOT, "%,.0f kWh", kwh),
                        String.format(Locale.ROOT, "over %.1f days", days), false)
                        : new HtmlReport.KeyNumber("IT energy", "not measured", "no power readings in the data", true),
                new HtmlReport.KeyNumber("mean fleet power", String.format(Locale.ROOT, "%,.1f kW", meanKw),
                        "measured", false),
                new HtmlReport.KeyNumber("rows rejected", String.format(Locale.ROOT, "%,d", ingest.rowsRejected()),
                        String.format(Locale.ROOT, "of %,d read (rejects.csv)", ingest.rowsRead()), false));
    }

    private static List<PowerPoint> points(Table fleet) {
        List<PowerPoint> points = new ArrayList<>(fleet.rowCount());
        for (int i = 0; i < fleet.rowCount(); i++) {
            points.add(new PowerPoint(fleet.instantColumn("time").get(i), fleet.doubleColumn("watts").get(i),
                    fleet.intColumn("hosts").get(i)));
        }
        return points;
    }

    private static String window(IngestResult ingest) {
        return ChartStyle.dataWindow(ingest.first(), ingest.last());
    }

    /** Application → owner from apps.csv, for labels that show owners beside app ids. */
    private static Map<String, String> owners(IngestResult ingest) {
        Map<String, String> out = new java.util.HashMap<>();
        ingest.apps().apps().forEach(a -> {
            if (a.owner() != null && !a.owner().isBlank()) {
                out.put(a.app(), a.owner());
            }
        });
        return out;
    }
}
