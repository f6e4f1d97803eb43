package io.greenpack.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.geom.Ellipse2D;
import java.text.DecimalFormat;
import java.util.Arrays;
import java.util.List;

/**
 * Utilization versus watts per hardware model: sampled measurements as faint dots and the fitted
 * power curve as a line in the same colour, so the eye can judge the fit.
 */
public final class PowerCurveChart {
    public static final String TITLE = "Power vs CPU load per model (W); curve dashed beyond measured load";

    private static final java.awt.BasicStroke DASHED = new java.awt.BasicStroke(3.0f, java.awt.BasicStroke.CAP_BUTT,
            java.awt.BasicStroke.JOIN_ROUND, 10f, new float[]{12f, 8f}, 0f);

    private PowerCurveChart() {
    }

    /**
     * @param utilization fractions in [0,1] (plotted as %)
     * @param curveWatts  the fitted curve at 0, 1, … 100 % (101 values)
     */
    public record ModelPoints(String model, String curveLabel, double[] utilization, double[] watts, double[] curveWatts) {
    }

    public static JFreeChart chart(List<ModelPoints> models, String footer) {
        XYSeriesCollection dots = new XYSeriesCollection();
        XYSeriesCollection curves = new XYSeriesCollection();
        XYSeriesCollection extrapolated = new XYSeriesCollection();
        for (ModelPoints m : models) {
            XYSeries s = new XYSeries(m.model() + " (measured)", false, true);
            for (int i = 0; i < m.utilization().length; i++) {
                s.add(100 * m.utilization()[i], m.watts()[i], false);
            }
            dots.addSeries(s);
            // Solid only where the meters saw load; the curve beyond it is an extrapolation, dashed.
            double lo = Arrays.stream(m.utilization()).min().orElse(Double.NaN) * 100;
            double hi = Arrays.stream(m.utilization()).max().orElse(Double.NaN) * 100;
            XYSeries c = new XYSeries(m.model() + " " + m.curveLabel() + " (modelled)", true, true);
            XYSeries beyond = new XYSeries(m.model() + " outside the measured load range", true, true);
            int n = m.curveWatts().length - 1;
            for (int i = 0; i <= n; i++) {
                double u = i * 100.0 / n;
                boolean inside = u >= Math.floor(lo) && u <= Math.ceil(hi);
                boolean edge = u == Math.floor(lo) || u == Math.ceil(hi);
                if (inside) {
                    c.add(u, m.curveWatts()[i], false);
                }
                beyond.add(u, !inside || edge ? m.curveWatts()[i] : Double.NaN, false);
            }
            curves.addSeries(c);
            extrapolated.addSeries(beyond);
        }
        NumberAxis x = new NumberAxis("CPU utilization (% of the host's cores)");
        x.setRange(0, 100);
        NumberAxis y = new NumberAxis("Power (W)");
        y.setAutoRangeIncludesZero(true);
        y.setNumberFormatOverride(new DecimalFormat("#,##0"));

        XYLineAndShapeRenderer dotRenderer = new XYLineAndShapeRenderer(false, true);
        XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
        XYLineAndShapeRenderer dashedRenderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < models.size(); i++) {
            dotRenderer.setSeriesPaint(i, Palette.translucent(Palette.series(i), 0.25));
            dotRenderer.setSeriesShape(i, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
            dotRenderer.setSeriesVisibleInLegend(i, false);
            lineRenderer.setSeriesPaint(i, Palette.series(i));
            lineRenderer.setSeriesStroke(i, ChartStyle.LINE_STROKE);
            dashedRenderer.setSeriesPaint(i, Palette.series(i));
            dashedRenderer.setSeriesStroke(i, DASHED);
            dashedRenderer.setSeriesVisibleInLegend(i, false);
        }
        XYPlot plot = new XYPlot(curves, x, y, lineRenderer);
        plot.setDataset(1, dots);
        plot.setRenderer(1, dotRenderer);
        plot.setDataset(2, extrapolated);
        plot.setRenderer(2, dashedRenderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD); // lines over dots
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        return ChartStyle.apply(chart, new ChartStyle.ChartText(TITLE, x.getLabel(), y.getLabel(), footer));
    }
}
