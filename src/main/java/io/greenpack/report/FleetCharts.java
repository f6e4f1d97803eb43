package io.greenpack.report;

import io.greenpack.chart.FleetPowerChart;
import io.greenpack.chart.FleetPowerChart.PowerPoint;
import io.greenpack.chart.UtilizationHeatMap;
import io.greenpack.consolidate.ConsolidationOutcome;
import org.jfree.chart.JFreeChart;
import tech.tablesaw.api.Table;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Fleet-level charts that combine stages: power before/after over the window, and the heat map. */
public final class FleetCharts {
    private FleetCharts() {
    }

    /**
     * Measured fleet power, and after consolidation: hosts kept out of the plan at their measured
     * power ({@code keptWatts}, per interval end) plus the plan's hosts at the power their curves give
     * for their apps' mean load, the basis the savings are computed on (DESIGN §6).
     */
    public static JFreeChart beforeAfter(Table fleet, Map<Instant, Double> keptWatts, ConsolidationOutcome o, String footer,
                                         String todayLabel) {
        List<PowerPoint> before = new ArrayList<>();
        for (int i = 0; i < fleet.rowCount(); i++) {
            before.add(new PowerPoint(fleet.instantColumn("time").get(i), fleet.doubleColumn("watts").get(i),
                    fleet.intColumn("hosts").get(i)));
        }
        if (!o.planned()) {
            return FleetPowerChart.chart(List.of(new FleetPowerChart.Line(todayLabel, before, false)), null, footer);
        }
        double[] planWatts = o.savings().afterWattsByHour();
        List<PowerPoint> after = new ArrayList<>();
        for (PowerPoint p : before) {
            int hour = p.time().atOffset(ZoneOffset.UTC).getHour();
            after.add(new PowerPoint(p.time(), keptWatts.getOrDefault(p.time(), 0.0) + planWatts[hour]));
        }
        return FleetPowerChart.chart(List.of(
                new FleetPowerChart.Line(todayLabel, before, false),
                new FleetPowerChart.Line("after consolidation, at mean load", after, true)), null, footer);
    }

    /** Mean CPU utilization per host (in the map's order) and hour of day, 24 values a host. */
    public static JFreeChart heatMap(Map<String, double[]> utilizationByHour, String footer) {
        List<String> hosts = new ArrayList<>(utilizationByHour.keySet());
        double[][] values = new double[hosts.size()][];
        for (int i = 0; i < hosts.size(); i++) {
            values[i] = utilizationByHour.get(hosts.get(i));
        }
        return UtilizationHeatMap.chart(hosts, values, footer);
    }
}
