package io.greenpack.report;

import io.greenpack.chart.FleetPowerChart;
import io.greenpack.chart.FleetPowerChart.PowerPoint;
import io.greenpack.chart.UtilizationHeatMap;
import io.greenpack.consolidate.ConsolidationOutcome;
import io.greenpack.correlate.AnalysisResult;
import io.greenpack.ingest.IngestResult;
import org.apache.spark.sql.Row;
import org.jfree.chart.JFreeChart;
import tech.tablesaw.api.Table;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.hour;
import static org.apache.spark.sql.functions.sum;

/** Fleet-level charts that combine stages: power before/after over the window, and the heat map. */
public final class FleetCharts {
    private FleetCharts() {
    }

    /**
     * Measured fleet power, and after consolidation: hosts kept as they are at their measured power
     * plus the plan's hosts at their modelled power for that hour of day (DESIGN §6).
     */
    public static JFreeChart beforeAfter(IngestResult ingest, Table fleet, ConsolidationOutcome o, String footer) {
        List<PowerPoint> before = new ArrayList<>();
        for (int i = 0; i < fleet.rowCount(); i++) {
            before.add(new PowerPoint(fleet.instantColumn("time").get(i), fleet.doubleColumn("watts").get(i),
                    fleet.intColumn("hosts").get(i)));
        }
        if (!o.planned()) {
            return FleetPowerChart.chart(before, footer);
        }
        Map<java.time.Instant, Double> kept = new HashMap<>();
        if (!o.keptHosts().isEmpty()) {
            for (Row r : ingest.power().filter(col("host").isin(o.keptHosts().toArray()))
                    .groupBy("ts").agg(sum("watts")).collectAsList()) {
                kept.put(r.getTimestamp(0).toInstant(), r.getDouble(1));
            }
        }
        double[] planWatts = o.savings().afterWattsByHour();
        List<PowerPoint> after = new ArrayList<>();
        for (PowerPoint p : before) {
            int hour = p.time().atOffset(ZoneOffset.UTC).getHour();
            after.add(new PowerPoint(p.time(), kept.getOrDefault(p.time(), 0.0) + planWatts[hour]));
        }
        return FleetPowerChart.chart(List.of(
                new FleetPowerChart.Line("today (measured)", before, false),
                new FleetPowerChart.Line("after consolidation", after, true)), null, footer);
    }

    /** Mean CPU utilization per host and hour of day (UTC), from the analysis' host intervals. */
    public static JFreeChart heatMap(AnalysisResult a, String footer) {
        Map<String, double[]> byHost = new TreeMap<>();
        for (Row r : a.datasets().hostIntervals().filter(col("u").isNotNull())
                .groupBy(col("host"), hour(col("ts")).as("h")).agg(avg("u")).collectAsList()) {
            double[] row = byHost.computeIfAbsent(r.getString(0), k -> {
                double[] d = new double[24];
                java.util.Arrays.fill(d, Double.NaN);
                return d;
            });
            row[r.getInt(1)] = Math.max(0, Math.min(1, r.getDouble(2)));
        }
        List<String> hosts = new ArrayList<>(byHost.keySet());
        double[][] values = new double[hosts.size()][];
        for (int i = 0; i < hosts.size(); i++) {
            values[i] = byHost.get(hosts.get(i));
        }
        return UtilizationHeatMap.chart(hosts, values, footer);
    }
}
