package io.greenpack.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The house style, applied to any JFreeChart after it is built: white background, light grid,
 * fonts sized for a 1600×900 image shown on a slide, a title that states its unit, axis labels,
 * and a footer line saying which data window and scenario the picture shows (a chart pasted into
 * a deck loses its context otherwise).
 */
public final class ChartStyle {
    private ChartStyle() {
    }

    /** The words of a chart. {@code title} must name its unit in parentheses: "Fleet power (kW)". */
    public record ChartText(String title, String xAxisLabel, String yAxisLabel, String footer) {
        private static final Pattern UNIT = Pattern.compile(".*\\([^()]+\\).*");

        public ChartText {
            Objects.requireNonNull(title, "title");
            if (!UNIT.matcher(title).matches()) {
                throw new IllegalArgumentException(
                        "a chart title states its unit in parentheses, e.g. \"Fleet power (kW)\"; got \"" + title + "\"");
            }
            xAxisLabel = xAxisLabel == null ? "" : xAxisLabel;
            yAxisLabel = yAxisLabel == null ? "" : yAxisLabel;
            footer = footer == null ? "" : footer;
        }
    }

    /**
     * How wide the deck places a chart (points, of a 960-point slide): the deck's pictures are at
     * least this wide, so the fonts below are at least {@link #MIN_SLIDE_POINTS} pt on the slide.
     */
    public static final double SLIDE_PICTURE_WIDTH_POINTS = 768;
    /** The smallest text a projected slide can carry. */
    public static final double MIN_SLIDE_POINTS = 12;
    /** The smallest font, in pixels of the 1600-pixel-wide image, that lands at 12 pt on the slide (25 px). */
    public static final int MIN_FONT_PX = (int) Math.ceil(MIN_SLIDE_POINTS * ChartFiles.DEFAULT_WIDTH / SLIDE_PICTURE_WIDTH_POINTS);

    /** The size on the slide, in points, of a font of {@code px} pixels in an image {@code imageWidthPx} wide. */
    public static double slidePoints(double px, double imageWidthPx, double pictureWidthPoints) {
        return px * pictureWidthPoints / imageWidthPx;
    }

    // Sizes in pixels of the default 1600x900 image: every one at least MIN_FONT_PX, so 12 pt or
    // more when the deck shows the chart 768 pt wide (0.48 pt per pixel).
    static final String FONT_FAMILY = Font.SANS_SERIF;
    static final Font TITLE_FONT = new Font(FONT_FAMILY, Font.BOLD, 36);
    static final Font AXIS_LABEL_FONT = new Font(FONT_FAMILY, Font.PLAIN, 28);
    static final Font TICK_FONT = new Font(FONT_FAMILY, Font.PLAIN, MIN_FONT_PX + 1);
    static final Font LEGEND_FONT = new Font(FONT_FAMILY, Font.PLAIN, MIN_FONT_PX + 1);
    static final Font FOOTER_FONT = new Font(FONT_FAMILY, Font.PLAIN, MIN_FONT_PX);
    /** Value labels and annotations inside the plot. */
    public static final Font LABEL_FONT = new Font(FONT_FAMILY, Font.PLAIN, MIN_FONT_PX + 1);

    static final Stroke GRID_STROKE = new BasicStroke(1.0f);
    /** Data lines: thick enough to tell colours apart at slide distance. */
    public static final Stroke LINE_STROKE = new BasicStroke(3.0f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);

    private static final DateTimeFormatter WINDOW_FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    /** "data window … · scenario …", the footer text of every chart. */
    public static String footer(String dataWindow, String scenario) {
        return "data window " + Objects.requireNonNull(dataWindow, "dataWindow")
                + " \u00b7 scenario " + Objects.requireNonNull(scenario, "scenario");
    }

    /** "2024-05-01 00:00 – 2024-05-31 23:55 UTC". */
    public static String dataWindow(Instant from, Instant to) {
        return WINDOW_FORMAT.format(from) + " \u2013 " + WINDOW_FORMAT.format(to) + " UTC";
    }

    /** Applies the style and the words; returns the same chart. Applying twice is harmless. */
    public static JFreeChart apply(JFreeChart chart, ChartText text) {
        chart.setBackgroundPaint(Palette.BACKGROUND);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(18, 18, 10, 28));

        TextTitle title = new TextTitle(text.title(), TITLE_FONT);
        title.setPaint(Palette.TEXT);
        title.setHorizontalAlignment(HorizontalAlignment.LEFT);
        title.setPadding(new RectangleInsets(0, 8, 10, 0));
        chart.setTitle(title);

        // Remove a footer of an earlier apply(), then add ours first so that it sits at the very
        // bottom, below the legend (subtitles take their space in list order).
        List<Title> old = new ArrayList<>();
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof Footer) {
                old.add(chart.getSubtitle(i));
            }
        }
        old.forEach(chart::removeSubtitle);
        if (!text.footer().isEmpty()) {
            chart.addSubtitle(0, new Footer(text.footer()));
        }

        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(LEGEND_FONT);
            legend.setItemPaint(Palette.TEXT);
            legend.setFrame(BlockBorder.NONE);
            legend.setBackgroundPaint(null);
            legend.setPosition(RectangleEdge.TOP);
            legend.setHorizontalAlignment(HorizontalAlignment.LEFT);
            legend.setItemLabelPadding(new RectangleInsets(2, 6, 2, 18));
            legend.setPadding(new RectangleInsets(0, 4, 12, 0));
        }

        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(Palette.BACKGROUND);
        plot.setOutlineVisible(false);
        plot.setNoDataMessage("no data in this window");
        plot.setNoDataMessageFont(AXIS_LABEL_FONT);
        plot.setNoDataMessagePaint(Palette.MUTED_TEXT);
        if (plot instanceof XYPlot xy) {
            styleXY(xy, text);
        } else if (plot instanceof CategoryPlot cat) {
            styleCategory(cat, text);
        }
        return chart;
    }

    private static void styleXY(XYPlot plot, ChartText text) {
        plot.setDrawingSupplier(drawingSupplier());
        plot.setDomainGridlinePaint(Palette.GRID);
        plot.setRangeGridlinePaint(Palette.GRID);
        plot.setDomainGridlineStroke(GRID_STROKE);
        plot.setRangeGridlineStroke(GRID_STROKE);
        plot.setDomainGridlinesVisible(true);
        plot.setRangeGridlinesVisible(true);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        for (int i = 0; i < plot.getDomainAxisCount(); i++) {
            styleAxis(plot.getDomainAxis(i));
        }
        for (int i = 0; i < plot.getRangeAxisCount(); i++) {
            styleAxis(plot.getRangeAxis(i));
        }
        if (plot.getDomainAxis() != null) {
            plot.getDomainAxis().setLabel(text.xAxisLabel());
        }
        if (plot.getRangeAxis() != null) {
            plot.getRangeAxis().setLabel(text.yAxisLabel());
        }
    }

    /** Styles one subplot of a combined plot (the chart-level {@link #apply} only sees the parent). */
    static void styleSubplot(Plot plot, String xAxisLabel, String yAxisLabel) {
        ChartText text = new ChartText("subplot (n/a)", xAxisLabel, yAxisLabel, "");
        plot.setBackgroundPaint(Palette.BACKGROUND);
        plot.setOutlineVisible(false);
        if (plot instanceof XYPlot xy) {
            styleXY(xy, text);
        } else if (plot instanceof CategoryPlot cat) {
            styleCategory(cat, text);
        }
    }

    private static void styleCategory(CategoryPlot plot, ChartText text) {
        plot.setDrawingSupplier(drawingSupplier());
        plot.setRangeGridlinePaint(Palette.GRID);
        plot.setRangeGridlineStroke(GRID_STROKE);
        plot.setRangeGridlinesVisible(true);
        plot.setDomainGridlinesVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        for (int i = 0; i < plot.getDomainAxisCount(); i++) {
            styleAxis(plot.getDomainAxis(i));
        }
        for (int i = 0; i < plot.getRangeAxisCount(); i++) {
            styleAxis(plot.getRangeAxis(i));
        }
        if (plot.getDomainAxis() != null) {
            plot.getDomainAxis().setLabel(text.xAxisLabel());
            // Host names are long: wrap onto a second line before cutting them off with "…".
            plot.getDomainAxis().setMaximumCategoryLabelLines(2);
        }
        if (plot.getRangeAxis() != null) {
            plot.getRangeAxis().setLabel(text.yAxisLabel());
        }
        if (plot.getRenderer() instanceof BarRenderer bars) {
            // Flat bars: gradients and shadows add ink without information.
            bars.setBarPainter(new StandardBarPainter());
            bars.setShadowVisible(false);
        }
    }

    private static void styleAxis(Axis axis) {
        if (axis == null) {
            return;
        }
        axis.setLabelFont(AXIS_LABEL_FONT);
        axis.setLabelPaint(Palette.TEXT);
        axis.setTickLabelFont(TICK_FONT);
        axis.setTickLabelPaint(Palette.MUTED_TEXT);
        axis.setAxisLinePaint(Palette.MUTED_TEXT);
        axis.setTickMarkPaint(Palette.MUTED_TEXT);
        axis.setLabelInsets(new RectangleInsets(10, 10, 10, 10));
    }

    /** Series colours in palette order, for renderers that pick colours themselves. */
    static DefaultDrawingSupplier drawingSupplier() {
        Paint[] paints = new Paint[Palette.seriesCount()];
        for (int i = 0; i < paints.length; i++) {
            paints[i] = Palette.series(i);
        }
        return new DefaultDrawingSupplier(paints,
                new Paint[]{Palette.MUTED_TEXT},
                new Stroke[]{LINE_STROKE},
                new Stroke[]{new BasicStroke(1.0f)},
                new Shape[]{new Ellipse2D.Double(-4, -4, 8, 8)});
    }

    /** The footer line; its own type so that {@link #apply} can find and replace it. */
    static final class Footer extends TextTitle {
        Footer(String text) {
            super(text, FOOTER_FONT);
            setPaint(Palette.MUTED_TEXT);
            setPosition(RectangleEdge.BOTTOM);
            setHorizontalAlignment(HorizontalAlignment.RIGHT);
            setPadding(new RectangleInsets(12, 0, 0, 0));
        }
    }
}
