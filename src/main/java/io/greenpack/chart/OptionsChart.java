package io.greenpack.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.Color;
import java.text.DecimalFormat;
import java.util.List;
import java.util.Objects;

/**
 * The options side by side in one unit: money saved over the horizon against the hardware each
 * option buys. An option whose hardware bar is longer than its savings bar does not pay back within
 * the horizon. One axis, one currency: no second scale that would make two series look equal.
 */
public final class OptionsChart {
    private OptionsChart() {
    }

    /** One option; {@code savedOverHorizon} = money saved per year × horizon (modelled). */
    public record Option(String name, double savedOverHorizon, double capex) {
        public Option {
            Objects.requireNonNull(name, "name");
        }
    }

    public static String savedSeries(double horizonYears) {
        return "saved over " + new DecimalFormat("#,##0.#").format(horizonYears) + " years (modelled)";
    }

    public static final String CAPEX_SERIES = "hardware to buy";

    public static DefaultCategoryDataset dataset(List<Option> options, double horizonYears) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        for (Option o : options) {
            d.addValue(o.savedOverHorizon(), savedSeries(horizonYears), o.name());
            d.addValue(o.capex(), CAPEX_SERIES, o.name());
        }
        return d;
    }

    public static JFreeChart chart(List<Option> options, double horizonYears, String currency, String footer) {
        String title = "Options: money saved over " + new DecimalFormat("#,##0.#").format(horizonYears)
                + " years against hardware cost (" + currency + ")";
        NumberAxis value = new NumberAxis(currency);
        value.setAutoRangeIncludesZero(true);
        value.setUpperMargin(0.2); // room for the value labels
        value.setNumberFormatOverride(new DecimalFormat("#,##0"));
        BarRenderer bars = Bars.flat("#,##0");
        Bars.labelsAtEnd(bars);
        bars.setMaximumBarWidth(0.3);
        bars.setSeriesPaint(0, Palette.MODELLED);
        bars.setSeriesPaint(1, new Color(0x555555));
        CategoryPlot plot = new CategoryPlot(dataset(options, horizonYears), new org.jfree.chart.axis.CategoryAxis(),
                value, bars);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_RIGHT);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        return ChartStyle.apply(chart, new ChartStyle.ChartText(title, "option", currency, footer));
    }
}
