package io.greenpack.bench;

import io.greenpack.chart.ChartStyle;
import io.greenpack.chart.Palette;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.StandardXYItemLabelGenerator;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import java.text.DecimalFormat;
import java.util.List;

/**
 * The scale benchmark's chart: seconds of each stage (and of the whole run) against the number of
 * utilization rows, both axes logarithmic so that sizes a decade apart are equally readable and a
 * straight line's slope is the scaling exponent (slope 1 = linear in rows).
 */
public final class ScaleChart {
    public static final String TITLE = "greenpack report: wall time per stage against input size (s)";

    private ScaleChart() {
    }

    private static LogAxis logAxis(String label, double[] values, DecimalFormat format) {
        LogAxis a = new LogAxis(label);
        a.setBase(10);
        a.setSmallestValue(1e-6);
        a.setNumberFormatOverride(format);
        a.setTickUnit(new NumberTickUnit(1)); // one decade
        a.setMinorTickCount(10);
        a.setMinorTickMarksVisible(true);
        if (values.length > 0) {
            double min = java.util.Arrays.stream(values).min().getAsDouble();
            double max = java.util.Arrays.stream(values).max().getAsDouble();
            double lo = Math.floor(Math.log10(min / 1.5));
            double hi = Math.ceil(Math.log10(max * 1.5));
            a.setRange(Math.pow(10, lo), Math.pow(10, hi == lo ? hi + 1 : hi));
        }
        return a;
    }

    /** One line: a stage's seconds at each size (same order as the rows; NaN or ≤ 0 = not measured). */
    public record Line(String name, double[] seconds, boolean total) {
    }

    /**
     * @param rows   utilization rows per size
     * @param lines  the stages; a {@code total} line is drawn thicker and black
     * @param footer machine, load and date
     */
    public static JFreeChart chart(long[] rows, List<Line> lines, String footer) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Line l : lines) {
            XYSeries s = new XYSeries(l.name(), true, true);
            for (int i = 0; i < rows.length && i < l.seconds().length; i++) {
                if (rows[i] > 0 && l.seconds()[i] > 0 && Double.isFinite(l.seconds()[i])) {
                    s.add(rows[i] / 1e6, l.seconds()[i]);
                }
            }
            data.addSeries(s);
        }
        // Decade ticks (1, 10, 100 …) on ranges widened to whole decades: log axes with other tick
        // steps label odd values (0.63, 3.98 …).
        double[] ys = lines.stream().flatMapToDouble(l -> java.util.Arrays.stream(l.seconds()))
                .filter(v -> v > 0 && Double.isFinite(v)).toArray();
        double[] xs = java.util.Arrays.stream(rows).filter(v -> v > 0).mapToDouble(v -> v / 1e6).toArray();
        LogAxis x = logAxis("Utilization rows (millions, log scale)", xs, new DecimalFormat("#,##0.###"));
        LogAxis y = logAxis("Wall seconds (log scale)", ys, new DecimalFormat("#,##0.##"));
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        int colour = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).total()) {
                r.setSeriesPaint(i, Palette.BLACK);
                r.setSeriesStroke(i, new BasicStroke(5.0f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                r.setSeriesShape(i, new Ellipse2D.Double(-6, -6, 12, 12));
            } else {
                r.setSeriesPaint(i, Palette.series(colour++ % 6)); // the six colours before black
                r.setSeriesStroke(i, ChartStyle.LINE_STROKE);
                r.setSeriesShape(i, new Ellipse2D.Double(-4, -4, 8, 8));
            }
        }
        int total = -1;
        for (int i = 0; i < lines.size(); i++) {
            total = lines.get(i).total() ? i : total;
        }
        if (total >= 0) {
            // The whole run's seconds written next to its points.
            r.setSeriesItemLabelGenerator(total, new StandardXYItemLabelGenerator("{2} s", new DecimalFormat("#,##0"),
                    new DecimalFormat("#,##0")));
            r.setSeriesItemLabelsVisible(total, true);
            r.setSeriesItemLabelFont(total, ChartStyle.LABEL_FONT.deriveFont(java.awt.Font.BOLD));
        }
        org.jfree.chart.plot.XYPlot plot = new org.jfree.chart.plot.XYPlot(data, x, y, r);
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        return ChartStyle.apply(chart, new ChartStyle.ChartText(TITLE, x.getLabel(), y.getLabel(), footer));
    }
}
