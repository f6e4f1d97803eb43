package io.greenpack.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenpack.testing.CliRun;
import io.greenpack.util.Home;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The main job end to end through the real CLI, on the bundled sample and on hostile input. */
class ReportJobTest {
    @TempDir
    Path tmp;

    private static Path onlyRun(Path out) throws Exception {
        try (Stream<Path> s = Files.list(out)) {
            List<Path> runs = s.toList();
            assertThat(runs).hasSize(1);
            return runs.get(0);
        }
    }

    @Test
    void bundledSampleGivesACompleteRunFolderWhoseRejectsMatchTheTruth() throws Exception {
        CliRun run = CliRun.of("report", "--out", tmp.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        Path dir = onlyRun(tmp);
        assertThat(dir.getFileName().toString()).matches("\\d{8}-\\d{6}-[0-9a-f]{7}");
        assertThat(run.out()).contains(dir.toString());
        for (String f : List.of("index.html", "manifest.json", "rejects.csv", "charts/fleet-power.png",
                "charts/fleet-power.svg", "tables/fleet_power.csv", "deck.pptx", "summary.md", "plan.csv", "migration.csv",
                "tables/plan_summary.csv", "tables/power_models.csv", "tables/host_efficiency.csv", "tables/app_energy.csv",
                "charts/host-fill.png", "charts/savings-breakdown.png", "charts/payback.png", "charts/harvest.png")) {
            assertThat(dir.resolve(f)).as(f).isRegularFile();
        }
        BufferedImage png = ImageIO.read(dir.resolve("charts/fleet-power.png").toFile());
        assertThat(png.getWidth()).isEqualTo(1600);
        // 39 hosts with utilization samples (srv-015 has none, so it has no row): the heat map is taller
        // than the other charts, one readable row per host.
        assertThat(ImageIO.read(dir.resolve("charts/utilization-heatmap.png").toFile()).getHeight()).isEqualTo(330 + 22 * 39);

        // Every bad row the generator injected is in rejects.csv at its line, and nothing else is.
        JsonNode truth = new ObjectMapper().readTree(Home.sampleData().resolve("truth.json").toFile());
        List<String> rejects = Files.readAllLines(dir.resolve("rejects.csv"));
        int injected = 0;
        for (JsonNode file : truth.get("bad_rows")) {
            injected += file.get("total").asInt();
        }
        assertThat(rejects).hasSize(1 + injected);
        JsonNode manifest = new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
        assertThat(manifest.get("inputs")).hasSize(7); // hosts, apps, targets, power-01/02, utilization-01/02
        assertThat(manifest.get("rowCounts").get("rows_rejected").asInt()).isEqualTo(injected);
        String html = Files.readString(dir.resolve("index.html"));
        // Apps are counted over both utilization files (split by host), not per file.
        assertThat(html).contains("<div class=\"value\">150</div><div class=\"label\">applications");
        assertThat(html).contains("Fleet power").contains("Data quality").contains("data:image/png;base64,")
                .contains("Consolidation plan").contains("Savings").contains("Migration").contains("Assumptions");
        // The default scenario sizes by the whole window: the flat harvest chart says why it is flat.
        assertThat(html).contains("The same at every hour: each app is sized by its p95 over the whole window");

        // The deck reopens, and its recommendation slide states the money summary.md states.
        try (org.apache.poi.xslf.usermodel.XMLSlideShow deck = new org.apache.poi.xslf.usermodel.XMLSlideShow(
                Files.newInputStream(dir.resolve("deck.pptx")))) {
            assertThat(deck.getSlides()).hasSizeGreaterThanOrEqualTo(6);
            assertThat(deck.getPictureData()).isNotEmpty();
            String keySlide = deck.getSlides().get(1).getShapes().stream()
                    .filter(s -> s instanceof org.apache.poi.xslf.usermodel.XSLFTextShape)
                    .map(s -> ((org.apache.poi.xslf.usermodel.XSLFTextShape) s).getText())
                    .reduce("", (a, b) -> a + "\n" + b);
            assertThat(deck.getSlides().get(1).getTitle()).startsWith(Deck.RECOMMENDATION_PREFIX);
            String summary = Files.readString(dir.resolve("summary.md"));
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\*\\*Money saved:\\*\\* ([0-9,]+ EUR/year)").matcher(summary);
            assertThat(m.find()).as(summary).isTrue();
            assertThat(keySlide).contains(m.group(1));
        }
        List<String> plan = Files.readAllLines(dir.resolve("plan.csv"));
        assertThat(plan.get(0)).isEqualTo("app,from_host,to_host,to_model");
        assertThat(plan).hasSize(1 + 150);

        // The report as a reader sees it (skipped, with a message, where Chromium is not installed).
        if (io.greenpack.testing.Chromium.find().isPresent()) {
            io.greenpack.testing.Chromium.PageLoad page = io.greenpack.testing.Chromium.load(dir.resolve("index.html"),
                    tmp.resolve("chromium"));
            assertThat(page.monitored()).as(page.monitorProblem()).isTrue();
            assertThat(page.requests()).as("requests leaving the file").isEmpty();
            assertThat(page.consoleErrors()).as("console errors").isEmpty();
            assertThat(page.dom()).contains("Consolidation plan");
        }
    }

    @Test
    void hostileNamesAreEscapedInEveryOutput() throws Exception {
        String script = "<script>alert(1)</script>";
        String formula = "=HYPERLINK(\"http://x\")";
        Path data = Files.createDirectories(tmp.resolve("data"));
        Files.writeString(data.resolve("hosts.csv"), "host,model,cores,mem_gb\n\"" + script + "\",m1,16,64\n"
                + "\"" + formula.replace("\"", "\"\"") + "\",m1,16,64\n");
        StringBuilder power = new StringBuilder("timestamp,host,watts\n");
        StringBuilder util = new StringBuilder("timestamp,host,app,cpu_cores,mem_gb\n");
        for (int i = 1; i <= 12; i++) {
            String ts = Instant.parse("2026-10-05T00:00:00Z").plusSeconds(300L * i).toString();
            if (i < 5 || i > 9) { // a gap, so that the host's name appears in the gaps table
                power.append(ts).append(",\"").append(script).append("\",100\n");
            }
            power.append(ts).append(",\"").append(formula.replace("\"", "\"\"")).append("\",90\n");
            util.append(ts).append(",\"").append(script).append("\",\"<img src=x onerror=alert(1)>\",2,8\n");
        }
        power.append("=1+2,\"").append(script).append("\",100\n");   // rejected: its line starts with '='
        Files.writeString(data.resolve("power.csv"), power);
        Files.writeString(data.resolve("utilization.csv"), util);
        Path out = tmp.resolve("out");

        CliRun run = CliRun.of("report", "--data", data.toString(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        Path dir = onlyRun(out);
        String html = Files.readString(dir.resolve("index.html"));
        assertThat(html).doesNotContain(script).doesNotContain("<img src=x").contains("&lt;script&gt;");
        List<String> rejects = Files.readAllLines(dir.resolve("rejects.csv"), StandardCharsets.UTF_8);
        assertThat(rejects).hasSize(2);
        assertThat(rejects.get(1)).startsWith("power.csv,21,unreadable timestamp,").contains("\"'=1+2,");
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".svg")).toList()) {
                assertThat(Files.readString(f)).doesNotContain(script);
            }
        }
    }

    @Test
    void failedRunLeavesNoFolderBehind() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("bad"));
        Files.writeString(data.resolve("hosts.csv"), "host,model,cores,mem_gb\nh1,m1,16,64\n");
        Files.writeString(data.resolve("power.csv"), "timestamp,host,watts\n");
        Files.writeString(data.resolve("utilization.csv"), "timestamp,host,app,cpu_cores,mem_gb\n");
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path earlier = Files.createDirectories(out.resolve("20260101-000000-abcdef0"));
        Files.writeString(earlier.resolve("index.html"), "earlier report");

        CliRun run = CliRun.of("report", "--data", data.toString(), "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("power.csv").contains("no data rows").doesNotContain("\tat ");
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.toList()).containsExactly(earlier);
        }
        assertThat(Files.readString(earlier.resolve("index.html"))).isEqualTo("earlier report");
    }
}
