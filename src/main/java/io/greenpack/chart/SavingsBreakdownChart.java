package io.greenpack.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

import java.text.DecimalFormat;
import java.util.List;
import java.util.Objects;

/**
 * Before vs after, three ways: energy (MWh/year) → money (currency/year) → CO2e (t/year), one
 * panel each side by side with its own axis (the units differ), today's bar in the "before"
 * colour and the plan's in the "after" colour. Every bar carries its value.
 */
public final class SavingsBreakdownChart {
    private SavingsBreakdownChart() {
    }

    public static final String TODAY = "today (measured)";
    public static final String AFTER = "after (modelled)";

    /** The numbers, per year: facility energy in kWh, money in {@code currency}, CO2e in kg. */
    public record Breakdown(double kwhBefore, double kwhAfter, double moneyBefore, double moneyAfter,
                            double co2eKgBefore, double co2eKgAfter, String currency) {
        public Breakdown {
            Objects.requireNonNull(currency, "currency");
        }
    }

    /** One dataset per panel: one series, categories today/after. */
    public static List<DefaultCategoryDataset> datasets(Breakdown b) {
        return List.of(pair("energy", b.kwhBefore() / 1000, b.kwhAfter() / 1000),
                pair("money", b.moneyBefore(), b.moneyAfter()),
                pair("co2e", b.co2eKgBefore() / 1000, b.co2eKgAfter() / 1000));
    }

    private static DefaultCategoryDataset pair(String series, double before, double after) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        d.addValue(before, series, TODAY);
        d.addValue(after, series, AFTER);
        return d;
    }

    /**
     * Value label formats of the three panels (energy, money, CO2e): money in whole units, MWh and
     * tonnes with one decimal on both bars (7,369.3 beside 4,238 read badly).
     */
    static final String[] LABEL_FORMATS = {"#,##0.0", "#,##0", "#,##0.0"};

    public static JFreeChart chart(Breakdown b, String footer) {
        String title = "Savings per year (MWh, " + b.currency() + ", t CO2e)";
        List<DefaultCategoryDataset> data = datasets(b);
        String[] axes = {"Facility energy (MWh/year)", "Energy cost (" + b.currency() + "/year)", "CO2e (t/year)"};
        CategoryAxis categories = new CategoryAxis();
        CombinedDomainCategoryPlot plot = new CombinedDomainCategoryPlot(categories);
        plot.setGap(40);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        for (int i = 0; i < 3; i++) {
            NumberAxis axis = new NumberAxis(axes[i]);
            axis.setAutoRangeIncludesZero(true);
            // Room for the value labels: a five-digit label needs about a third of a panel beyond its bar.
            axis.setUpperMargin(0.45);
            axis.setNumberFormatOverride(new DecimalFormat("#,##0.#"));
            var bars = Bars.byColumn(List.of(Palette.BEFORE, Palette.AFTER), LABEL_FORMATS[i]);
            Bars.labelsAtEnd(bars);
            CategoryPlot sub = new CategoryPlot(data.get(i), null, axis, bars);
            sub.setOrientation(PlotOrientation.HORIZONTAL);
            sub.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_RIGHT);
            ChartStyle.styleSubplot(sub, "", axes[i]);
            plot.add(sub, 1);
        }
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        ChartStyle.apply(chart, new ChartStyle.ChartText(title, "", "", footer));
        categories.setLabel(null);
        // The shared category axis belongs to the combined plot, which the style does not reach.
        categories.setTickLabelFont(ChartStyle.AXIS_LABEL_FONT);
        categories.setTickLabelPaint(Palette.TEXT);
        categories.setAxisLinePaint(Palette.MUTED_TEXT);
        return chart;
    }
}
