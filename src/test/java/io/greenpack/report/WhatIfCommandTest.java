package io.greenpack.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenpack.chart.Images;
import io.greenpack.config.ScenarioFile;
import io.greenpack.config.ScenarioSet;
import io.greenpack.consolidate.ConsolidationStage;
import io.greenpack.consolidate.FleetInputs;
import io.greenpack.table.TableFiles;
import io.greenpack.testing.Chromium;
import io.greenpack.testing.CliRun;
import io.greenpack.testing.SampleAnalysis;
import io.greenpack.testing.TestSpark;
import io.greenpack.whatif.WhatIfResult;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** `greenpack whatif` end to end on the bundled sample: files, page in Chromium, slide, charts, exit codes. */
class WhatIfCommandTest {
    private static final String FILE = """
            base:
              headroom: 0.2
            scenarios:
              - name: offload-analytics
                offload: {owners: [analytics], price_per_core_hour: 0.04, price_per_gb_hour: 0.005}
              - name: harvest-half
                harvest: {share: 0.5}
            sweep:
              headroom: [0.1, 0.3]
            """;

    @TempDir
    static Path dir;
    private static Path run;
    private static CliRun cli;

    @BeforeAll
    static void runOnce() throws Exception {
        Path yaml = dir.resolve("w.yaml");
        Files.writeString(yaml, FILE);
        cli = CliRun.of("whatif", "--scenarios", yaml.toString(), "--out", dir.resolve("out").toString(),
                "--iterations", "3000");
        Matcher m = Pattern.compile("written to (\\S+)").matcher(cli.out());
        assertThat(m.find()).as(cli.toString()).isTrue();
        run = Path.of(m.group(1));
    }

    @Test
    void writesOneRowPerPointAndEveryPointsPlan() throws Exception {
        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        List<String> csv = Files.readAllLines(run.resolve("whatif.csv"));
        assertThat(csv).hasSize(1 + 5);
        assertThat(csv.get(0)).startsWith("point,name,kind,headroom,offload,harvest_share,hosts_before,hosts_after,lower_bound");
        assertThat(csv.get(0)).contains("provider_bill_per_year", "cost_saved_per_year", "co2e_saved_t_per_year",
                "payback_months", "kwh_after_per_year");
        assertThat(csv.get(1)).startsWith("0,base,base,0.2,,,");
        assertThat(run.resolve("whatif.parquet")).isRegularFile();
        assertThat(run.resolve("points/01-offload-analytics/offloaded.csv")).isRegularFile();
        for (String f : List.of("00-base", "01-offload-analytics", "02-harvest-half", "03-headroom_0.1", "04-headroom_0.3")) {
            assertThat(run.resolve("points/" + f + "/plan.csv")).isRegularFile();
            assertThat(run.resolve("points/" + f + "/migration.csv")).isRegularFile();
        }
        JsonNode manifest = new ObjectMapper().readTree(run.resolve("manifest.json").toFile());
        List<String> listed = new ArrayList<>();
        manifest.get("scenario").get("files").forEach(n -> listed.add(n.asText()));
        assertThat(listed).contains("whatif.csv", "whatif.parquet", "index.html", "deck.pptx", "manifest.json",
                "charts/whatif-points.png", "charts/whatif-savings-headroom.svg", "points/00-base/plan.csv");
        for (String f : listed) {
            assertThat(run.resolve(f)).as(f).isRegularFile();
        }
        assertThat(manifest.get("rowCounts").get("points").asInt()).isEqualTo(5);
        assertThat(manifest.get("rowCounts").get("analyses").asInt()).isEqualTo(1);
    }

    @Test
    void chartsAreRenderedAndNotBlank() throws Exception {
        for (String c : List.of("whatif-points", "whatif-savings-headroom", "whatif-hosts-headroom", "whatif-harvest")) {
            BufferedImage img = Images.decode(Files.readAllBytes(run.resolve("charts/" + c + ".png")));
            assertThat(Images.distinctColours(img)).as(c).isGreaterThan(10);
            assertThat(Images.inkShare(img)).as(c).isGreaterThan(0.01);
            assertThat(run.resolve("charts/" + c + ".svg")).isRegularFile();
        }
    }

    @Test
    void theSlideOpensBackWithItsTitleChartAndFindings() throws Exception {
        try (InputStream in = Files.newInputStream(run.resolve("deck.pptx")); XMLSlideShow ppt = new XMLSlideShow(in)) {
            assertThat(ppt.getSlides()).hasSize(1);
            XSLFSlide s = ppt.getSlides().get(0);
            StringBuilder text = new StringBuilder();
            int pictures = 0;
            for (XSLFShape shape : s.getShapes()) {
                if (shape instanceof XSLFTextShape t) {
                    text.append(t.getText()).append('\n');
                }
                if (shape instanceof XSLFPictureShape) {
                    pictures++;
                }
            }
            assertThat(text.toString()).contains(Deck.WHATIF_TITLE).contains("Baseline (base)").contains("Most money saved");
            assertThat(pictures).isEqualTo(1);
        }
    }

    @Test
    void thePageShowsTheTableWithTheBaselineHighlightedAndLinksThatResolve() throws Exception {
        String html = Files.readString(run.resolve("index.html"));
        Matcher row = Pattern.compile("<tr class=\"highlight\"><td><a href=\"([^\"]+)\">base</a></td><td>baseline</td>").matcher(html);
        assertThat(row.find()).as("baseline row highlighted and linked").isTrue();
        Matcher links = Pattern.compile("<a href=\"(points/[^\"]+)\">").matcher(html);
        int n = 0;
        while (links.find()) {
            assertThat(run.resolve(links.group(1))).as(links.group(1)).isRegularFile();
            n++;
        }
        assertThat(n).isEqualTo(5);

        Chromium.findOrSkip();
        Chromium.PageLoad page = Chromium.load(run.resolve("index.html"), dir.resolve("chromium"));
        BufferedImage shot = Images.decode(Files.readAllBytes(page.screenshot()));
        assertThat(Images.distinctColours(shot)).as("screenshot is not blank").isGreaterThan(20);
        assertThat(Images.inkShare(shot)).isGreaterThan(0.02);
        assertThat(page.dom()).contains("class=\"highlight\"");
        assertThat(page.consoleErrors()).isEmpty();
        assertThat(page.requests()).as("requests leaving the file").isEmpty();
        Files.copy(page.screenshot(), Path.of("target", "whatif-screenshot.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void twoEvaluationsGiveByteIdenticalTables() throws Exception {
        SampleAnalysis.Loaded l = SampleAnalysis.get();
        FleetInputs in = ConsolidationStage.inputs(l.ingest(), l.analysis(), l.ingest().targets());
        Path yaml = dir.resolve("w2.yaml");
        Files.writeString(yaml, FILE);
        ScenarioSet set = ScenarioFile.load(yaml);
        Map<String, FleetInputs> inputs = Map.of(io.greenpack.whatif.WhatIf.dataKey(set.base()), in);
        List<byte[]> files = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            List<WhatIfResult> r = io.greenpack.pipeline.WhatIfRun.evaluate(TestSpark.session(), inputs, set.whatIf(), io.greenpack.pipeline.WhatIfRun.solver(1, 3000));
            Path f = dir.resolve("twice-" + i + ".csv");
            var points = set.whatIf();
            TableFiles.writeCsv(WhatIfOutputs.table(r, WhatIfOutputs.varying(points), WhatIfOutputs.folders(points)), f);
            files.add(Files.readAllBytes(f));
        }
        assertThat(files.get(1)).isEqualTo(files.get(0));
        // ... and equal to what the command wrote (same data, file, seed and budget).
        assertThat(files.get(0)).isEqualTo(Files.readAllBytes(run.resolve("whatif.csv")));
    }

    @Test
    void badScenarioFilesExitWithTwoAndOneMessage() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "scenarios:\n  - name: x\n    headrom: 0.3\n");
        CliRun r = CliRun.of("whatif", "--scenarios", bad.toString(), "--out", dir.resolve("out-bad").toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("scenarios[0].headrom").contains("did you mean 'headroom'?").doesNotContain("at io.greenpack");
        Files.writeString(bad, "scenarios:\n  - name: x\n    harvest: {share: 2}\n");
        r = CliRun.of("whatif", "--scenarios", bad.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("harvest.share").contains("expected a fraction in [0, 1], got 2");
        assertThat(dir.resolve("out-bad")).doesNotExist();
        r = CliRun.of("whatif", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("--scenarios", "offload:", "harvest:", "sweep:", "greenpack whatif --data");
    }
}
