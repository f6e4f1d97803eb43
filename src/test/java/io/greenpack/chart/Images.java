package io.greenpack.chart;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;

import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** Checks that a rendered picture is a picture: decodes, right size, not blank. */
public final class Images {
    private Images() {
    }

    public static BufferedImage decode(byte[] png) {
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
            if (img == null) {
                throw new AssertionError("not a decodable image (" + png.length + " bytes)");
            }
            return img;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int distinctColours(BufferedImage img) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                colours.add(img.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return colours.size();
    }

    /** Share of pixels that are not (near) white. */
    public static double inkShare(BufferedImage img) {
        long ink = 0;
        long all = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xFF, g = (rgb >> 8) & 0xFF, b = rgb & 0xFF;
                if (r < 240 || g < 240 || b < 240) {
                    ink++;
                }
                all++;
            }
        }
        return (double) ink / all;
    }

    /** Count of pixels close to a colour (each channel within 40). */
    public static long pixelsNear(BufferedImage img, java.awt.Color c) {
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                if (Math.abs(((rgb >> 16) & 0xFF) - c.getRed()) < 40
                        && Math.abs(((rgb >> 8) & 0xFF) - c.getGreen()) < 40
                        && Math.abs((rgb & 0xFF) - c.getBlue()) < 40) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Parses XML with external DTDs and entities off (the parser must not fetch anything). */
    public static Document parseXml(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            // JFreeSVG writes the SVG 1.1 DOCTYPE: allow it, but never fetch the DTD or entities.
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
        }
    }
}
