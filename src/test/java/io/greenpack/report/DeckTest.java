package io.greenpack.report;

import io.greenpack.chart.ChartFiles;
import io.greenpack.chart.FleetPowerChart;
import io.greenpack.chart.FleetPowerChart.PowerPoint;
import io.greenpack.savings.Figure;
import io.greenpack.savings.SavingsResult;
import io.greenpack.savings.SmallFleet;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
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

    static Deck.Content content(SavingsResult r, String scenario, String assumption) {
        return new Deck.Content("What consolidation would save", scenario, "2024-05-01 00:00 – 2024-05-08 00:00 UTC", r,
                png(), png(), png(), List.of(assumption, "PUE 1.5 (scenario)"), "");
    }

    static List<String> texts(XSLFSlide s) {
        List<String> out = new ArrayList<>();
        for (XSLFShape sh : s.getShapes()) {
            if (sh instanceof XSLFTextShape t) {
                out.add(t.getText());
            }
        }
        return out;
    }

    @Test
    void deckReopensWithSixSlidesTitlesPicturesAndTheSavingsNumbers(@TempDir Path dir) throws Exception {
        SavingsResult r = SmallFleet.result();
        Path file = dir.resolve("deck.pptx");
        Deck.write(content(r, "base", "Tariff 0.20 EUR/kWh (scenario)"), file);

        try (InputStream in = Files.newInputStream(file); XMLSlideShow ppt = new XMLSlideShow(in)) {
            assertThat(ppt.getPageSize().getWidth()).isEqualTo(960); // 13.333 in
            assertThat(ppt.getPageSize().getHeight()).isEqualTo(540); // 7.5 in
            List<XSLFSlide> slides = ppt.getSlides();
            assertThat(slides).hasSize(6);
            assertThat(slides).extracting(XSLFSlide::getTitle).containsExactly("What consolidation would save",
                    Deck.KEY_NUMBERS_TITLE, Deck.BEFORE_AFTER_TITLE, Deck.TOP_CONSUMERS_TITLE, Deck.PLAN_TITLE,
                    Deck.ASSUMPTIONS_TITLE);
            assertThat(String.join("\n", texts(slides.get(0)))).contains("Scenario: base", "Data window: 2024-05-01");

            for (int i = 2; i <= 4; i++) {
                assertThat(slides.get(i).getShapes()).filteredOn(s -> s instanceof XSLFPictureShape).hasSize(1);
            }
            assertThat(ppt.getPictureData()).isNotEmpty();

            // key numbers are native text, equal to the savings result's formatted figures
            String keys = String.join("\n", texts(slides.get(1)));
            for (Figure f : r.keyFigures()) {
                assertThat(keys).contains(f.label() + "\n" + Deck.valueOnly(f));
            }
            assertThat(keys).contains("9,609", "1,922", "3.8", "50.0", "kWh/year", "EUR/year", "modelled");

            String risks = String.join("\n", texts(slides.get(5)));
            assertThat(risks).contains("Tariff 0.20 EUR/kWh (scenario)", "Measured (from meters): ",
                    "IT energy today", "Modelled (from the plan and power curves): ", "Contention risk: not assessed");
        }
    }

    @Test
    void inputTextIsEscapedPlainTextAndAMissingChartSaysSo() throws Exception {
        String evil = "<script>alert(1)</script> & \"x\" \u0001";
        Deck.Content c = new Deck.Content("t", evil, "w", SmallFleet.result(), null, png(), png(),
                List.of("host " + evil), "host " + evil + " exceeded capacity 3 % of the time");
        byte[] bytes = Deck.bytes(c);

        // the XML inside the package holds the text escaped, never as markup
        String slideXml = entry(bytes, "ppt/slides/slide1.xml");
        // (">" needs no escaping in XML character data; "<" and "&" do)
        assertThat(slideXml).contains("&lt;script>alert(1)&lt;/script> &amp;").doesNotContain("<script>");
        try (XMLSlideShow ppt = new XMLSlideShow(new ByteArrayInputStream(bytes))) {
            assertThat(String.join("\n", texts(ppt.getSlides().get(0)))).contains("<script>alert(1)</script> & \"x\" \uFFFD");
            assertThat(ppt.getSlides().get(2).getShapes()).noneMatch(s -> s instanceof XSLFPictureShape);
            assertThat(String.join("\n", texts(ppt.getSlides().get(2)))).contains("Chart not available");
            assertThat(String.join("\n", texts(ppt.getSlides().get(5)))).contains("exceeded capacity 3 % of the time");
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
        Path out = Path.of("target", "chart-preview", "deck.pptx");
        Deck.write(new Deck.Content("What consolidation would save", r.scenario(), "2024-05-01 00:00 – 2024-05-08 00:00 UTC",
                r, breakdown, top, fill, Deck.assumptions(io.greenpack.savings.SmallFleet.scenario(), 0.05), ""), out);
        try (XMLSlideShow ppt = new XMLSlideShow(Files.newInputStream(out))) {
            assertThat(ppt.getSlides()).hasSize(6);
            String risks = String.join("\n", texts(ppt.getSlides().get(5)));
            assertThat(risks).contains("Energy price 0.20 EUR/kWh (scenario)", "PUE 1.5", "400 gCO2e/kWh",
                    "keeps 20 % of its capacity free", "model error ± 5 %");
            assertThat(String.join("\n", texts(ppt.getSlides().get(1)))).contains("of 2 today");
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
