package io.greenpack.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.text.DateFormat;
import java.text.SimpleDateFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TimeZone;

/**
 * Fleet power in kW over time: the measured fleet, optionally a second line (the projected fleet
 * "after" consolidation) and a shaded band (the uncertainty of a modelled line).
 *
 * <p>As in JFreeChart's own examples the dataset is built apart from the chart: {@link #lines} and
 * {@link #band} turn plain records into datasets, {@link #chart} draws them. Gaps in the samples
 * (a step more than {@value #GAP_FACTOR}× the typical one) break the line rather than being
 * drawn across, because the design forbids silently interpolating over gaps.
 */
public final class FleetPowerChart {
    private FleetPowerChart() {
    }

    public static final String TITLE = "Fleet power (kW)";
    static final double GAP_FACTOR = 3.0;
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    /**
     * One sample of the whole fleet's power; {@code hosts} is how many hosts reported in it (0 when
     * not known). An interval in which fewer hosts reported than usual is a collector outage.
     */
    public record PowerPoint(Instant time, double watts, int hosts) {
        public PowerPoint {
            Objects.requireNonNull(time, "time");
        }

        public PowerPoint(Instant time, double watts) {
            this(time, watts, 0);
        }
    }

    /** A stretch in which some hosts did not report: shaded, and the measured line breaks across it. */
    public record Outage(Instant from, Instant to, int silentHosts, int hosts) {
    }

    /**
     * Runs of intervals in which fewer hosts reported than the most that ever did. Without host
     * counts there are none.
     */
    public static List<Outage> outages(List<PowerPoint> points) {
        List<PowerPoint> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparing(PowerPoint::time));
        int full = sorted.stream().mapToInt(PowerPoint::hosts).max().orElse(0);
        List<Outage> out = new ArrayList<>();
        long step = sorted.size() > 1 ? sorted.get(1).time().toEpochMilli() - sorted.get(0).time().toEpochMilli() : 0;
        int start = -1;
        int fewest = full;
        for (int i = 0; i <= sorted.size(); i++) {
            boolean short_ = i < sorted.size() && sorted.get(i).hosts() > 0 && sorted.get(i).hosts() < full;
            if (short_ && start < 0) {
                start = i;
                fewest = full;
            }
            if (short_) {
                fewest = Math.min(fewest, sorted.get(i).hosts());
            } else if (start >= 0) {
                out.add(new Outage(sorted.get(start).time().minusMillis(step), sorted.get(i - 1).time(), full - fewest, full));
                start = -1;
            }
        }
        return out;
    }

    /** The measured points with those inside an outage set to NaN: a gap, not a dip. */
    static List<PowerPoint> withoutOutages(List<PowerPoint> points, List<Outage> outages) {
        return points.stream().map(p -> outages.stream().anyMatch(o -> p.time().isAfter(o.from()) && !p.time().isAfter(o.to()))
                ? new PowerPoint(p.time(), Double.NaN, p.hosts()) : p).toList();
    }

    /**
     * The chart from lines: outages found in the first measured line are shaded and every measured
     * line breaks across them; modelled lines are dashed.
     */
    public static JFreeChart chart(List<Line> lines, YIntervalSeriesCollection band, String footer) {
        List<Outage> outages = lines.stream().filter(l -> !l.modelled()).findFirst().map(l -> outages(l.points()))
                .orElse(List.of());
        List<Line> shown = lines.stream().map(l -> l.modelled() ? l
                : new Line(l.label(), withoutOutages(l.points(), outages), false)).toList();
        JFreeChart chart = chart(lines(shown), band, footer);
        XYPlot plot = chart.getXYPlot();
        for (Outage o : outages) {
            org.jfree.chart.plot.IntervalMarker m = new org.jfree.chart.plot.IntervalMarker(o.from().toEpochMilli(),
                    o.to().toEpochMilli(), Palette.translucent(Palette.OUTAGE, 0.45));
            plot.addDomainMarker(m, org.jfree.chart.ui.Layer.BACKGROUND);
        }
        if (!outages.isEmpty()) {
            LegendItemCollection legend = plot.getFixedLegendItems();
            legend.add(new LegendItem("collector outage (" + outages.size() + "): no line drawn", null, null, null,
                    new Rectangle2D.Double(-14, -9, 28, 18), Palette.translucent(Palette.OUTAGE, 0.6)));
            plot.setFixedLegendItems(legend);
        }
        return chart;
    }

    /** One line of the chart; {@code modelled} lines are dashed and say so in the legend. */
    public record Line(String label, List<PowerPoint> points, boolean modelled) {
        public Line {
            Objects.requireNonNull(label, "label");
            points = List.copyOf(points);
        }
    }

    /** The range a modelled value is expected in at one time. */
    public record BandPoint(Instant time, double lowWatts, double highWatts) {
        public BandPoint {
            Objects.requireNonNull(time, "time");
            if (lowWatts > highWatts) {
                throw new IllegalArgumentException("band low " + lowWatts + " W is above high " + highWatts + " W at " + time);
            }
        }
    }

    /** The simple case: one measured line. */
    public static JFreeChart chart(List<PowerPoint> measured, String footer) {
        return chart(List.of(new Line("measured", measured, false)), null, footer);
    }

    /** Line datasets in kW, x in epoch milliseconds (UTC). Non-finite watts become gaps. */
    public static XYSeriesCollection lines(List<Line> lines) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        for (Line line : lines) {
            String key = line.modelled() ? line.label() + " (modelled)" : line.label();
            XYSeries series = new XYSeries(key, true, true);
            for (PowerPoint p : withGapBreaks(line.points())) {
                double kw = Double.isFinite(p.watts()) ? p.watts() / 1000.0 : Double.NaN;
                series.add(p.time().toEpochMilli(), kw, false);
            }
            dataset.addSeries(series);
        }
        return dataset;
    }

    /** The shaded band dataset in kW. */
    public static YIntervalSeriesCollection band(String label, List<BandPoint> band) {
        YIntervalSeries series = new YIntervalSeries(label, true, true);
        band.stream().sorted(Comparator.comparing(BandPoint::time)).forEach(b -> {
            double low = b.lowWatts() / 1000.0;
            double high = b.highWatts() / 1000.0;
            series.add(b.time().toEpochMilli(), (low + high) / 2, low, high);
        });
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        dataset.addSeries(series);
        return dataset;
    }

    /**
     * The chart. The first two series are drawn in {@link Palette#MEASURED} or {@link Palette#MODELLED}
     * colour by their key, later ones in palette order; {@code band} may be null.
     */
    public static JFreeChart chart(XYSeriesCollection lines, YIntervalSeriesCollection band, String footer) {
        DateAxis time = new DateAxis("Time (UTC)", UTC, Locale.ROOT);
        time.setStandardTickUnits(utcTickUnits());
        time.setLowerMargin(0.0);
        time.setUpperMargin(0.0);

        NumberAxis power = new NumberAxis("Power (kW)");
        power.setAutoRangeIncludesZero(true); // savings look as big as they are, not bigger
        // Each tick unit with its own number of decimals: one fixed format printed a small fleet's
        // 0.05 kW steps as "0.7, 0.7, 0.6, 0.6".
        power.setStandardTickUnits(NumberAxis.createStandardTickUnits(java.util.Locale.ROOT));

        XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
        // One path per series, so that a dash pattern runs along the line instead of restarting
        // at every 5-minute segment (which makes a dashed line look solid).
        lineRenderer.setDrawSeriesLineAsPath(true);
        LegendItemCollection legend = new LegendItemCollection();
        for (int i = 0; i < lines.getSeriesCount(); i++) {
            boolean modelled = String.valueOf(lines.getSeriesKey(i)).endsWith("(modelled)");
            // Measured in the measured colour, modelled in the modelled colour, as in the report's tiles.
            Color c = i < 2 ? (modelled ? Palette.MODELLED : Palette.MEASURED) : Palette.series(i);
            BasicStroke stroke = modelled ? DASHED : LINE;
            lineRenderer.setSeriesPaint(i, c);
            lineRenderer.setSeriesStroke(i, stroke);
            legend.add(lineLegend(String.valueOf(lines.getSeriesKey(i)), c, stroke));
        }
        XYPlot plot = new XYPlot(lines, time, power, lineRenderer);

        if (band != null && band.getSeriesCount() > 0) {
            DeviationRenderer bandRenderer = new DeviationRenderer(false, false);
            Color c = Palette.MODELLED;
            bandRenderer.setSeriesFillPaint(0, c);
            bandRenderer.setSeriesPaint(0, c);
            bandRenderer.setAlpha(0.18f);
            plot.setDataset(1, band);
            plot.setRenderer(1, bandRenderer);
            // REVERSE draws the highest dataset index first: the band lies under the lines.
            plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
            legend.add(new LegendItem(String.valueOf(band.getSeriesKey(0)), null, null, null,
                    new Rectangle2D.Double(-14, -9, 28, 18), Palette.translucent(c, 0.3)));
        }
        // Fixed legend items: long line swatches (a dashed line needs length to look dashed) and a
        // filled swatch for the band, which the renderer's own legend would draw empty.
        plot.setFixedLegendItems(legend);

        JFreeChart chart = new JFreeChart(TITLE, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        return ChartStyle.apply(chart, new ChartStyle.ChartText(TITLE, "Time (UTC)", "Power (kW)", footer));
    }

    /**
     * Tick units whose labels always carry the date: JFreeChart's defaults label sub-day ticks
     * "04:00" only, which over a multi-day window does not say which day. ISO-like, UTC.
     */
    static TickUnits utcTickUnits() {
        TickUnits units = new TickUnits();
        DateFormat minutes = utc("MM-dd HH:mm");
        DateFormat days = utc("yyyy-MM-dd");
        for (int m : new int[]{1, 5, 10, 15, 30}) {
            units.add(new DateTickUnit(DateTickUnitType.MINUTE, m, minutes));
        }
        for (int h : new int[]{1, 2, 3, 4, 6, 12}) {
            units.add(new DateTickUnit(DateTickUnitType.HOUR, h, minutes));
        }
        for (int d : new int[]{1, 2, 7, 14}) {
            units.add(new DateTickUnit(DateTickUnitType.DAY, d, days));
        }
        for (int m : new int[]{1, 3, 6}) {
            units.add(new DateTickUnit(DateTickUnitType.MONTH, m, utc("yyyy-MM")));
        }
        units.add(new DateTickUnit(DateTickUnitType.YEAR, 1, utc("yyyy")));
        return units;
    }

    private static DateFormat utc(String pattern) {
        SimpleDateFormat f = new SimpleDateFormat(pattern, Locale.ROOT);
        f.setTimeZone(UTC);
        return f;
    }

    private static final BasicStroke LINE = new BasicStroke(3.0f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final BasicStroke DASHED = new BasicStroke(3.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND,
            10f, new float[]{12f, 8f}, 0f);

    private static LegendItem lineLegend(String label, Color c, BasicStroke stroke) {
        Line2D swatch = new Line2D.Double(-22, 0, 22, 0);
        return new LegendItem(label, null, null, null, false, new Rectangle2D.Double(), false, c,
                false, c, stroke, true, swatch, stroke, c);
    }

    /** Sorted points with a NaN point inserted inside every step longer than GAP_FACTOR × the median step. */
    static List<PowerPoint> withGapBreaks(List<PowerPoint> points) {
        List<PowerPoint> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparing(PowerPoint::time));
        if (sorted.size() < 3) {
            return sorted;
        }
        long[] steps = new long[sorted.size() - 1];
        for (int i = 1; i < sorted.size(); i++) {
            steps[i - 1] = sorted.get(i).time().toEpochMilli() - sorted.get(i - 1).time().toEpochMilli();
        }
        long[] copy = steps.clone();
        java.util.Arrays.sort(copy);
        long median = copy[copy.length / 2];
        if (median <= 0) {
            return sorted;
        }
        List<PowerPoint> out = new ArrayList<>(sorted.size() + 4);
        out.add(sorted.get(0));
        for (int i = 1; i < sorted.size(); i++) {
            if (steps[i - 1] > GAP_FACTOR * median) {
                Instant mid = sorted.get(i - 1).time().plusMillis(steps[i - 1] / 2);
                out.add(new PowerPoint(mid, Double.NaN));
            }
            out.add(sorted.get(i));
        }
        return out;
    }
}
