package io.greenpack.report;

import io.greenpack.savings.Figure;
import io.greenpack.savings.SavingsResult;
import org.apache.poi.sl.usermodel.PictureData;
import org.apache.poi.sl.usermodel.TextParagraph;
import org.apache.poi.xslf.usermodel.SlideLayout;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFPictureData;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFSlideLayout;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xslf.usermodel.XSLFTextParagraph;
import org.apache.poi.xslf.usermodel.XSLFTextRun;
import org.apache.poi.xslf.usermodel.XSLFTextShape;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code deck.pptx}: the management slides (DESIGN §7), 16:9. Every word is in a native text box
 * (editable, searchable, translatable) — never baked into a picture; charts come in as PNGs
 * rendered at 1600×900 by the chart package.
 *
 * <p>Slides: title (scenario, data window) · key numbers · before vs after · top consumers · the
 * plan (host fill) · assumptions and risks. A chart that is missing gets a slide saying so
 * instead of a broken picture.
 *
 * <p>Text from input (host, app, scenario names) is set as plain text runs: POI writes it as XML
 * character data, escaped; control characters, which XML 1.0 cannot hold, become U+FFFD.
 */
public final class Deck {
    private Deck() {
    }

    /** 13.333 × 7.5 inches in points (72 per inch): the 16:9 size of current PowerPoint. */
    public static final Dimension PAGE = new Dimension(960, 540);

    public static final String KEY_NUMBERS_TITLE = "Key numbers (per year)";
    public static final String BEFORE_AFTER_TITLE = "Before and after consolidation";
    public static final String TOP_CONSUMERS_TITLE = "Top consumers today";
    public static final String PLAN_TITLE = "The plan: how full each host is";
    public static final String ASSUMPTIONS_TITLE = "Assumptions and risks";

    /**
     * What goes into the deck. PNGs may be null (the slide then says the chart is not available).
     *
     * @param dataWindow     "2024-05-01 00:00 – 2024-05-31 23:55 UTC"
     * @param assumptions    one line per assumption, e.g. "Tariff 0.18 EUR/kWh (scenario)"
     * @param contentionRisk what the replay of measured demand found, or a placeholder sentence
     */
    public record Content(String title, String scenario, String dataWindow, SavingsResult savings,
                          byte[] beforeAfterPng, byte[] topConsumersPng, byte[] hostFillPng,
                          List<String> assumptions, String contentionRisk) {
        public Content {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(scenario, "scenario");
            Objects.requireNonNull(dataWindow, "dataWindow");
            Objects.requireNonNull(savings, "savings");
            assumptions = List.copyOf(assumptions == null ? List.of() : assumptions);
            contentionRisk = contentionRisk == null ? "" : contentionRisk;
        }
    }

    private static final String FONT = "Calibri";
    private static final Color TEXT = new Color(0x222222);
    private static final Color MUTED = new Color(0x555555);
    private static final Color MODELLED = new Color(0xB36F00); // Okabe–Ito orange, darkened for text contrast
    private static final Color MEASURED = new Color(0x0072B2); // Okabe–Ito blue

    public static void write(Content c, Path file) throws IOException {
        byte[] bytes = bytes(c);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(file, bytes);
    }

    public static byte[] bytes(Content c) throws IOException {
        try (XMLSlideShow ppt = build(c); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ppt.write(out);
            return out.toByteArray();
        }
    }

    public static void write(Content c, OutputStream out) throws IOException {
        try (XMLSlideShow ppt = build(c)) {
            ppt.write(out);
        }
    }

    static XMLSlideShow build(Content c) {
        XMLSlideShow ppt = new XMLSlideShow();
        ppt.setPageSize(PAGE);
        titleSlide(ppt, c);
        keyNumbers(ppt, c.savings());
        pictureSlide(ppt, BEFORE_AFTER_TITLE, c.beforeAfterPng(),
                "Energy, money and CO2e per year, today (measured) and after the plan (modelled).");
        pictureSlide(ppt, TOP_CONSUMERS_TITLE, c.topConsumersPng(), "Measured energy per year.");
        pictureSlide(ppt, PLAN_TITLE, c.hostFillPng(),
                "CPU and memory in use on each host, today and after consolidation.");
        assumptions(ppt, c);
        return ppt;
    }

    private static void titleSlide(XMLSlideShow ppt, Content c) {
        // TITLE_ONLY rather than the centred-title layout: its placeholder is a real "title", so
        // PowerPoint's outline, accessibility checker and readers of the file find the deck's name.
        XSLFSlide s = ppt.createSlide(layout(ppt, SlideLayout.TITLE_ONLY));
        XSLFTextShape title = s.getPlaceholder(0);
        title.setAnchor(new Rectangle2D.Double(60, 150, 840, 120));
        setText(title, c.title(), 40, true, TEXT);
        title.getTextParagraphs().get(0).setTextAlign(TextParagraph.TextAlign.LEFT);
        XSLFTextBox sub = s.createTextBox();
        sub.setAnchor(new Rectangle2D.Double(60, 290, 840, 120));
        sub.setWordWrap(true);
        sub.clearText();
        line(sub, "Scenario: " + c.scenario(), 22, false, TEXT, true);
        line(sub, "Data window: " + c.dataWindow(), 18, false, MUTED, false);
    }

    private static void keyNumbers(XMLSlideShow ppt, SavingsResult r) {
        XSLFSlide s = titled(ppt, KEY_NUMBERS_TITLE);
        List<Figure> figures = r.keyFigures();
        double gap = 16;
        double w = (840 - gap * (figures.size() - 1)) / figures.size();
        for (int i = 0; i < figures.size(); i++) {
            Figure f = figures.get(i);
            XSLFTextBox box = s.createTextBox();
            box.setAnchor(new Rectangle2D.Double(60 + i * (w + gap), 130, w, 150));
            box.setLineColor(new Color(0xDDDDDD));
            box.setWordWrap(true);
            box.clearText();
            line(box, f.label(), 16, false, MUTED, true);
            line(box, valueOnly(f), 30, true, TEXT, false);
            String unit = unitOnly(f);
            if (f.key().equals("servers_freed")) {
                unit = "of " + r.serversBefore() + " today";
            }
            line(box, unit.isEmpty() ? " " : unit, 14, false, TEXT, false);
            line(box, f.provenance().label(), 12, false, f.modelled() ? MODELLED : MEASURED, false);
        }
        XSLFTextBox note = s.createTextBox();
        note.setAnchor(new Rectangle2D.Double(60, 310, 840, 80));
        note.clearText();
        line(note, "Energy saved, range from the power model's error: "
                + Figure.format(r.facilityKwhSavedLow(), "") + " – " + Figure.format(r.facilityKwhSavedHigh(), "kWh/year")
                + ". Hardware cost " + r.figure("hardware_cost").formatted() + ".", 14, false, MUTED, true);
    }

    /** The number part of a formatted figure ("9,609" of "9,609 kWh/year"; "never" stays whole). */
    static String valueOnly(Figure f) {
        String s = f.formatted();
        return f.unit().isEmpty() || !s.endsWith(" " + f.unit()) ? s : s.substring(0, s.length() - f.unit().length() - 1);
    }

    static String unitOnly(Figure f) {
        return f.formatted().endsWith(" " + f.unit()) ? f.unit() : "";
    }

    private static void pictureSlide(XMLSlideShow ppt, String title, byte[] png, String caption) {
        XSLFSlide s = titled(ppt, title);
        // 16:9 picture below the title, centred: 768 × 432 pt fits between title and caption.
        Rectangle2D area = new Rectangle2D.Double((PAGE.width - 768) / 2.0, 84, 768, 432);
        if (png == null || png.length == 0) {
            XSLFTextBox box = s.createTextBox();
            box.setAnchor(area);
            box.clearText();
            line(box, "Chart not available for this run.", 20, false, MUTED, true);
        } else {
            XSLFPictureData data = ppt.addPicture(png, PictureData.PictureType.PNG);
            XSLFPictureShape pic = s.createPicture(data);
            pic.setAnchor(area);
        }
        XSLFTextBox cap = s.createTextBox();
        cap.setAnchor(new Rectangle2D.Double(60, 514, 840, 24));
        cap.clearText();
        line(cap, caption, 11, false, MUTED, true);
    }

    private static void assumptions(XMLSlideShow ppt, Content c) {
        XSLFSlide s = titled(ppt, ASSUMPTIONS_TITLE);
        XSLFTextBox box = s.createTextBox();
        box.setAnchor(new Rectangle2D.Double(60, 90, 840, 430));
        box.setWordWrap(true);
        box.clearText();
        List<String> measured = new ArrayList<>();
        List<String> factor = new ArrayList<>();
        List<String> modelled = new ArrayList<>();
        List<String> noMeter = new ArrayList<>();
        for (Figure f : c.savings().figures()) {
            (switch (f.provenance()) {
                case MEASURED -> measured;
                case MEASURED_TIMES_FACTOR -> factor;
                case MODELLED -> modelled;
                case MODELLED_NO_METER -> noMeter;
            }).add(f.label());
        }
        List<String> bullets = new ArrayList<>(c.assumptions());
        if (!measured.isEmpty()) {
            bullets.add("Measured (from meters): " + String.join(", ", measured) + ".");
        }
        if (!noMeter.isEmpty()) {
            bullets.add("Modelled (no meter; hosts without power samples at their measured utilization through "
                    + "published power curves): " + String.join(", ", noMeter) + ".");
        }
        if (!factor.isEmpty()) {
            bullets.add("Measured × assumed factor (PUE, tariff, grid intensity): " + String.join(", ", factor) + ".");
        }
        bullets.add("Modelled (from the plan and power curves): " + String.join(", ", modelled) + ".");
        bullets.add("Contention risk: " + (c.contentionRisk().isBlank()
                ? "not assessed in this run (replay of measured demand against the plan)." : c.contentionRisk()));
        boolean first = true;
        for (String b : bullets) {
            XSLFTextParagraph p = line(box, b, 15, false, TEXT, first);
            p.setBullet(true);
            p.setIndent(-14.0);
            p.setLeftMargin(18.0);
            p.setSpaceAfter(30.0);
            first = false;
        }
    }

    /** The scenario's assumptions as deck bullets (each says where it comes from). */
    public static List<String> assumptions(io.greenpack.config.Scenario s, double modelErrorFraction) {
        List<String> out = new ArrayList<>();
        out.add("Energy price " + Figure.format(s.tariffPerKwh(), s.currency() + "/kWh") + " (scenario)");
        out.add("PUE " + Figure.format(s.pue(), "") + ": facility energy = IT energy × PUE (scenario)");
        out.add(s.hourlyGridGco2ePerKwh().isEmpty()
                ? "Grid carbon intensity " + Figure.format(s.gridGco2ePerKwh(), "gCO2e/kWh") + " (scenario)"
                : "Grid carbon intensity by hour of day, mean " + Figure.format(s.gridGco2ePerKwh(), "gCO2e/kWh") + " (scenario)");
        out.add("Each new host keeps " + Figure.format(s.headroom() * 100, "%") + " of its capacity free; demand sized at p"
                + Figure.format(s.percentile(), "") + (s.hourlySizing() ? ", hour of day by hour of day" : ""));
        out.add("Virtualisation adds " + Figure.format(s.hypervisorCpuOverhead() * 100, "%") + " CPU and "
                + Figure.format(s.hypervisorMemGb(), "GB") + " memory per VM (rule of thumb)");
        out.add("Every host of the plan is bought new; payback = hardware cost ÷ money saved per month; horizon "
                + Figure.format(s.horizonYears(), "years"));
        out.add("Power after consolidation is modelled from power curves; model error ± "
                + Figure.format(modelErrorFraction * 100, "%") + " gives the range of the savings");
        out.add("Live migration over " + Figure.format(s.migrationGbps(), "Gbit/s")
                + " at 70 % efficiency plus 20 % re-sent memory (rule of thumb)");
        return out;
    }

    /** Title of the what-if slide. */
    public static final String WHATIF_TITLE = "What-if: scenarios side by side";

    /**
     * The what-if slide (a deck of its own, to paste into another): the side-by-side chart and
     * up to four lines of findings in editable text below it.
     */
    public static byte[] whatIf(String dataWindow, byte[] chartPng, List<String> findings) throws IOException {
        try (XMLSlideShow ppt = new XMLSlideShow(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ppt.setPageSize(PAGE);
            XSLFSlide s = titled(ppt, WHATIF_TITLE);
            XSLFPictureData data = ppt.addPicture(chartPng, PictureData.PictureType.PNG);
            XSLFPictureShape pic = s.createPicture(data);
            pic.setAnchor(new Rectangle2D.Double((PAGE.width - 640) / 2.0, 78, 640, 360));
            XSLFTextBox box = s.createTextBox();
            box.setAnchor(new Rectangle2D.Double(60, 444, 840, 90));
            box.setWordWrap(true);
            box.clearText();
            boolean first = true;
            for (String f : findings.stream().limit(4).toList()) {
                line(box, f, 13, false, TEXT, first);
                first = false;
            }
            line(box, "Data window " + dataWindow + ". Today measured, after modelled.", 10, false, MUTED, first);
            ppt.write(out);
            return out.toByteArray();
        }
    }

    private static XSLFSlide titled(XMLSlideShow ppt, String title) {
        XSLFSlide s = ppt.createSlide(layout(ppt, SlideLayout.TITLE_ONLY));
        XSLFTextShape t = s.getPlaceholder(0);
        // The default master is 4:3; place the title for the 16:9 page.
        t.setAnchor(new Rectangle2D.Double(60, 20, 840, 60));
        setText(t, title, 28, true, TEXT);
        t.getTextParagraphs().get(0).setTextAlign(TextParagraph.TextAlign.LEFT);
        return s;
    }

    private static XSLFSlideLayout layout(XMLSlideShow ppt, SlideLayout kind) {
        return ppt.getSlideMasters().get(0).getLayout(kind);
    }

    private static void setText(XSLFTextShape shape, String text, double size, boolean bold, Color color) {
        shape.clearText();
        line(shape, text, size, bold, color, true);
    }

    /** Adds a paragraph with one run; {@code first} reuses the empty paragraph a cleared shape keeps. */
    private static XSLFTextParagraph line(XSLFTextShape shape, String text, double size, boolean bold, Color color,
                                          boolean first) {
        XSLFTextParagraph p = first && !shape.getTextParagraphs().isEmpty()
                ? shape.getTextParagraphs().get(0) : shape.addNewTextParagraph();
        XSLFTextRun r = p.addNewTextRun();
        r.setText(plain(text));
        r.setFontFamily(FONT);
        r.setFontSize(size);
        r.setBold(bold);
        r.setFontColor(color);
        return p;
    }

    /** Text XML 1.0 can hold: control characters other than tab and newline become U+FFFD. */
    static String plain(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            // Control characters by the rule every output shares; besides, what XML 1.0 forbids.
            boolean ok = !(cp < 0x10000 && io.greenpack.util.Printable.isControl((char) cp)) && cp != 0xFFFE && cp != 0xFFFF
                    && !(cp >= 0xD800 && cp <= 0xDFFF);
            out.appendCodePoint(ok ? cp : 0xFFFD);
        });
        return out.toString();
    }
}
