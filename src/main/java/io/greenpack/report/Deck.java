package io.greenpack.report;

import io.greenpack.chart.ChartStyle;
import io.greenpack.savings.Figure;
import io.greenpack.savings.SavingsResult;
import io.greenpack.savings.Verdict;
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
 * rendered at 1600×900 by the chart package and placed at least
 * {@link ChartStyle#SLIDE_PICTURE_WIDTH_POINTS} points wide, so their text is 12 pt or more.
 *
 * <p>Slides, each titled with its message: title · recommendation · options side by side · options
 * chart · payback · before vs after · top consumers · the plan (host fill) · next steps · risks ·
 * assumptions. A chart that is missing gets a slide saying so instead of a broken picture; every
 * picture carries alt text.
 *
 * <p>Text from input (host, app, scenario names) is set as plain text runs: POI writes it as XML
 * character data, escaped; control characters, which XML 1.0 cannot hold, become U+FFFD.
 */
public final class Deck {
    private Deck() {
    }

    /** 13.333 × 7.5 inches in points (72 per inch): the 16:9 size of current PowerPoint. */
    public static final Dimension PAGE = new Dimension(960, 540);

    /** No text run of the deck is smaller. */
    public static final double MIN_POINTS = ChartStyle.MIN_SLIDE_POINTS;

    public static final String RECOMMENDATION_PREFIX = "Recommendation: ";
    public static final String NEXT_STEPS_TITLE = "Next steps";
    public static final String RISKS_TITLE = "Risks to check before acting";
    public static final String ASSUMPTIONS_TITLE = "Assumptions";

    /** The charts; any may be null (the slide then says the chart is not available). */
    public record Pictures(byte[] beforeAfter, byte[] topConsumers, byte[] hostFill, byte[] payback, byte[] options) {
    }

    /**
     * The next-steps slide: hosts to switch off first, what to buy, the moves in waves.
     */
    public record NextSteps(List<String> switchOffFirst, List<String> buy, List<String> waves) {
        public NextSteps {
            switchOffFirst = List.copyOf(switchOffFirst);
            buy = List.copyOf(buy);
            waves = List.copyOf(waves);
        }
    }

    /**
     * What goes into the deck.
     *
     * @param dataWindow  "2024-05-01 00:00 – 2024-05-31 23:55 UTC"
     * @param assumptions one line per assumption, e.g. "Tariff 0.18 EUR/kWh (scenario)"
     * @param risks       one line per real risk (data window, illustrative models, P2V, contention)
     * @param topConsumersCaption what the top-consumers chart shows ("top 12 of 150 applications")
     */
    public record Content(String title, String scenario, String dataWindow, SavingsResult savings, Verdict verdict,
                          Pictures pictures, NextSteps nextSteps, List<String> risks, List<String> assumptions,
                          String topConsumersCaption) {
        public Content {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(scenario, "scenario");
            Objects.requireNonNull(dataWindow, "dataWindow");
            Objects.requireNonNull(savings, "savings");
            Objects.requireNonNull(verdict, "verdict");
            pictures = pictures == null ? new Pictures(null, null, null, null, null) : pictures;
            nextSteps = nextSteps == null ? new NextSteps(List.of(), List.of(), List.of()) : nextSteps;
            risks = List.copyOf(risks == null ? List.of() : risks);
            assumptions = List.copyOf(assumptions == null ? List.of() : assumptions);
            topConsumersCaption = topConsumersCaption == null ? "" : topConsumersCaption;
        }
    }

    private static final String FONT = "Calibri";
    private static final Color TEXT = new Color(0x222222);
    private static final Color MUTED = new Color(0x555555);
    private static final Color WARN = new Color(0xA4161A);
    private static final Color MODELLED = new Color(0xB36F00); // Okabe–Ito orange, darkened for text contrast

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

    static XMLSlideShow build(Content c) {
        XMLSlideShow ppt = new XMLSlideShow();
        ppt.setPageSize(PAGE);
        Verdict v = c.verdict();
        SavingsResult r = c.savings();
        Pictures p = c.pictures();
        titleSlide(ppt, c);
        recommendation(ppt, c);
        DeckTable.options(titled(ppt, optionsTitle(v)), v);
        pictureSlide(ppt, "Savings over " + Figure.format(v.horizonYears(), "years") + " against hardware cost, per option",
                p.options(), "Money saved over the horizon (modelled) against the hardware each option buys (catalogue prices).");
        pictureSlide(ppt, VerdictText.lead(v).map(o -> "Payback: " + VerdictText.payback(o, v.horizonYears())).orElse("Payback"),
                p.payback(), "Cumulative money saved (modelled) against the hardware cost: it pays back where the lines cross.");
        pictureSlide(ppt, "Energy falls from " + Figure.format(r.beforeFacilityKwhPerYear() / 1000, "") + " to "
                        + Figure.format(r.afterFacilityKwhPerYear() / 1000, "MWh a year"),
                p.beforeAfter(), "Facility energy (IT × PUE), money and CO2e per year: today metered and scaled to a year, "
                        + "after modelled; covers " + r.serversBefore() + " metered hosts.");
        pictureSlide(ppt, "Where the energy goes today", p.topConsumers(), c.topConsumersCaption());
        pictureSlide(ppt, "The plan: " + r.serversBefore() + " hosts become " + r.serversAfter(), p.hostFill(),
                "CPU and memory in use on each host, today and after consolidation (sized demand, modelled).");
        bullets(titled(ppt, NEXT_STEPS_TITLE), nextSteps(c.nextSteps()), 18);
        bullets(titled(ppt, RISKS_TITLE), c.risks(), 18);
        bullets(titled(ppt, ASSUMPTIONS_TITLE), c.assumptions(), 14);
        return ppt;
    }

    static String optionsTitle(Verdict v) {
        return v.recommendedOption() != null ? "Options side by side: " + v.recommendedOption() + " is recommended"
                : "Options side by side: none pays back within " + Figure.format(v.horizonYears(), "years");
    }

    /** The recommendation slide's title: names the recommended option, or says to wait. */
    static String recommendationTitle(Verdict v) {
        return RECOMMENDATION_PREFIX + (v.recommendedOption() != null ? v.recommendedOption()
                : "do not buy new hardware for energy savings alone");
    }

    private static void titleSlide(XMLSlideShow ppt, Content c) {
        // TITLE_ONLY rather than the centred-title layout: its placeholder is a real "title", so
        // PowerPoint's outline, accessibility checker and readers of the file find the deck's name.
        XSLFSlide s = ppt.createSlide(layout(ppt, SlideLayout.TITLE_ONLY));
        XSLFTextShape title = s.getPlaceholder(0);
        title.setAnchor(new Rectangle2D.Double(60, 80, 840, 100));
        setText(title, c.title(), 36, true, TEXT);
        title.getTextParagraphs().get(0).setTextAlign(TextParagraph.TextAlign.LEFT);
        XSLFTextBox sub = box(s, new Rectangle2D.Double(60, 200, 840, 300));
        line(sub, c.verdict().sentence(), 24, false, TEXT, true);
        line(sub, " ", 12, false, TEXT, false);
        line(sub, "Scenario: " + c.scenario(), 18, false, MUTED, false);
        line(sub, "Data window: " + c.dataWindow(), 16, false, MUTED, false);
    }

    private static void recommendation(XMLSlideShow ppt, Content c) {
        Verdict v = c.verdict();
        XSLFSlide s = titled(ppt, recommendationTitle(v));
        XSLFTextBox head = box(s, new Rectangle2D.Double(60, 84, 840, 90));
        line(head, v.sentence(), 20, true, TEXT, true);
        List<VerdictText.KeyFigure> figures = VerdictText.keyFigures(v);
        double gap = 12;
        double w = (840 - gap * Math.max(0, figures.size() - 1)) / Math.max(1, figures.size());
        for (int i = 0; i < figures.size(); i++) {
            VerdictText.KeyFigure f = figures.get(i);
            XSLFTextBox b = box(s, new Rectangle2D.Double(60 + i * (w + gap), 186, w, 220));
            b.setLineColor(f.warn() ? WARN : new Color(0xDDDDDD));
            line(b, f.label(), 14, false, MUTED, true);
            line(b, f.value(), f.warn() ? 16 : 22, true, f.warn() ? WARN : TEXT, false);
            line(b, f.basis(), 12, false, MUTED, false);
        }
        XSLFTextBox scope = box(s, new Rectangle2D.Double(60, 416, 840, 110));
        line(scope, VerdictText.scope(v.scope()), 14, false, TEXT, true);
        VerdictText.shortWindow(c.savings().windowHours()).ifPresent(w2 -> line(scope, w2, 14, true, WARN, false));
    }

    private static List<String> nextSteps(NextSteps n) {
        List<String> out = new ArrayList<>();
        out.add("Switch off first: " + (n.switchOffFirst().isEmpty() ? "no host can go without moves."
                : String.join(", ", n.switchOffFirst()) + "."));
        out.add("Buy: " + (n.buy().isEmpty() ? "nothing." : String.join("; ", n.buy()) + "."));
        n.waves().forEach(wave -> out.add("Moves, " + wave + "."));
        return out;
    }

    private static void pictureSlide(XMLSlideShow ppt, String title, byte[] png, String caption) {
        XSLFSlide s = titled(ppt, title);
        // 16:9 picture below the title, centred, 768 pt wide: the chart package sizes its fonts for this.
        double w = ChartStyle.SLIDE_PICTURE_WIDTH_POINTS;
        Rectangle2D area = new Rectangle2D.Double((PAGE.width - w) / 2.0, 78, w, w * 9 / 16);
        if (png == null || png.length == 0) {
            XSLFTextBox b = box(s, area);
            line(b, "Chart not available for this run.", 20, false, MUTED, true);
        } else {
            picture(ppt, s, png, area, title + ". " + caption);
        }
        XSLFTextBox cap = box(s, new Rectangle2D.Double(60, 78 + w * 9 / 16 + 2, 840, 30));
        line(cap, caption, 12, false, MUTED, true);
    }

    /** A picture with its alt text (the description screen readers and PowerPoint's checker read). */
    static XSLFPictureShape picture(XMLSlideShow ppt, XSLFSlide s, byte[] png, Rectangle2D area, String alt) {
        XSLFPictureData data = ppt.addPicture(png, PictureData.PictureType.PNG);
        XSLFPictureShape pic = s.createPicture(data);
        pic.setAnchor(area);
        ((org.openxmlformats.schemas.presentationml.x2006.main.CTPicture) pic.getXmlObject())
                .getNvPicPr().getCNvPr().setDescr(plain(alt));
        return pic;
    }

    /** The alt text of a picture, as {@link #picture} set it. */
    public static String altText(XSLFPictureShape pic) {
        return ((org.openxmlformats.schemas.presentationml.x2006.main.CTPicture) pic.getXmlObject())
                .getNvPicPr().getCNvPr().getDescr();
    }

    private static void bullets(XSLFSlide s, List<String> lines, double size) {
        XSLFTextBox b = box(s, new Rectangle2D.Double(60, 84, 840, 440));
        boolean first = true;
        for (String text : lines) {
            XSLFTextParagraph p = line(b, text, size, false, TEXT, first);
            p.setBullet(true);
            p.setIndent(-14.0);
            p.setLeftMargin(18.0);
            p.setSpaceAfter(8.0);
            first = false;
        }
    }

    private static XSLFTextBox box(XSLFSlide s, Rectangle2D anchor) {
        XSLFTextBox b = s.createTextBox();
        b.setAnchor(anchor);
        b.setWordWrap(true);
        b.clearText();
        return b;
    }

    /** The scenario's assumptions as deck bullets (each says where it comes from). */
    public static List<String> assumptions(io.greenpack.config.Scenario s, double modelErrorFraction) {
        List<String> out = new ArrayList<>();
        out.add("Energy price " + Figure.format(s.tariffPerKwh(), s.currency() + "/kWh") + " (scenario)");
        out.add("PUE " + Figure.format(s.pue(), "") + ": facility energy = IT energy × PUE (scenario)");
        out.add(s.hourlyGridGco2ePerKwh().isEmpty()
                ? "Grid carbon intensity " + Figure.format(s.gridGco2ePerKwh(), "gCO2e/kWh") + " (scenario)"
                : "Grid carbon intensity by hour of day, mean " + Figure.format(s.gridGco2ePerKwh(), "gCO2e/kWh") + " (scenario)");
        out.add("Every host of a plan, kept or new, keeps " + Figure.format(s.headroom() * 100, "%") + " of its capacity free; demand sized at p"
                + Figure.format(s.percentile(), "") + (s.hourlySizing() ? ", hour of day by hour of day" : ""));
        out.add("Virtualisation adds " + Figure.format(s.hypervisorCpuOverhead() * 100, "%") + " CPU and "
                + Figure.format(s.hypervisorMemGb(), "GB") + " memory per VM (rule of thumb)");
        out.add("Only new hosts are bought (kept servers cost nothing); payback = hardware cost ÷ money saved per "
                + "month; options compared by total cost of ownership over " + Figure.format(s.horizonYears(), "years"));
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
            pictureSlide(ppt, WHATIF_TITLE, chartPng, "Data window " + dataWindow
                    + ". Today measured, after modelled; tariff and grid changes are sensitivities, not options.");
            List<String> lines = new ArrayList<>(findings.stream().limit(6).toList());
            bullets(titled(ppt, "What-if: what the points show"), lines, 18);
            ppt.write(out);
            return out.toByteArray();
        }
    }

    static XSLFSlide titled(XMLSlideShow ppt, String title) {
        XSLFSlide s = ppt.createSlide(layout(ppt, SlideLayout.TITLE_ONLY));
        XSLFTextShape t = s.getPlaceholder(0);
        // The default master is 4:3; place the title for the 16:9 page.
        t.setAnchor(new Rectangle2D.Double(60, 20, 840, 60));
        setText(t, title, 24, true, TEXT);
        t.getTextParagraphs().get(0).setTextAlign(TextParagraph.TextAlign.LEFT);
        return s;
    }

    private static XSLFSlideLayout layout(XMLSlideShow ppt, SlideLayout kind) {
        return ppt.getSlideMasters().get(0).getLayout(kind);
    }

    static void setText(XSLFTextShape shape, String text, double size, boolean bold, Color color) {
        shape.clearText();
        line(shape, text, size, bold, color, true);
    }

    /** Adds a paragraph with one run; {@code first} reuses the empty paragraph a cleared shape keeps. */
    static XSLFTextParagraph line(XSLFTextShape shape, String text, double size, boolean bold, Color color,
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
