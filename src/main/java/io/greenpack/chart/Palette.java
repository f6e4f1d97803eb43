package io.greenpack.chart;

import java.awt.Color;
import java.util.List;

/**
 * The one palette of every greenpack chart and report: the Okabe–Ito colour-blind-safe palette
 * (M. Okabe and K. Ito, "Color Universal Design (CUD): How to make figures and presentations that
 * are friendly to colorblind people", 2008, https://jfly.uni-koeln.de/color/). Its eight colours
 * stay distinguishable under protanopia, deuteranopia and tritanopia, and in greyscale print
 * the pairs used for before/after and measured/modelled differ in lightness too.
 *
 * <p>Charts ask for a <em>role</em> ({@link #BEFORE}, {@link #MODELLED}, {@link #series(int)}),
 * never for a hue, so that "after" is the same colour in every chart, the HTML and the deck.
 */
public final class Palette {
    private Palette() {
    }

    // The eight Okabe–Ito colours (sRGB).
    public static final Color BLACK = new Color(0x000000);
    public static final Color ORANGE = new Color(0xE69F00);
    public static final Color SKY_BLUE = new Color(0x56B4E9);
    public static final Color BLUISH_GREEN = new Color(0x009E73);
    public static final Color YELLOW = new Color(0xF0E442);
    public static final Color BLUE = new Color(0x0072B2);
    public static final Color VERMILLION = new Color(0xD55E00);
    public static final Color REDDISH_PURPLE = new Color(0xCC79A7);

    // Roles. Measured is blue and modelled orange everywhere, tiles and charts alike; "before"
    // (today, metered) and "after" (the plan, modelled) take those two colours.
    public static final Color MEASURED = BLUE;
    public static final Color MODELLED = ORANGE;
    public static final Color BEFORE = MEASURED;
    public static final Color AFTER = MODELLED;
    /** Shading of collector outages: a gap in the data, not a value. */
    public static final Color OUTAGE = new Color(0xBBBBBB);

    // Neutrals for the chart frame; not data colours, so not from the palette.
    public static final Color BACKGROUND = Color.WHITE;
    public static final Color GRID = new Color(0xDDDDDD);
    public static final Color TEXT = new Color(0x222222);
    public static final Color MUTED_TEXT = new Color(0x555555);

    /**
     * Series colours in order. Yellow comes last: on white it has too little contrast for thin
     * lines, so it is only reached by charts with seven or more series.
     */
    private static final List<Color> SERIES = List.of(
            BLUE, ORANGE, BLUISH_GREEN, VERMILLION, REDDISH_PURPLE, SKY_BLUE, BLACK, YELLOW);

    /** The colour of series {@code i} (0-based); cycles after eight series. */
    public static Color series(int i) {
        if (i < 0) {
            throw new IllegalArgumentException("series index must be >= 0, got " + i);
        }
        return SERIES.get(i % SERIES.size());
    }

    public static int seriesCount() {
        return SERIES.size();
    }

    /** A translucent version of a colour, for shaded bands drawn under lines. */
    public static Color translucent(Color c, double alpha) {
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in [0,1], got " + alpha);
        }
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(alpha * 255));
    }

    /** {@code #rrggbb}, for CSS in the HTML report. */
    public static String hex(Color c) {
        return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }
}
