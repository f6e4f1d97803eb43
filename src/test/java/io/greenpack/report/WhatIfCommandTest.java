package io.greenpack.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenpack.chart.Images;
import io.greenpack.config.ScenarioFile;
import io.greenpack.config.ScenarioSet;
import io.greenpack.consolidate.ConsolidationStage;
import io.greenpack.consolidate.OptionInputs;
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
        assertThat(csv.get(0)).startsWith("point,name,kind,headroom,offload,harvest_share,option,recommended,hosts_before,"
                + "hosts_after,lower_bound");
        assertThat(csv.get(0)).contains("provider_bill_per_year", "cost_saved_per_year", "co2e_saved_t_per_year",
                "capex", "payback_months", "tco_over_horizon", "contention_share", "kwh_after_per_year");
        assertThat(csv.get(1)).matches("0,base,base,0\\.2,,,(decommission|reuse|refresh|best),(true|false),.*");
        assertThat(run.resolve("whatif.parquet")).isRegularFile();
        assertThat(run.resolve("points/01-offload-analytics/offloaded.csv")).isRegularFile();
        for (String f : List.of("00-base", "01-offload-analytics", "02-harvest-half", "03-headroom_0.1", "04-headroom_0.3")) {
            assertThat(run.resolve("points/" + f + "/plan.csv")).isRegularFile();
            assertThat(run.resolve("points/" + f + "/migration.csv")).isRegularFile();
            assertThat(run.resolve("points/" + f + "/plan_options.csv")).isRegularFile();
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
    void theSlidesOpenBackWithTheChartAndFindingsInReadableText() throws Exception {
        try (InputStream in = Files.newInputStream(run.resolve("deck.pptx")); XMLSlideShow ppt = new XMLSlideShow(in)) {
            assertThat(ppt.getSlides()).hasSize(2);
            StringBuilder text = new StringBuilder();
            int pictures = 0;
            for (XSLFSlide s : ppt.getSlides()) {
                for (XSLFShape shape : s.getShapes()) {
                    if (shape instanceof XSLFTextShape t) {
                        text.append(t.getText()).append('\n');
                    }
                    if (shape instanceof XSLFPictureShape p) {
                        pictures++;
                        assertThat(Deck.altText(p)).isNotBlank();
                    }
                }
                DeckTest.runs(s).forEach(r -> assertThat(r.getFontSize()).isGreaterThanOrEqualTo(Deck.MIN_POINTS));
            }
            assertThat(text.toString()).contains(Deck.WHATIF_TITLE).contains("Baseline (base)")
                    .contains("Most money saved among the options");
            assertThat(pictures).isEqualTo(1);
        }
    }

    @Test
    void theComparisonShowsCapexPaybackAndReplayedContentionAsPercentages() throws Exception {
        String html = Files.readString(run.resolve("index.html"));
        assertThat(html).contains("<th scope=\"col\" class=\"num\">capex EUR</th>", "<th scope=\"col\">option</th>",
                "<th scope=\"col\" class=\"num\">TCO EUR</th>",
                "<th scope=\"col\">payback</th>", "<th scope=\"col\" class=\"num\">contention risk</th>",
                "headroom 10 %", "headroom 30 %");
        // The fewest-hosts point says what it saves or costs: few hosts can still cost more than today.
        assertThat(html).containsPattern("Fewest hosts: [^<]*, \\d+ hosts, (saving|costing) [0-9,]+ EUR per year");
        // Fewer than 50 rows: no inner scroll box.
        assertThat(html).doesNotContain("table-wrap long");
        assertThat(run.resolve("charts/whatif-tradeoff.png")).isRegularFile();
        Matcher contention = Pattern.compile("<td class=\"num\">(\\d+\\.\\d %|&lt; 0\\.1 %)</td>").matcher(html);
        assertThat(contention.find()).as("a contention share in per cent").isTrue();
    }

    @Test
    void anOutsidePriceChangeIsASensitivityNotAnOption() throws Exception {
        Path yaml = dir.resolve("tariff.yaml");
        Files.writeString(yaml, "base:\n  headroom: 0.2\nscenarios:\n  - name: tariff-doubles\n    tariff_per_kwh: 0.36\n");
        CliRun r = CliRun.of("whatif", "--scenarios", yaml.toString(), "--out", dir.resolve("out-tariff").toString(),
                "--iterations", "3000");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        Matcher m = Pattern.compile("written to (\\S+)").matcher(r.out());
        assertThat(m.find()).isTrue();
        String html = Files.readString(Path.of(m.group(1)).resolve("index.html"));
        assertThat(html).contains("Sensitivity: outside changes", "Sensitivity, not an option: with tariff_per_kwh 0.36")
                .doesNotContain("Most money saved among the options: tariff-doubles");
    }

    /**
     * The base point of a what-if is the report's plan for the same data, scenario, seed and
     * iteration budget (a clock that never decides, as the what-if has): the same options, the same
     * recommended option, the same moves, hosts after and money saved.
     */
    @Test
    void theBasePointHasTheReportsPlan() throws Exception {
        Path out = dir.resolve("out-report");
        CliRun r = CliRun.of("report", "--out", out.toString(), "--seed", "1", "--iterations", "3000", "--time-limit",
                String.valueOf((long) io.greenpack.pipeline.WhatIfRun.NO_CLOCK_SECONDS));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        Path report;
        try (Stream<Path> s = Files.list(out)) {
            report = s.findFirst().orElseThrow();
        }
        assertThat(Files.readAllLines(run.resolve("points/00-base/plan.csv")))
                .isEqualTo(Files.readAllLines(report.resolve("plan.csv")));
        // Equal figures, computed by different Spark jobs: sums may differ in the last bits.
        assertThat(io.greenpack.testing.CsvLines.differences("plan_options.csv",
                Files.readAllLines(report.resolve("tables/plan_options.csv")),
                Files.readAllLines(run.resolve("points/00-base/plan_options.csv")))).isEmpty();
        io.greenpack.csv.CsvFile options = io.greenpack.csv.CsvFile.read(report.resolve("tables/plan_options.csv"), "option");
        io.greenpack.csv.CsvRow rec = options.rows().stream().filter(x -> x.bool(options.column("recommended"))).findFirst()
                .orElseThrow(() -> new AssertionError("the report recommends an option on the sample"));
        io.greenpack.csv.CsvFile whatif = io.greenpack.csv.CsvFile.read(run.resolve("whatif.csv"), "option");
        io.greenpack.csv.CsvRow base = whatif.rows().get(0);
        assertThat(base.text(whatif.column("option"))).isEqualTo(rec.text(options.column("option")));
        assertThat(base.bool(whatif.column("recommended"))).isTrue();
        assertThat(base.text(whatif.column("hosts_after"))).isEqualTo(rec.text(options.column("hosts_after")));
        assertThat(Double.parseDouble(base.text(whatif.column("cost_saved_per_year"))))
                .isCloseTo(Double.parseDouble(rec.text(options.column("money_saved_per_year"))),
                        org.assertj.core.api.Assertions.within(0.01));
        for (String c : List.of("capex", "contention_share", "payback_months", "tco_over_horizon")) {
            assertThat(Double.parseDouble(base.text(whatif.column(c))))
                    .as(c).isCloseTo(Double.parseDouble(rec.text(options.column(c))), org.assertj.core.api.Assertions.within(0.01));
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
        Path yaml = dir.resolve("w2.yaml");
        Files.writeString(yaml, FILE);
        ScenarioSet set = ScenarioFile.load(yaml);
        OptionInputs in = ConsolidationStage.optionInputs(l.ingest(), l.analysis(), l.ingest().targets(), set.base());
        Map<String, OptionInputs> inputs = Map.of(io.greenpack.whatif.WhatIf.dataKey(set.base()), in);
        List<byte[]> files = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            List<WhatIfResult> r = io.greenpack.pipeline.WhatIfRun.evaluate(l.ingest().utilization(), inputs, set.whatIf(), io.greenpack.pipeline.WhatIfRun.solver(1, 3000));
            Path f = dir.resolve("twice-" + i + ".csv");
            var points = set.whatIf();
            TableFiles.writeCsv(WhatIfOutputs.table(r, WhatIfOutputs.varying(points), WhatIfOutputs.folders(points)), f);
            files.add(Files.readAllBytes(f));
        }
        assertThat(files.get(1)).isEqualTo(files.get(0));
        // ... and equal to what the command wrote (same data, file, seed and budget; its own analysis
        // run, whose sums over Spark partitions may differ in the last bits).
        assertThat(io.greenpack.testing.CsvLines.differences("whatif.csv",
                Files.readAllLines(run.resolve("whatif.csv")), Files.readAllLines(dir.resolve("twice-0.csv")))).isEmpty();
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
