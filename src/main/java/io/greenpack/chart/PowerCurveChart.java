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
import java.util.List;

/**
 * Utilization versus watts per hardware model: sampled measurements as faint dots and the fitted
 * power curve as a line in the same colour, so the eye can judge the fit.
 */
public final class PowerCurveChart {
    public static final String TITLE = "Power versus CPU utilization per hardware model (W)";

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
        for (ModelPoints m : models) {
            XYSeries s = new XYSeries(m.model() + " (measured)", false, true);
            for (int i = 0; i < m.utilization().length; i++) {
                s.add(100 * m.utilization()[i], m.watts()[i], false);
            }
            dots.addSeries(s);
            XYSeries c = new XYSeries(m.model() + " " + m.curveLabel() + " (modelled)", true, true);
            for (int i = 0; i < m.curveWatts().length; i++) {
                c.add(i * 100.0 / (m.curveWatts().length - 1), m.curveWatts()[i], false);
            }
            curves.addSeries(c);
        }
        NumberAxis x = new NumberAxis("CPU utilization (% of the host's cores)");
        x.setRange(0, 100);
        NumberAxis y = new NumberAxis("Power (W)");
        y.setAutoRangeIncludesZero(true);
        y.setNumberFormatOverride(new DecimalFormat("#,##0"));

        XYLineAndShapeRenderer dotRenderer = new XYLineAndShapeRenderer(false, true);
        XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < models.size(); i++) {
            dotRenderer.setSeriesPaint(i, Palette.translucent(Palette.series(i), 0.25));
            dotRenderer.setSeriesShape(i, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
            dotRenderer.setSeriesVisibleInLegend(i, false);
            lineRenderer.setSeriesPaint(i, Palette.series(i));
            lineRenderer.setSeriesStroke(i, ChartStyle.LINE_STROKE);
        }
        XYPlot plot = new XYPlot(curves, x, y, lineRenderer);
        plot.setDataset(1, dots);
        plot.setRenderer(1, dotRenderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD); // lines over dots
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        return ChartStyle.apply(chart, new ChartStyle.ChartText(TITLE, x.getLabel(), y.getLabel(), footer));
    }
}
