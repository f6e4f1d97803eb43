package io.greenpack.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedRangeCategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.BasicStroke;
import java.awt.Font;
import java.text.DecimalFormat;
import java.util.List;
import java.util.Objects;

/**
 * How full each host is, today and after consolidation: CPU and memory bars per host (percent of
 * the host's capacity), today's hosts on the left, the plan's on the right, one shared 0–100 %
 * axis, and the headroom limit drawn on the plan's side. Well-paired hosts have CPU and memory
 * bars of similar height.
 */
public final class HostFillChart {
    private HostFillChart() {
    }

    public static final String TITLE = "Host fill, today and after (% of capacity)";
    /**
     * More hosts than this on one side: their names are left out. At the slide-size font, 45-degree
     * names need about 28 px each; the sample's 40 hosts today and 27 after overlapped into one smear.
     */
    static final int MANY_HOSTS = 20;

    /** One host: CPU and memory in use as fractions of its capacity (0.5 = 50 %). */
    public record HostFill(String host, double cpuFraction, double memFraction) {
        public HostFill {
            Objects.requireNonNull(host, "host");
        }
    }

    /**
     * Longest host name drawn as it is: the plan's side can be a fifth of the width, where JFreeChart
     * cut "blade-2s-56c (illustrative)-1" to "blade-2s-56c (illustrati…" and the hosts' numbers were lost.
     */
    static final int MAX_NAME = 22;

    /** CPU and memory fill per host, keyed by the host's name shortened in its middle to {@value #MAX_NAME} characters. */
    public static DefaultCategoryDataset dataset(List<HostFill> hosts) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (HostFill h : hosts) {
            String key = BarChart.shorten(h.host(), MAX_NAME);
            while (!seen.add(key)) {
                key = key + "\u200b"; // two names alike once shortened stay two bars
            }
            d.addValue(h.cpuFraction() * 100, "CPU", key);
            d.addValue(h.memFraction() * 100, "memory", key);
        }
        return d;
    }

    /** {@code headroom} is the fraction the plan keeps free (drawn as a line at 1 − headroom); NaN for none. */
    public static JFreeChart chart(List<HostFill> before, List<HostFill> after, double headroom, String footer) {
        NumberAxis percent = new NumberAxis("Used (% of capacity)");
        double max = 100;
        for (HostFill h : before) {
            max = Math.max(max, Math.max(h.cpuFraction(), h.memFraction()) * 100);
        }
        for (HostFill h : after) {
            max = Math.max(max, Math.max(h.cpuFraction(), h.memFraction()) * 100);
        }
        percent.setRange(0, max * 1.05);
        percent.setNumberFormatOverride(new DecimalFormat("0'%'"));
        CombinedRangeCategoryPlot plot = new CombinedRangeCategoryPlot(percent);
        plot.setGap(30);
        plot.add(side(before, "Today (measured)", Double.NaN), Math.max(1, before.size()));
        // The plan's side keeps at least a fifth of today's width, so that its few hosts, their names
        // and the headroom label stay readable beside a fleet of a hundred hosts or more.
        plot.add(side(after, "After (modelled)", headroom), Math.max(Math.max(1, after.size()), before.size() / 4));
        // One legend entry per series (each subplot would add its own CPU/memory pair).
        org.jfree.chart.LegendItemCollection legend = new org.jfree.chart.LegendItemCollection();
        legend.add(new org.jfree.chart.LegendItem("CPU", Palette.series(0)));
        legend.add(new org.jfree.chart.LegendItem("memory", Palette.series(1)));
        plot.setFixedLegendItems(legend);
        JFreeChart chart = new JFreeChart(TITLE, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        return ChartStyle.apply(chart, new ChartStyle.ChartText(TITLE, "", "Used (% of capacity)", footer));
    }

    private static CategoryPlot side(List<HostFill> hosts, String label, double headroom) {
        // Above MANY_HOSTS names cannot be read at slide size: the axis says how many hosts there are
        // (every host is in the tables) and the bars show the distribution.
        boolean many = hosts.size() > MANY_HOSTS;
        String axisLabel = many ? label + ", " + hosts.size() + " hosts" : label;
        CategoryAxis axis = new CategoryAxis(axisLabel);
        axis.setTickLabelsVisible(!many);
        BarRenderer r = Bars.flat(null);
        r.setMaximumBarWidth(0.08);
        r.setSeriesPaint(0, Palette.series(0));
        r.setSeriesPaint(1, Palette.series(1));
        CategoryPlot p = new CategoryPlot(dataset(hosts), axis, null, r);
        ChartStyle.styleSubplot(p, axisLabel, "");
        // Many hosts, or long names (a plan's new hosts are named after their model, e.g.
        // "Dell PowerEdge R740-1"), are written at 45 degrees: upright they were cut to "Del...".
        int longest = hosts.stream().mapToInt(h -> h.host().length()).max().orElse(0);
        if (hosts.size() > 8 || longest > 8) {
            axis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
            axis.setMaximumCategoryLabelLines(1);
        }
        axis.setCategoryMargin(0.25);
        if (Double.isFinite(headroom) && headroom > 0) {
            ValueMarker m = new ValueMarker((1 - headroom) * 100, Palette.TEXT,
                    new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{6f, 6f}, 0f));
            // Short: beside a fleet of a hundred hosts the plan's side is a fifth of the width, and a
            // longer label ("limit (headroom 20 %)") was cut at its left edge.
            m.setLabel(new DecimalFormat("0.#").format((1 - headroom) * 100) + " % limit");
            m.setLabelFont(ChartStyle.LABEL_FONT);
            m.setLabelPaint(Palette.TEXT);
            m.setLabelBackgroundColor(Palette.BACKGROUND);
            m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
            p.addRangeMarker(m, Layer.FOREGROUND);
        }
        return p;
    }
}
