package io.greenpack.report;

import io.greenpack.chart.ChartFiles;
import io.greenpack.chart.ChartStyle;
import io.greenpack.chart.FleetPowerChart;
import io.greenpack.chart.FleetPowerChart.PowerPoint;
import io.greenpack.savings.SavingsResult;
import io.greenpack.savings.SmallFleet;
import io.greenpack.savings.Verdict;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTable;
import org.apache.poi.xslf.usermodel.XSLFTableRow;
import org.apache.poi.xslf.usermodel.XSLFTextParagraph;
import org.apache.poi.xslf.usermodel.XSLFTextRun;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class DeckTest {
    static byte[] png() {
        Instant t = Instant.parse("2024-05-01T00:00:00Z");
        List<PowerPoint> points = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            points.add(new PowerPoint(t.plusSeconds(300L * i), 1000 + i));
        }
        return ChartFiles.pngBytes(FleetPowerChart.chart(points, "footer"), 1600, 900);
    }

    static Deck.Content content(SavingsResult r, Verdict v, String scenario, String assumption) {
        byte[] png = png();
        return new Deck.Content("What consolidation would save", scenario, "2024-05-01 00:00 – 2024-05-08 00:00 UTC", r, v,
                new Deck.Pictures(png, png, png, png, png),
                new Deck.NextSteps(List.of("srv-9 (comatose)", "old-2"), List.of("1 × NewBox at 6,000 EUR each"),
                        List.of("wave 1: moves 1–2 (2 migrations, about 12 seconds), empties 1 host: old-2")),
                List.of("The data covers 7.0 days", "2 of 3 moves are P2V conversions"),
                List.of(assumption, "PUE 1.5 (scenario)"), "top 2 of 2 applications");
    }

    static List<String> texts(XSLFSlide s) {
        List<String> out = new ArrayList<>();
        for (XSLFShape sh : s.getShapes()) {
            if (sh instanceof XSLFTextShape t) {
                out.add(t.getText());
            } else if (sh instanceof XSLFTable t) {
                for (XSLFTableRow row : t.getRows()) {
                    row.getCells().forEach(c -> out.add(c.getText()));
                }
            }
        }
        return out;
    }

    /** Every text run of the slide, tables included. */
    static List<XSLFTextRun> runs(XSLFSlide s) {
        List<XSLFTextShape> shapes = new ArrayList<>();
        for (XSLFShape sh : s.getShapes()) {
            if (sh instanceof XSLFTextShape t) {
                shapes.add(t);
            } else if (sh instanceof XSLFTable t) {
                t.getRows().forEach(r -> shapes.addAll(r.getCells()));
            }
        }
        List<XSLFTextRun> out = new ArrayList<>();
        for (XSLFTextShape t : shapes) {
            for (XSLFTextParagraph p : t.getTextParagraphs()) {
                out.addAll(p.getTextRuns());
            }
        }
        return out;
    }

    /** The deck rules a director's deck must keep; used here and by the end-to-end report test. */
    static void assertPresentable(XMLSlideShow ppt, Verdict v) {
        List<XSLFSlide> slides = ppt.getSlides();
        XSLFSlide rec = slides.stream().filter(s -> s.getTitle() != null && s.getTitle().startsWith(Deck.RECOMMENDATION_PREFIX))
                .findFirst().orElseThrow(() -> new AssertionError("no recommendation slide"));
        if (v.recommendedOption() != null) {
            assertThat(rec.getTitle()).contains(v.recommendedOption());
        }
        assertThat(String.join("\n", texts(rec))).contains(v.sentence());
        assertThat(slides).extracting(XSLFSlide::getTitle).contains(Deck.NEXT_STEPS_TITLE, Deck.RISKS_TITLE);
        for (XSLFSlide s : slides) {
            for (XSLFShape sh : s.getShapes()) {
                if (sh instanceof XSLFPictureShape pic) {
                    assertThat(Deck.altText(pic)).as("alt text on slide " + s.getTitle()).isNotBlank();
                    // Charts are 1600 px wide with fonts of at least MIN_FONT_PX: at this width they are ≥ 12 pt.
                    assertThat(ChartStyle.slidePoints(ChartStyle.MIN_FONT_PX, ChartFiles.DEFAULT_WIDTH,
                            pic.getAnchor().getWidth())).as("chart text on slide " + s.getTitle()).isGreaterThanOrEqualTo(12);
                }
            }
            for (XSLFTextRun r : runs(s)) {
                if (r.getRawText().isBlank()) {
                    continue;
                }
                assertThat(r.getFontSize()).as("font of \"" + r.getRawText() + "\" on slide " + s.getTitle())
                        .isNotNull().isGreaterThanOrEqualTo(Deck.MIN_POINTS);
            }
        }
    }

    @Test
    void assumptionsSayOnlyNewHostsAreBoughtAndHeadroomAppliesToKeptServersToo() {
        List<String> a = Deck.assumptions(SmallFleet.scenario(), 0.05);

        assertThat(a).noneMatch(line -> line.contains("bought new") || line.contains("Each new host"));
        assertThat(a).anyMatch(line -> line.startsWith("Only new hosts are bought (kept servers cost nothing)"));
        assertThat(a).anyMatch(line -> line.startsWith("Every host of a plan, kept or new, keeps"));
    }

    @Test
    void deckLeadsWithTheRecommendationAndEndsWithNextStepsAndRisks(@TempDir Path dir) throws Exception {
        SavingsResult r = SmallFleet.result();
        Verdict v = Verdicts.fourOptions();
        Path file = dir.resolve("deck.pptx");
        Deck.write(content(r, v, "base", "Tariff 0.20 EUR/kWh (scenario)"), file);

        try (InputStream in = Files.newInputStream(file); XMLSlideShow ppt = new XMLSlideShow(in)) {
            assertThat(ppt.getPageSize().getWidth()).isEqualTo(960); // 13.333 in
            assertThat(ppt.getPageSize().getHeight()).isEqualTo(540); // 7.5 in
            List<XSLFSlide> slides = ppt.getSlides();
            assertThat(slides.get(1).getTitle()).isEqualTo("Recommendation: reuse");
            assertThat(slides.get(2).getTitle()).isEqualTo("Options side by side: reuse is recommended");
            assertPresentable(ppt, v);

            String recommendation = String.join("\n", texts(slides.get(1)));
            for (VerdictText.KeyFigure f : VerdictText.keyFigures(v)) {
                assertThat(recommendation).contains(f.label() + "\n" + f.value());
            }
            assertThat(recommendation).contains("Covers 38 of 40 hosts and 140 of 150 applications",
                    "db-01 is pinned: app-ledger");
            String options = String.join("\n", texts(slides.get(2)));
            assertThat(options).contains("reuse", "refresh", "192 months: does not pay back within 3 years", "12,300");
            String next = String.join("\n", texts(slides.stream().filter(s -> Deck.NEXT_STEPS_TITLE.equals(s.getTitle()))
                    .findFirst().orElseThrow()));
            assertThat(next).contains("Switch off first: srv-9 (comatose), old-2.", "Buy: 1 × NewBox", "Moves, wave 1");
            assertThat(slides).filteredOn(s -> s.getTitle().startsWith("Payback: ")).hasSize(1);
        }
    }

    @Test
    void whenNothingPaysBackTheDeckSaysNotToBuyInWarningWords() throws Exception {
        Verdict v = Verdicts.nothingPaysBack();
        try (XMLSlideShow ppt = new XMLSlideShow(new ByteArrayInputStream(Deck.bytes(
                content(SmallFleet.result(), v, "base", "a"))))) {
            assertPresentable(ppt, v);
            assertThat(ppt.getSlides().get(1).getTitle()).isEqualTo("Recommendation: do not buy new hardware for energy savings alone");
            assertThat(String.join("\n", texts(ppt.getSlides().get(1)))).contains("192 months: does not pay back within 3 years");
            assertThat(ppt.getSlides().get(2).getTitle()).isEqualTo("Options side by side: none pays back within 3 years");
        }
    }

    @Test
    void inputTextIsEscapedPlainTextAndAMissingChartSaysSo() throws Exception {
        String evil = "<script>alert(1)</script> & \"x\" \u0001";
        Deck.Content ok = content(SmallFleet.result(), Verdicts.fourOptions(), evil, "host " + evil);
        Deck.Content c = new Deck.Content(ok.title(), ok.scenario(), ok.dataWindow(), ok.savings(), ok.verdict(),
                new Deck.Pictures(png(), png(), png(), png(), null), ok.nextSteps(),
                List.of("host " + evil + " exceeded capacity 3 % of the time"), ok.assumptions(), "");
        byte[] bytes = Deck.bytes(c);

        // the XML inside the package holds the text escaped, never as markup
        String slideXml = entry(bytes, "ppt/slides/slide1.xml");
        // (">" needs no escaping in XML character data; "<" and "&" do)
        assertThat(slideXml).contains("&lt;script>alert(1)&lt;/script> &amp;").doesNotContain("<script>");
        try (XMLSlideShow ppt = new XMLSlideShow(new ByteArrayInputStream(bytes))) {
            assertThat(String.join("\n", texts(ppt.getSlides().get(0)))).contains("<script>alert(1)</script> & \"x\" \uFFFD");
            XSLFSlide optionsChart = ppt.getSlides().get(3);
            assertThat(optionsChart.getShapes()).noneMatch(s -> s instanceof XSLFPictureShape);
            assertThat(String.join("\n", texts(optionsChart))).contains("Chart not available");
            XSLFSlide risks = ppt.getSlides().stream().filter(s -> Deck.RISKS_TITLE.equals(s.getTitle())).findFirst().orElseThrow();
            assertThat(String.join("\n", texts(risks))).contains("exceeded capacity 3 % of the time");
        }
    }

    /** A deck with the real savings charts, left in target/ for a person to look at. */
    @Test
    void deckWithTheSavingsChartsIsLeftInTargetForPreview() throws Exception {
        SavingsResult r = SmallFleet.result();
        String footer = io.greenpack.chart.ChartStyle.footer("2024-05-01 00:00 – 2024-05-08 00:00 UTC", r.scenario());
        byte[] breakdown = ChartFiles.pngBytes(io.greenpack.chart.SavingsBreakdownChart.chart(
                new io.greenpack.chart.SavingsBreakdownChart.Breakdown(r.beforeFacilityKwhPerYear(),
                        r.afterFacilityKwhPerYear(), r.beforeMoneyPerYear(), r.afterMoneyPerYear(),
                        r.beforeCo2eKgPerYear(), r.afterCo2eKgPerYear(), r.currency()), footer), 1600, 900);
        byte[] top = ChartFiles.pngBytes(io.greenpack.chart.CountBarChart.topConsumers(
                java.util.Map.of("old-1", 4380.0 * 1.5, "old-2", 3504.0 * 1.5), 10, footer), 1600, 900);
        byte[] fill = ChartFiles.pngBytes(io.greenpack.chart.HostFillChart.chart(
                List.of(new io.greenpack.chart.HostFillChart.HostFill("old-1", 0.3, 0.4),
                        new io.greenpack.chart.HostFillChart.HostFill("old-2", 0.1, 0.05)),
                List.of(new io.greenpack.chart.HostFillChart.HostFill("NewBox-1", 11 / 32.0, 94 / 256.0)), 0.2, footer),
                1600, 900);
        Verdict v = Verdicts.fourOptions();
        byte[] options = ChartFiles.pngBytes(io.greenpack.chart.OptionsChart.chart(v.options().stream()
                .map(o -> new io.greenpack.chart.OptionsChart.Option(o.option(), o.moneySavedPerYear() * 3, o.capex())).toList(),
                3, "EUR", footer), 1600, 900);
        byte[] payback = ChartFiles.pngBytes(io.greenpack.chart.PaybackChart.chart(
                new io.greenpack.chart.PaybackChart.Payback(224_000, 14_000, 3, "EUR"), footer), 1600, 900);
        Path out = Path.of("target", "chart-preview", "deck.pptx");
        Deck.Content base = content(r, v, r.scenario(), "a");
        Deck.write(new Deck.Content("What consolidation would save", r.scenario(), base.dataWindow(), r, v,
                new Deck.Pictures(breakdown, top, fill, payback, options), base.nextSteps(), base.risks(),
                Deck.assumptions(io.greenpack.savings.SmallFleet.scenario(), 0.05), "top 2 of 2 applications"), out);
        try (XMLSlideShow ppt = new XMLSlideShow(Files.newInputStream(out))) {
            assertPresentable(ppt, v);
            String assumptions = String.join("\n", texts(ppt.getSlides().get(ppt.getSlides().size() - 1)));
            assertThat(assumptions).contains("Energy price 0.20 EUR/kWh (scenario)", "PUE 1.5", "400 gCO2e/kWh",
                    "keeps 20 % of its capacity free", "model error ± 5 %");
        }
    }

    static String entry(byte[] zip, String name) throws Exception {
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                if (e.getName().equals(name)) {
                    return new String(z.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no " + name + " in the package");
    }
}
