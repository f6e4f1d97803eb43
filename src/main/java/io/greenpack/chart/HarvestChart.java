package io.greenpack.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.text.DecimalFormat;

/**
 * Capacity that could be harvested for batch work instead of switched off, by hour of day: free
 * cores as bars (left axis) and free memory as a line (right axis), both after headroom and the
 * batch VM's hypervisor overhead. Modelled, and the title says so.
 */
public final class HarvestChart {
    private HarvestChart() {
    }

    public static final String TITLE = "Harvestable capacity by hour of day (cores, GB; modelled)";

    public static XYSeriesCollection cores(double[] freeCores) {
        return series("free cores", freeCores);
    }

    public static XYSeriesCollection memory(double[] freeMemGb) {
        return series("free memory (GB)", freeMemGb);
    }

    private static XYSeriesCollection series(String key, double[] values) {
        if (values.length != 24) {
            throw new IllegalArgumentException(key + ": 24 hourly values needed, got " + values.length);
        }
        XYSeries s = new XYSeries(key);
        for (int h = 0; h < 24; h++) {
            s.add(h, values[h]);
        }
        return new XYSeriesCollection(s);
    }

    /**
     * Two panels over the same hours, free cores above and free memory below, each with its own
     * axis and unit: no second y-axis that would make cores and gigabytes look comparable.
     */
    public static JFreeChart chart(double[] freeCores, double[] freeMemGb, String footer) {
        NumberAxis hour = new NumberAxis("Hour of day (UTC)");
        hour.setRange(-0.6, 23.6);
        hour.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        org.jfree.chart.plot.CombinedDomainXYPlot plot = new org.jfree.chart.plot.CombinedDomainXYPlot(hour);
        plot.setGap(30);
        plot.add(panel(cores(freeCores), "Free cores"), 1);
        plot.add(panel(memory(freeMemGb), "Free memory (GB)"), 1);
        JFreeChart chart = new JFreeChart(TITLE, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        ChartStyle.apply(chart, new ChartStyle.ChartText(TITLE, "Hour of day (UTC)", "", footer));
        hour.setLabelFont(ChartStyle.AXIS_LABEL_FONT);
        hour.setTickLabelFont(ChartStyle.TICK_FONT);
        return chart;
    }

    private static XYPlot panel(XYSeriesCollection data, String unit) {
        NumberAxis axis = new NumberAxis(unit);
        axis.setAutoRangeIncludesZero(true);
        axis.setNumberFormatOverride(new DecimalFormat("#,##0"));
        XYBarRenderer bars = new XYBarRenderer(0.25);
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, Palette.MODELLED);
        XYPlot p = new XYPlot(data, null, axis, bars);
        ChartStyle.styleSubplot(p, "", unit);
        bars.setSeriesPaint(0, Palette.MODELLED); // free capacity after the plan: modelled
        return p;
    }
}
