package io.greenpack.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.Color;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.text.DecimalFormat;
import java.util.List;
import java.util.Map;

/**
 * Charts of a what-if run: a figure against one swept parameter (one line per combination of the
 * other swept parameters), and every point side by side (bars, the baseline in its own colour).
 * Category axes, so a swept list of target models works as well as a number.
 */
public final class WhatIfCharts {
    private WhatIfCharts() {
    }

    /** Colour of the baseline's bars; the other points are {@link Palette#AFTER} (modelled). */
    public static final Color BASELINE = Palette.REDDISH_PURPLE;

    /**
     * {@code series}: line name (e.g. "pue=1.4", or "all points") → parameter value → figure, in
     * the order given. {@code title} states the unit.
     */
    public static JFreeChart sweep(String title, String parameter, String valueLabel,
                                   Map<String, Map<String, Double>> series, String footer) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        series.forEach((name, values) -> values.forEach((x, y) -> data.addValue(y, name, x)));
        CategoryAxis x = new CategoryAxis(parameter);
        NumberAxis y = new NumberAxis(valueLabel);
        y.setAutoRangeIncludesZero(true);
        y.setNumberFormatOverride(new DecimalFormat("#,##0.##"));
        boolean counts = series.values().stream().flatMap(m -> m.values().stream())
                .allMatch(v -> v == null || v == Math.rint(v));
        if (counts) {
            y.setStandardTickUnits(NumberAxis.createIntegerTickUnits()); // host counts: no 3.4 hosts on the axis
        }
        LineAndShapeRenderer r = new LineAndShapeRenderer(true, true);
        for (int i = 0; i < series.size(); i++) {
            r.setSeriesPaint(i, Palette.series(i));
            r.setSeriesStroke(i, ChartStyle.LINE_STROKE);
            r.setSeriesShape(i, new Ellipse2D.Double(-6, -6, 12, 12));
        }
        r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat("#,##0")));
        r.setDefaultItemLabelsVisible(series.size() <= 2);
        r.setDefaultItemLabelFont(ChartStyle.TICK_FONT);
        CategoryPlot plot = new CategoryPlot(data, x, y, r);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, series.size() > 1);
        return ChartStyle.apply(chart, new ChartStyle.ChartText(title, parameter, valueLabel, footer));
    }

    /** One bar per point with a value, in order; bar {@code baseline} in {@link #BASELINE}. */
    public record Panel(String axisLabel, List<Double> values, String format) {
    }

    /**
     * Points side by side: one row per point, one panel per figure (e.g. money saved per year,
     * hosts after), the baseline's bars in purple and the others in the modelled colour, values at the bar ends.
     */
    public static JFreeChart sideBySide(String title, List<String> points, int baseline, List<Panel> panels, String footer) {
        CategoryAxis categories = new CategoryAxis();
        CombinedDomainCategoryPlot plot = new CombinedDomainCategoryPlot(categories);
        plot.setGap(40);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        for (Panel p : panels) {
            DefaultCategoryDataset data = new DefaultCategoryDataset();
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; i < points.size(); i++) {
                String key = points.get(i);
                while (!seen.add(key)) {
                    key = key + "\u200b";
                }
                double v = p.values().get(i);
                data.addValue(Double.isFinite(v) ? v : null, p.axisLabel(), key);
            }
            NumberAxis axis = new NumberAxis(p.axisLabel());
            axis.setAutoRangeIncludesZero(true);
            axis.setUpperMargin(0.2);
            axis.setLowerMargin(0.2);
            axis.setNumberFormatOverride(new DecimalFormat("#,##0.#"));
            if (p.format().equals("#,##0")) {
                axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            }
            BarRenderer bars = new BarRenderer() {
                @Override
                public Paint getItemPaint(int row, int column) {
                    return column == baseline ? BASELINE : Palette.AFTER;
                }
            };
            bars.setMaximumBarWidth(0.7);
            bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat(p.format())));
            bars.setDefaultItemLabelsVisible(true);
            bars.setDefaultItemLabelFont(ChartStyle.TICK_FONT);
            bars.setDefaultItemLabelPaint(Palette.TEXT);
            Bars.labelsAtEnd(bars);
            bars.setDefaultNegativeItemLabelPosition(new org.jfree.chart.labels.ItemLabelPosition(
                    org.jfree.chart.labels.ItemLabelAnchor.OUTSIDE9, org.jfree.chart.ui.TextAnchor.CENTER_RIGHT));
            CategoryPlot sub = new CategoryPlot(data, null, axis, bars);
            sub.setOrientation(PlotOrientation.HORIZONTAL);
            sub.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
            ChartStyle.styleSubplot(sub, "", p.axisLabel());
            plot.add(sub, 1);
        }
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        ChartStyle.apply(chart, new ChartStyle.ChartText(title, "", "", footer));
        categories.setLabel(null);
        categories.setTickLabelFont(points.size() > 12 ? ChartStyle.TICK_FONT : ChartStyle.AXIS_LABEL_FONT);
        categories.setTickLabelPaint(Palette.TEXT);
        categories.setAxisLinePaint(Palette.MUTED_TEXT);
        categories.setMaximumCategoryLabelWidthRatio(0.35f);
        categories.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        return chart;
    }

    /** One what-if point on the trade-off chart: money saved per year against replayed contention (0..1). */
    public record TradeOff(String name, double savedPerYear, double contentionShare, boolean baseline) {
    }

    /**
     * Money saved per year against the replayed contention risk, one labelled dot per point: the
     * knee is where more savings start to cost much more contention. Points without a plan or a
     * replay are left out.
     */
    public static JFreeChart tradeOff(List<TradeOff> points, String currency, String footer) {
        org.jfree.data.xy.XYSeries others = new org.jfree.data.xy.XYSeries("what-if points", false, true);
        org.jfree.data.xy.XYSeries base = new org.jfree.data.xy.XYSeries("baseline", false, true);
        List<TradeOff> shown = points.stream().filter(p -> Double.isFinite(p.savedPerYear())
                && Double.isFinite(p.contentionShare())).toList();
        for (TradeOff p : shown) {
            (p.baseline() ? base : others).add(100 * p.contentionShare(), p.savedPerYear());
        }
        org.jfree.data.xy.XYSeriesCollection data = new org.jfree.data.xy.XYSeriesCollection();
        data.addSeries(others);
        data.addSeries(base);
        NumberAxis x = new NumberAxis("Contention risk (% of host-intervals over capacity, replayed)");
        // From 0 to at least 1 %: with no contention the axis must not zoom into rounding noise.
        double most = shown.stream().mapToDouble(p -> 100 * p.contentionShare()).max().orElse(0);
        double upper = Math.max(1, most * 1.25);
        x.setRange(0, upper);
        // About five ticks at a round step: the automatic choice printed "0 0 0.1 0.1 …" over each other.
        x.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(roundStep(upper / 5)));
        x.setNumberFormatOverride(new DecimalFormat("0.##"));
        NumberAxis y = new NumberAxis("Saved per year (" + currency + ")");
        y.setAutoRangeIncludesZero(true);
        y.setUpperMargin(0.15);
        y.setNumberFormatOverride(new DecimalFormat("#,##0"));
        org.jfree.chart.renderer.xy.XYLineAndShapeRenderer r = new org.jfree.chart.renderer.xy.XYLineAndShapeRenderer(false, true);
        r.setSeriesPaint(0, Palette.AFTER);
        r.setSeriesPaint(1, BASELINE);
        r.setSeriesShape(0, new Ellipse2D.Double(-9, -9, 18, 18));
        r.setSeriesShape(1, new Ellipse2D.Double(-11, -11, 22, 22));
        org.jfree.chart.plot.XYPlot plot = new org.jfree.chart.plot.XYPlot(data, x, y, r);
        // The baseline is drawn last, so a point with the same figures does not hide it.
        plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD);
        // Points at the same place share one label, names joined, instead of overprinting.
        Map<java.util.List<Long>, java.util.List<TradeOff>> byPlace = new java.util.LinkedHashMap<>();
        for (TradeOff p : shown) {
            byPlace.computeIfAbsent(java.util.List.of(Math.round(p.contentionShare() * 1e4), Math.round(p.savedPerYear())),
                    k -> new java.util.ArrayList<>()).add(p);
        }
        List<java.util.List<TradeOff>> groups = new java.util.ArrayList<>(byPlace.values());
        double[] xs = groups.stream().mapToDouble(g -> 100 * g.get(0).contentionShare()).toArray();
        double[] ys = groups.stream().mapToDouble(g -> g.get(0).savedPerYear()).toArray();
        double low = Math.min(0, java.util.Arrays.stream(ys).min().orElse(0));
        double high = Math.max(0, java.util.Arrays.stream(ys).max().orElse(0));
        // A label is about 1/22 of the plot's height; nearby labels are moved down until they clear.
        double[] labelYs = spreadLabels(xs, ys, upper / 4, Math.max(1, (high - low) * 1.2) / 22);
        for (int i = 0; i < groups.size(); i++) {
            String names = String.join(", ", groups.get(i).stream().map(TradeOff::name).toList());
            var label = new org.jfree.chart.annotations.XYTextAnnotation("  " + names, xs[i], labelYs[i]);
            label.setFont(ChartStyle.LABEL_FONT);
            label.setPaint(Palette.TEXT);
            label.setTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_LEFT);
            plot.addAnnotation(label);
        }
        String title = "Savings against contention risk per what-if point (" + currency + "/year, %)";
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        return ChartStyle.apply(chart, new ChartStyle.ChartText(title, x.getLabel(), y.getLabel(), footer));
    }

    /**
     * Label heights for dots at (x, y): from the highest dot down, a label within {@code nearX} of an
     * already placed one and less than {@code gap} below it moves down to {@code gap} under it, so
     * no two labels print over each other. Returns the label y per dot, in the input's order.
     */
    static double[] spreadLabels(double[] x, double[] y, double nearX, double gap) {
        Integer[] order = new Integer[y.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(y[b], y[a]));
        double[] out = y.clone();
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            boolean moved = true;
            while (moved) {
                moved = false;
                for (int j = 0; j < k; j++) {
                    int placed = order[j];
                    // Only ever down, and only when that is a real move: (a − gap) − a can round to a
                    // hair under gap, and "moving" to the same place again looped for ever.
                    double below = out[placed] - gap;
                    if (Math.abs(x[i] - x[placed]) < nearX && Math.abs(out[i] - out[placed]) < gap && below < out[i]) {
                        out[i] = below;
                        moved = true;
                    }
                }
            }
        }
        return out;
    }

    /** The smallest of 1, 2 or 5 × a power of ten that is at least {@code step}. */
    static double roundStep(double step) {
        double power = Math.pow(10, Math.floor(Math.log10(step)));
        for (double m : new double[]{1, 2, 5, 10}) {
            if (m * power >= step) {
                return m * power;
            }
        }
        return 10 * power;
    }
}
