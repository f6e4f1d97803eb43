package io.greenpack.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.Color;
import java.text.DecimalFormat;
import java.util.List;

/**
 * Horizontal bars, largest first: "which applications use the most energy", "where is idle
 * waste". Labels are drawn as text (never markup), so any host or app name is safe.
 */
public final class BarChart {
    private BarChart() {
    }

    /** One bar; a {@code highlighted} bar (e.g. a comatose host) is drawn in {@link #HIGHLIGHT}. */
    public record Bar(String label, double value, boolean highlighted) {
        public Bar(String label, double value) {
            this(label, value, false);
        }
    }

    /** Colour of highlighted bars: dark red, apart from the measured and modelled colours. */
    public static final Color HIGHLIGHT = new Color(0xA4161A);

    /** {@code title} states its unit, e.g. "Energy by application (kWh)"; bars in the given order. */
    public static JFreeChart horizontal(String title, String valueAxisLabel, List<Bar> bars, Color color, String footer) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Bar b : bars) {
            // Category keys must be unique: a repeated label gets an invisible suffix.
            String key = shorten(b.label());
            while (!seen.add(key)) {
                key = key + "\u200b";
            }
            data.addValue(b.value(), "value", key);
        }
        CategoryAxis cat = new CategoryAxis("");
        NumberAxis val = new NumberAxis(valueAxisLabel);
        val.setNumberFormatOverride(new DecimalFormat("#,##0.##"));
        List<Bar> order = List.copyOf(bars);
        BarRenderer r = new BarRenderer() {
            @Override
            public java.awt.Paint getItemPaint(int row, int column) {
                return order.get(column).highlighted() ? HIGHLIGHT : color;
            }
        };
        r.setSeriesPaint(0, color);
        r.setMaximumBarWidth(0.08);
        CategoryPlot plot = new CategoryPlot(data, cat, val, r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        JFreeChart styled = ChartStyle.apply(chart, new ChartStyle.ChartText(title, "", valueAxisLabel, footer));
        // One line per bar (after the style, which allows two): a wrapped second line ran into the next bar's label.
        cat.setMaximumCategoryLabelLines(1);
        // Room for a shortened label in full: JFreeChart otherwise cut it a second time at its end
        // ("planetl…" beside "planetlab1_cs_uml_ed…" for names of 40 characters).
        cat.setMaximumCategoryLabelWidthRatio(0.45f);
        return styled;
    }

    /** Labels longer than {@value #MAX_LABEL} characters keep their start and end, joined by an ellipsis. */
    static String shorten(String label) {
        return shorten(label, MAX_LABEL);
    }

    /** {@code label} in at most {@code max} characters: its start and end joined by an ellipsis. */
    static String shorten(String label, int max) {
        if (label.length() <= max) {
            return label;
        }
        int head = (max - 1) * 3 / 5;
        int tail = max - 1 - head;
        return label.substring(0, head) + "\u2026" + label.substring(label.length() - tail);
    }

    /** Longest bar label drawn in full: 40 characters fit in a fifth of a slide's width at the chart font. */
    static final int MAX_LABEL = 40;
}
