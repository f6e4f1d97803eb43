package io.greenpack.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Font;
import java.text.DecimalFormat;
import java.util.Objects;

/**
 * Payback over the horizon: cumulative money saved month by month (a straight line: savings are
 * per year, spread evenly) against the hardware cost (flat), with the break-even month marked
 * where the two meet — or a note that it is not reached within the horizon.
 */
public final class PaybackChart {
    private PaybackChart() {
    }

    public record Payback(double hardwareCost, double moneySavedPerYear, double horizonYears, String currency) {
        public Payback {
            Objects.requireNonNull(currency, "currency");
            if (!(horizonYears > 0)) {
                throw new IllegalArgumentException("horizon must be > 0 years, got " + horizonYears);
            }
        }

        /** Break-even month, or NaN when savings never cover the cost. */
        public double breakEvenMonths() {
            if (hardwareCost <= 0) {
                return 0;
            }
            return moneySavedPerYear > 0 ? hardwareCost / (moneySavedPerYear / 12) : Double.NaN;
        }
    }

    public static XYSeriesCollection dataset(Payback p) {
        XYSeries saved = new XYSeries("cumulative savings (modelled)");
        XYSeries cost = new XYSeries("hardware cost");
        int months = (int) Math.ceil(p.horizonYears() * 12);
        for (int m = 0; m <= months; m++) {
            saved.add(m, p.moneySavedPerYear() / 12 * m);
            cost.add(m, p.hardwareCost());
        }
        XYSeriesCollection d = new XYSeriesCollection();
        d.addSeries(saved);
        d.addSeries(cost);
        return d;
    }

    public static JFreeChart chart(Payback p, String footer) {
        String title = "Payback over " + new DecimalFormat("0.#").format(p.horizonYears()) + " years (" + p.currency() + ")";
        NumberAxis x = new NumberAxis("Months from switch-over");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setLowerMargin(0);
        x.setUpperMargin(0);
        NumberAxis y = new NumberAxis(p.currency());
        y.setAutoRangeIncludesZero(true);
        y.setNumberFormatOverride(new DecimalFormat("#,##0"));
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesPaint(0, Palette.AFTER);
        r.setSeriesStroke(0, new BasicStroke(3.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                new float[]{12f, 8f}, 0f)); // modelled: dashed, as in every chart
        r.setSeriesPaint(1, Palette.TEXT); // a price, neither metered nor modelled
        r.setSeriesStroke(1, ChartStyle.LINE_STROKE);
        XYPlot plot = new XYPlot(dataset(p), x, y, r);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.apply(chart, new ChartStyle.ChartText(title, "Months from switch-over",
                "Money (" + p.currency() + ")", footer));

        double be = p.breakEvenMonths();
        Font font = ChartStyle.LABEL_FONT.deriveFont(Font.BOLD);
        if (Double.isFinite(be) && be <= p.horizonYears() * 12) {
            ValueMarker m = new ValueMarker(be, Palette.TEXT, new BasicStroke(2f));
            m.setLabel("break-even after " + new DecimalFormat("0.#").format(be) + " months");
            m.setLabelFont(font);
            m.setLabelBackgroundColor(Palette.BACKGROUND);
            m.setLabelPaint(Palette.TEXT);
            boolean right = be < p.horizonYears() * 12 * 0.6;
            m.setLabelAnchor(right ? RectangleAnchor.TOP_RIGHT : RectangleAnchor.TOP_LEFT);
            m.setLabelTextAnchor(right ? TextAnchor.TOP_LEFT : TextAnchor.TOP_RIGHT);
            m.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(10, 10, 10, 10));
            plot.addDomainMarker(m, Layer.FOREGROUND);
        } else {
            plot.addAnnotation(note(p, be, font));
        }
        return chart;
    }

    private static org.jfree.chart.annotations.XYTitleAnnotation note(Payback p, double be, Font font) {
        String text = Double.isNaN(be) ? "no break-even: nothing is saved"
                : "no break-even within " + new DecimalFormat("0.#").format(p.horizonYears()) + " years ("
                + new DecimalFormat("#,##0").format(be) + " months)";
        org.jfree.chart.title.TextTitle t = new org.jfree.chart.title.TextTitle(text, font);
        t.setPaint(Palette.TEXT);
        return new org.jfree.chart.annotations.XYTitleAnnotation(0.02, 0.75, t, RectangleAnchor.TOP_LEFT);
    }
}
