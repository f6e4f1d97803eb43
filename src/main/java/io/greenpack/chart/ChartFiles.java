package io.greenpack.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;

import javax.imageio.ImageIO;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Renders one chart to {@code <dir>/<name>.png} and {@code <dir>/<name>.svg}. The PNG is for slides
 * and the HTML report, the SVG for people who want to edit or scale the picture.
 *
 * <p>Files are written in place: inside a run they go into the run's temporary folder, which
 * {@code report.RunFolder} renames into place as a whole, so no single-file atomicity is needed here.
 *
 * <p>SVG text is written as {@code <text>} elements; JFreeSVG escapes {@code < > & " '} in it, so a
 * host called {@code <script>} is drawn as those characters and never becomes markup.
 */
public final class ChartFiles {
    private ChartFiles() {
    }

    /** Slide size, 16:9. */
    public static final int DEFAULT_WIDTH = 1600;
    public static final int DEFAULT_HEIGHT = 900;

    /** Chart file names are chosen by code, never by input: a plain slug, so no path can escape {@code dir}. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,80}");

    public record Rendered(Path png, Path svg) {
    }

    public static Rendered write(JFreeChart chart, Path dir, String name) {
        return write(chart, dir, name, DEFAULT_WIDTH, DEFAULT_HEIGHT);
    }

    public static Rendered write(JFreeChart chart, Path dir, String name, int width, int height) {
        if (!NAME.matcher(name).matches() || name.contains("..")) {
            throw new IllegalArgumentException(
                    "chart file name must be a lower-case slug like \"fleet-power\", got \"" + name + "\"");
        }
        Path png = dir.resolve(name + ".png");
        Path svg = dir.resolve(name + ".svg");
        try {
            Files.createDirectories(dir);
            Files.write(png, pngBytes(chart, width, height));
            Files.writeString(svg, svg(chart, width, height), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write chart " + name + " into " + dir + ": " + e.getMessage(), e);
        }
        return new Rendered(png, svg);
    }

    /** The chart as PNG bytes (opaque RGB: smaller files, and no surprise transparency on dark slides). */
    public static byte[] pngBytes(JFreeChart chart, int width, int height) {
        checkSize(width, height);
        BufferedImage image = chart.createBufferedImage(width, height, BufferedImage.TYPE_INT_RGB, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer in this JVM");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return out.toByteArray();
    }

    /** The chart as a standalone SVG document. */
    public static String svg(JFreeChart chart, int width, int height) {
        checkSize(width, height);
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        // Text stays text (searchable, selectable, escaped by JFreeSVG) rather than outlines.
        g.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_STANDARD);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        chart.draw(g, new Rectangle(0, 0, width, height));
        // Control characters from names are not allowed in XML 1.0; JFreeSVG passes them on.
        return io.greenpack.util.Printable.clean(g.getSVGDocument());
    }

    private static void checkSize(int width, int height) {
        if (width < 100 || height < 100 || width > 10_000 || height > 10_000) {
            throw new IllegalArgumentException("chart size must be within 100..10000 px, got " + width + "x" + height);
        }
    }
}
