package io.greenpack.report;

import io.greenpack.savings.Provenance;
import io.greenpack.ingest.files.RejectsFile;
import io.greenpack.chart.ChartFiles;
import io.greenpack.chart.ChartStyle;
import io.greenpack.chart.FleetPowerChart;
import io.greenpack.chart.FleetPowerChart.PowerPoint;
import io.greenpack.chart.UtilizationHeatMap;
import io.greenpack.config.Scenario;
import io.greenpack.consolidate.ConsolidationOutcome;
import io.greenpack.correlate.AnalysisResult;
import io.greenpack.correlate.FleetPower;
import io.greenpack.ingest.IngestResult;
import io.greenpack.table.TableWriter;
import org.jfree.chart.JFreeChart;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a {@code report} or {@code consolidate} run writes into its run folder, from the stages'
 * plain results: rejects.csv, the fleet-power table and charts, index.html with every section,
 * and (through {@link AnalysisOutputs} and {@link PlanOutputs}) the tables, deck and summary.
 */
public final class ReportOutputs {
    private static final String MEASURED_ONLY = "none (measured data only)";

    private ReportOutputs() {
    }

    /**
     * The stages' results the page shows.
     *
     * @param fleet              measured fleet power per interval ({@link FleetPower#perInterval})
     * @param keptWatts          measured watts of the hosts the plan keeps, per interval end
     * @param utilizationByHour  mean CPU utilization per host and hour of day (the heat map)
     * @param apps               distinct applications in the utilization samples
     * @param analysisSections   false for {@code consolidate}: the plan, savings and data quality only
     * @param footer             the page footer (version, run id, time)
     */
    public record Input(Path dataDir, IngestResult ingest, Table fleet, AnalysisResult analysis,
                        ConsolidationOutcome outcome, Scenario scenario, Map<Instant, Double> keptWatts,
                        Map<String, double[]> utilizationByHour, long apps, boolean analysisSections, String footer,
                        Path notebookResults) {
    }

    /** Writes everything; returns the tables written, by name. */
    public static Map<String, Table> write(TableWriter tables, RunFolder run, Input in) throws IOException {
        IngestResult ingest = in.ingest();
        Scenario scenario = in.scenario();
        RejectsFile.write(run.resolve("rejects.csv"), ingest.rejects());
        Files.createDirectories(run.resolve("tables"));
        in.fleet().write().csv(run.resolve("tables/fleet_power.csv").toFile());
        Files.createDirectories(run.resolve("charts"));
        String footer = ChartStyle.footer(window(ingest), MEASURED_ONLY);
        JFreeChart power = in.fleet().rowCount() > 0 ? FleetCharts.beforeAfter(in.fleet(), in.keptWatts(), in.outcome(),
                ChartStyle.footer(window(ingest), scenario.name()), FleetPower.todayLabel(in.analysis()))
                : FleetPowerChart.chart(points(in.fleet()), footer);
        ChartFiles.write(power, run.resolve("charts"), "fleet-power");

        HtmlReport html = new HtmlReport();
        html.title(in.analysisSections() ? "greenpack report" : "greenpack consolidation");
        html.subtitle("Data " + in.dataDir().getFileName() + " \u00b7 " + ChartStyle.dataWindow(ingest.first(), ingest.last()));
        html.section("summary", "Summary");
        List<HtmlReport.KeyNumber> tiles = new ArrayList<>(keyNumbers(ingest, in.fleet(), in.apps(),
                in.analysis().modelledHosts() > 0));
        tiles.addAll(AnalysisSection.keyNumbers(in.analysis()));
        html.keyNumbers(tiles);
        fleetPowerSection(html, in, power);
        if (in.analysisSections() && ingest.hasUtilization()) {
            JFreeChart heat = FleetCharts.heatMap(in.utilizationByHour(), ChartStyle.footer(window(ingest), scenario.name()));
            html.image("CPU utilization by host and hour of day", AnalysisSection.png(heat, run.resolve("charts"),
                    "utilization-heatmap", ChartFiles.DEFAULT_WIDTH, UtilizationHeatMap.heightFor(heat)));
        }
        Map<String, Table> written = new LinkedHashMap<>();
        if (in.analysisSections()) {
            written.putAll(AnalysisOutputs.write(tables, run, in.analysis(), ingest.apps().byName(), html,
                    ChartStyle.footer(window(ingest), scenario.name()), in.notebookResults()));
        }
        written.putAll(PlanOutputs.write(tables, run, in.outcome(), in.analysis(), ingest.hosts().hosts(),
                scenario, html, ChartStyle.footer(window(ingest), scenario.name()), window(ingest), in.notebookResults(),
                owners(ingest)));
        IngestSection.add(html, ingest);
        html.footer(in.footer());
        html.write(run.resolve("index.html"));
        return written;
    }

    private static void fleetPowerSection(HtmlReport html, Input in, JFreeChart power) {
        html.section("fleet-power", "Fleet power");
        if (in.ingest().hasPower()) {
            html.paragraph("Measured power of all hosts, summed per " + in.ingest().intervalSeconds() / 60
                    + "-minute interval. Intervals in which a host was silent count without it (see Data quality).");
        } else {
            html.note("The data has no power readings (no power.* file): nothing here is measured energy. Each host's "
                    + "power is modelled from its utilization through a published power curve (its hosts.csv idle/max "
                    + "watts, else its model's targets.csv curve, else a default curve by cores) and marked modelled (no meter).");
        }
        html.image("Fleet power over time (kW), measured and after consolidation",
                ChartFiles.pngBytes(power, ChartFiles.DEFAULT_WIDTH, ChartFiles.DEFAULT_HEIGHT));
        if (in.outcome().planned()) {
            html.paragraph("The dashed line is the same fleet after consolidation (modelled): every host of the plan, "
                    + "kept or new, at the power its curve gives for its apps' mean load over the window, the basis of the "
                    + "savings figures; being a mean, it does not follow the daily swing of the measured line.");
        }
    }

    /** {@code modelled}: some hosts have no meter, so energy and power include modelled power. */
    private static List<HtmlReport.KeyNumber> keyNumbers(IngestResult ingest, Table fleet, long apps, boolean modelled) {
        Provenance today = modelled ? Provenance.MODELLED_NO_METER : Provenance.MEASURED;
        double kwh = FleetPower.kwh(fleet, ingest.intervalSeconds());
        double days = (ingest.last().getEpochSecond() - ingest.first().getEpochSecond()) / 86400.0;
        double meanKw = fleet.rowCount() == 0 ? 0 : fleet.doubleColumn("watts").mean() / 1000.0;
        return List.of(
                new HtmlReport.KeyNumber("hosts", String.valueOf(ingest.hosts().hosts().size()), "in hosts.csv", false),
                new HtmlReport.KeyNumber("applications", String.valueOf(apps), "seen in utilization samples", false),
                new HtmlReport.KeyNumber("IT energy", String.format(Locale.ROOT, "%,.0f kWh", kwh),
                        String.format(Locale.ROOT, "over %.1f days", days), today),
                new HtmlReport.KeyNumber("mean fleet power", String.format(Locale.ROOT, "%,.1f kW", meanKw),
                        today.label(), today),
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
