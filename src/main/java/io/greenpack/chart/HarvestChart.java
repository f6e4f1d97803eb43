package io.greenpack.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.geom.Ellipse2D;
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

    public static JFreeChart chart(double[] freeCores, double[] freeMemGb, String footer) {
        NumberAxis hour = new NumberAxis("Hour of day (UTC)");
        hour.setRange(-0.6, 23.6);
        hour.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis coresAxis = new NumberAxis("Free cores");
        coresAxis.setAutoRangeIncludesZero(true);
        coresAxis.setNumberFormatOverride(new DecimalFormat("#,##0"));
        XYBarRenderer bars = new XYBarRenderer(0.25);
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, Palette.series(0));
        XYPlot plot = new XYPlot(cores(freeCores), hour, coresAxis, bars);

        NumberAxis memAxis = new NumberAxis("Free memory (GB)");
        memAxis.setAutoRangeIncludesZero(true);
        memAxis.setNumberFormatOverride(new DecimalFormat("#,##0"));
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, true);
        line.setSeriesPaint(0, Palette.series(1));
        line.setSeriesStroke(0, ChartStyle.LINE_STROKE);
        line.setSeriesShape(0, new Ellipse2D.Double(-5, -5, 10, 10));
        plot.setRangeAxis(1, memAxis);
        plot.setRangeAxisLocation(1, AxisLocation.BOTTOM_OR_RIGHT);
        plot.setDataset(1, memory(freeMemGb));
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, line);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        JFreeChart chart = new JFreeChart(TITLE, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.apply(chart, new ChartStyle.ChartText(TITLE, "Hour of day (UTC)", "Free cores", footer));
        memAxis.setLabel("Free memory (GB)");
        return chart;
    }
}
