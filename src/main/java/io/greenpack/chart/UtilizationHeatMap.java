package io.greenpack.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;

import java.awt.Color;
import java.awt.Paint;
import java.text.DecimalFormat;
import java.util.List;

/**
 * Utilization by host and hour of day: one row per host, one column per hour (UTC), colour = mean
 * CPU utilization. The colour scale is viridis (S. van der Walt and N. Smith, matplotlib's default
 * colour map since 2.0, 2015): perceptually uniform, readable with the common colour-vision
 * deficiencies and in greyscale. Hours without data are light grey, not a colour of the scale.
 */
public final class UtilizationHeatMap {
    private UtilizationHeatMap() {
    }

    public static final String TITLE = "CPU utilization by hour of day (%)";
    public static final Color NO_DATA = new Color(0xEEEEEE);

    /** Five stops of viridis at 0, 25, 50, 75, 100 %. */
    static final Color[] VIRIDIS = {new Color(0x440154), new Color(0x3B528B), new Color(0x21918C),
            new Color(0x5EC962), new Color(0xFDE725)};

    /** Viridis over 0–100 %, linearly interpolated between the stops; NaN → {@link #NO_DATA}. */
    public static final class ViridisScale implements PaintScale {
        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return 100;
        }

        @Override
        public Paint getPaint(double value) {
            if (Double.isNaN(value)) {
                return NO_DATA;
            }
            double t = Math.max(0, Math.min(1, value / 100)) * (VIRIDIS.length - 1);
            int i = Math.min((int) Math.floor(t), VIRIDIS.length - 2);
            double f = t - i;
            Color a = VIRIDIS[i];
            Color b = VIRIDIS[i + 1];
            return new Color((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * f),
                    (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * f),
                    (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * f));
        }
    }

    /** x = hour, y = host index (0 = first host, drawn at the top), z = utilization in %. */
    public static DefaultXYZDataset dataset(double[][] fractionByHostHour) {
        int n = fractionByHostHour.length;
        double[] x = new double[n * 24];
        double[] y = new double[n * 24];
        double[] z = new double[n * 24];
        for (int h = 0; h < n; h++) {
            if (fractionByHostHour[h].length != 24) {
                throw new IllegalArgumentException("host row " + h + " needs 24 hourly values, got "
                        + fractionByHostHour[h].length);
            }
            for (int hour = 0; hour < 24; hour++) {
                int k = h * 24 + hour;
                x[k] = hour;
                y[k] = n - 1 - h; // first host on top
                z[k] = fractionByHostHour[h][hour] * 100;
            }
        }
        DefaultXYZDataset d = new DefaultXYZDataset();
        d.addSeries("utilization", new double[][]{x, y, z});
        return d;
    }

    /** Up to this many hosts every row is labelled; more are labelled as the axis finds room. */
    static final int MAX_ROWS_ALL_LABELLED = 50;

    /** Title, hour axis and footer: the part of the image that is not rows. */
    private static final int CHROME_PX = 330;

    /**
     * The image height for {@code rows} hosts: the usual 900 px, taller for many hosts so that
     * each row (and its name) keeps about 22 px, at most 2400 px.
     */
    public static int heightFor(int rows) {
        return Math.max(ChartFiles.DEFAULT_HEIGHT, Math.min(2400, CHROME_PX + 22 * rows));
    }

    /** {@link #heightFor} for a chart made by {@link #chart}. */
    public static int heightFor(JFreeChart heatMap) {
        return heightFor(((SymbolAxis) heatMap.getXYPlot().getRangeAxis()).getSymbols().length);
    }

    /** {@code fractionByHostHour[i][hour]} is host i's utilization in [0,1] (NaN = no data). */
    public static JFreeChart chart(List<String> hosts, double[][] fractionByHostHour, String footer) {
        if (hosts.size() != fractionByHostHour.length) {
            throw new IllegalArgumentException(hosts.size() + " host labels for " + fractionByHostHour.length + " rows");
        }
        NumberAxis hour = new NumberAxis("Hour of day (UTC)");
        hour.setRange(-0.5, 23.5);
        hour.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        String[] labels = new String[hosts.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = hosts.get(labels.length - 1 - i);
        }
        SymbolAxis hostAxis = new SymbolAxis("Host", labels);
        hostAxis.setGridBandsVisible(false);
        hostAxis.setRange(-0.5, Math.max(0.5, labels.length - 0.5));
        XYBlockRenderer r = new XYBlockRenderer();
        r.setBlockAnchor(RectangleAnchor.CENTER);
        PaintScale scale = new ViridisScale();
        r.setPaintScale(scale);
        XYPlot plot = new XYPlot(dataset(fractionByHostHour), hour, hostAxis, r);
        JFreeChart chart = new JFreeChart(TITLE, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        ChartStyle.apply(chart, new ChartStyle.ChartText(TITLE, "Hour of day (UTC)", "Host", footer));
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        if (labels.length <= MAX_ROWS_ALL_LABELLED) {
            // Every row named (auto ticks named every other host at 40): a smaller font where needed.
            hostAxis.setAutoTickUnitSelection(false);
            hostAxis.setTickUnit(new NumberTickUnit(1));
            float size = (float) Math.max(11, Math.min(ChartStyle.TICK_FONT.getSize(),
                    0.8 * (heightFor(labels.length) - CHROME_PX) / labels.length));
            hostAxis.setTickLabelFont(ChartStyle.TICK_FONT.deriveFont(size));
        }

        NumberAxis scaleAxis = new NumberAxis("CPU utilization (%)");
        scaleAxis.setRange(0, 100);
        scaleAxis.setNumberFormatOverride(new DecimalFormat("0"));
        // Fixed steps of 10: on a tall map the automatic unit was 2, fifty numbers down the bar.
        scaleAxis.setTickUnit(new NumberTickUnit(10));
        scaleAxis.setLabelFont(ChartStyle.AXIS_LABEL_FONT);
        scaleAxis.setTickLabelFont(ChartStyle.TICK_FONT);
        PaintScaleLegend legend = new PaintScaleLegend(scale, scaleAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setStripWidth(24);
        legend.setSubdivisionCount(100);
        legend.setAxisOffset(6);
        legend.setMargin(new RectangleInsets(10, 18, 10, 0));
        legend.setBackgroundPaint(Palette.BACKGROUND);
        chart.addSubtitle(legend);
        return chart;
    }
}
