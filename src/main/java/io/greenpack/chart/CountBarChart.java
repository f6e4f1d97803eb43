package io.greenpack.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Horizontal bars from a map of labels to values, largest on top: the class mix (apps per
 * workload class) and the top consumers (energy per host or app). Bars rather than a pie: lengths
 * compare more accurately than angles, and labels fit without leader lines.
 */
public final class CountBarChart {
    private CountBarChart() {
    }

    /** Apps per workload class; a class with 0 apps is still shown (that it is empty is information). */
    public static JFreeChart classMix(Map<String, Integer> appsPerClass, String footer) {
        Map<String, Double> values = new LinkedHashMap<>();
        appsPerClass.forEach((k, v) -> values.put(k, v.doubleValue()));
        return chart("Workload classes (number of apps)", "Apps", values, Integer.MAX_VALUE, "#,##0", footer);
    }

    /** The {@code top} largest consumers, kWh per year shown in MWh/year. */
    public static JFreeChart topConsumers(Map<String, Double> kwhPerYear, int top, String footer) {
        Map<String, Double> mwh = new LinkedHashMap<>();
        kwhPerYear.forEach((k, v) -> mwh.put(k, v / 1000));
        // "top N of M": the chart shows a subset and says so. "1.0", not "1" beside "1.1".
        String title = mwh.size() > top ? "Top " + top + " of " + mwh.size() + " consumers (MWh/year)" : "Consumers (MWh/year)";
        return chart(title, "Energy (MWh/year)", mwh, top, "#,##0.0", footer);
    }

    /** Largest first, ties by label; at most {@code top} rows. */
    public static DefaultCategoryDataset dataset(Map<String, Double> values, int top) {
        List<Map.Entry<String, Double>> rows = new ArrayList<>(values.entrySet());
        rows.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        for (Map.Entry<String, Double> e : rows.subList(0, Math.min(top, rows.size()))) {
            d.addValue(e.getValue(), "value", e.getKey());
        }
        return d;
    }

    static JFreeChart chart(String title, String valueLabel, Map<String, Double> values, int top, String format,
                            String footer) {
        NumberAxis axis = new NumberAxis(valueLabel);
        axis.setUpperMargin(0.15);
        axis.setNumberFormatOverride(new DecimalFormat(format));
        if (format.equals("#,##0")) {
            axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        BarRenderer r = Bars.flat(format);
        r.setSeriesPaint(0, Palette.series(0));
        r.setMaximumBarWidth(0.6);
        Bars.labelsAtEnd(r);
        CategoryPlot plot = new CategoryPlot(dataset(values, top), new CategoryAxis(), axis, r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_RIGHT);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        ChartStyle.apply(chart, new ChartStyle.ChartText(title, "", valueLabel, footer));
        plot.getDomainAxis().setMaximumCategoryLabelLines(1);
        plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(0.35f);
        return chart;
    }
}
