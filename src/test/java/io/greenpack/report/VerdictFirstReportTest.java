package io.greenpack.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.greenpack.testing.Chromium;
import io.greenpack.testing.CliRun;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled sample's report as a manager meets it: the decision first, the same figures in
 * index.html, summary.md and deck.pptx, and a page that reads and prints well in a real browser
 * (the browser checks are skipped where Chromium is not installed).
 */
class VerdictFirstReportTest {
    @TempDir
    static Path tmp;
    private static Path run;

    @BeforeAll
    static void report() throws Exception {
        CliRun r = CliRun.of("report", "--out", tmp.resolve("out").toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        try (Stream<Path> s = Files.list(tmp.resolve("out"))) {
            run = s.findFirst().orElseThrow();
        }
    }

    private static final Pattern TILE = Pattern.compile(
            "<div class=\"value\">(.*?)</div><div class=\"label\">(.*?)</div>");
    private static final Pattern SUMMARY_FIGURE = Pattern.compile("^- \\*\\*(.+?):\\*\\* (?:⚠ )?(.+?) _\\(", Pattern.MULTILINE);

    /** Label → value of the verdict's tiles in index.html. */
    static Map<String, String> htmlFigures(String html) {
        int start = html.indexOf("<section id=\"verdict\">");
        assertThat(start).as("verdict section").isNotNegative();
        String section = html.substring(start, html.indexOf("</section>", start));
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = TILE.matcher(section);
        while (m.find()) {
            out.put(unescape(m.group(2)), unescape(m.group(1)));
        }
        return out;
    }

    static Map<String, String> summaryFigures(String md) {
        String verdict = md.substring(md.indexOf("## Verdict"), md.indexOf("### Options side by side"));
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = SUMMARY_FIGURE.matcher(verdict);
        while (m.find()) {
            out.put(m.group(1), m.group(2).replace("\\", ""));
        }
        return out;
    }

    /** Label → value of the recommendation slide's figure boxes ("label\nvalue\nbasis"). */
    static Map<String, String> deckFigures(XMLSlideShow ppt, Iterable<String> labels) {
        XSLFSlide rec = ppt.getSlides().stream().filter(s -> s.getTitle().startsWith(Deck.RECOMMENDATION_PREFIX))
                .findFirst().orElseThrow();
        Map<String, String> out = new LinkedHashMap<>();
        for (String box : DeckTest.texts(rec)) {
            String[] lines = box.split("\n");
            for (String label : labels) {
                if (lines.length >= 2 && lines[0].equals(label)) {
                    out.put(label, lines[1]);
                }
            }
        }
        return out;
    }

    /**
     * The figures of tables/plan_options.csv, formatted like the other outputs, once the options
     * stage writes that table; empty before.
     */
    static Optional<Map<String, String>> planOptionsFigures(Path run) throws Exception {
        Path csv = run.resolve("tables/plan_options.csv");
        if (!Files.isRegularFile(csv)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).split(","));
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = List.of(line.split(",", -1));
            if (!cells.get(header.indexOf("recommended")).equals("true")) {
                continue;
            }
            Map<String, String> out = new LinkedHashMap<>();
            out.put("Energy saved", io.greenpack.savings.Figure.format(
                    Double.parseDouble(cells.get(header.indexOf("kwh_saved_per_year"))), "kWh/year"));
            return Optional.of(out);
        }
        return Optional.of(Map.of());
    }

    static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }

    @Test
    void keyFiguresAreTheSameInEveryOutput() throws Exception {
        Map<String, String> html = htmlFigures(Files.readString(run.resolve("index.html")));
        Map<String, String> md = summaryFigures(Files.readString(run.resolve("summary.md")));
        assertThat(html.keySet()).containsExactly("Money saved", "Energy saved", "CO2e avoided", "Hardware to buy", "Payback");
        assertThat(md).isEqualTo(html);
        try (XMLSlideShow ppt = new XMLSlideShow(Files.newInputStream(run.resolve("deck.pptx")))) {
            assertThat(deckFigures(ppt, html.keySet())).isEqualTo(html);
            DeckTest.assertPresentable(ppt, recommendedTitleFree());
        }
        planOptionsFigures(run).ifPresent(t -> t.forEach((label, value) -> assertThat(html).containsEntry(label, value)));
        // Every figure says its period.
        assertThat(html.get("Money saved")).endsWith("/year");
        assertThat(html.get("Energy saved")).endsWith("kWh/year");
        assertThat(html.get("CO2e avoided")).contains("over 3 years");
    }

    /** The sample's verdict as the page states it, for the deck's checks (name and sentence). */
    private io.greenpack.savings.Verdict recommendedTitleFree() throws Exception {
        String html = Files.readString(run.resolve("index.html"));
        Matcher m = Pattern.compile("<p class=\"callout\" id=\"verdict-sentence\">(.*?)</p>").matcher(html);
        assertThat(m.find()).isTrue();
        String sentence = unescape(m.group(1).replaceAll("<[^>]+>", ""));
        return new io.greenpack.savings.Verdict(null, sentence, List.of(), Verdicts.scope(), 3, "EUR");
    }

    @Test
    void theDecisionLeadsAndTheFleetFactsFollow() throws Exception {
        String html = Files.readString(run.resolve("index.html"));
        int verdict = html.indexOf("id=\"verdict-sentence\"");
        assertThat(verdict).isPositive().isLessThan(html.indexOf("<section id=\"summary\">"));
        // Flat and hourly sizing are both planned; the plan section compares them for the lead option.
        assertThat(html).containsPattern("Sized (per hour of day|by one percentile over the window), the same option needs \\d+ hosts");
        assertThat(html).contains("Covers 40 of 40 hosts", "does not pay back within 3 years",
                "A week scaled to a year misses month-end and seasonal peaks", "<tr class=\"warn\">");
        for (String f : List.of("plan.csv", "migration.csv", "rejects.csv", "summary.md", "deck.pptx", "tables/showback.csv")) {
            assertThat(html).contains("<a href=\"" + f + "\">");
            assertThat(run.resolve(f)).as(f).isRegularFile();
        }
        // The glossary is linked from the first use of its terms.
        assertThat(html).contains("<a class=\"term\" href=\"#g-p95\">p95</a>", "<dt id=\"g-p95\">",
                "<a class=\"term\" href=\"#g-contention\">");
        String md = Files.readString(run.resolve("summary.md"));
        assertThat(md.indexOf("## Verdict")).isLessThan(md.indexOf("## All figures"));
        assertThat(md).contains("## Showback per application owner").doesNotContain("| unassigned | 20 |");
    }

    @Test
    void theNextStepsSwitchOffEveryServerTheRecommendedOptionFrees() throws Exception {
        StringBuilder text = new StringBuilder();
        try (XMLSlideShow ppt = new XMLSlideShow(Files.newInputStream(run.resolve("deck.pptx")))) {
            for (XSLFSlide slide : ppt.getSlides()) {
                slide.getShapes().stream().filter(sh -> sh instanceof org.apache.poi.xslf.usermodel.XSLFTextShape)
                        .forEach(sh -> text.append(((org.apache.poi.xslf.usermodel.XSLFTextShape) sh).getText()).append('\n'));
            }
        }
        Matcher line = Pattern.compile("Switch off first: (.*?)\\.\\n", Pattern.DOTALL).matcher(text);
        assertThat(line.find()).as(text.toString()).isTrue();
        String hosts = line.group(1).replace('\n', ' ');
        int named = (int) Pattern.compile("srv-\\d+").matcher(hosts.replaceAll("then the other.*", "")).results().count();
        Matcher other = Pattern.compile("then the other (\\d+)").matcher(hosts);
        int counted = other.find() ? Integer.parseInt(other.group(1)) : 0;
        // The sample's recommended option (reuse) switches off 13 of 40; srv-015 runs no application.
        String options = Files.readString(run.resolve("tables/plan_options.csv"));
        Matcher freed = Pattern.compile("\\n\\w+,true,40,\\d+,(\\d+),[^\\n]*,true,").matcher(options);
        assertThat(freed.find()).as(options).isTrue();
        assertThat(named + counted).as(hosts).isEqualTo(Integer.parseInt(freed.group(1)));
        assertThat(hosts).contains("srv-015 (no application runs on it)");
    }

    @Test
    void inABrowserTheVerdictIsOnTheFirstScreenAndShortTablesDoNotScroll() throws Exception {
        Chromium.findOrSkip();
        Chromium.ProbeResult screen = Chromium.probe(run.resolve("index.html"), tmp.resolve("screen"),
                new Chromium.Probe(1400, 900, "screen", List.of(
                        "(() => { const r = document.getElementById('verdict-sentence').getBoundingClientRect();"
                                + " return {top: r.top, bottom: r.bottom}; })()",
                        "Array.from(document.querySelectorAll('.table-wrap')).map(w => ({label: w.getAttribute('aria-label'),"
                                + " rows: w.querySelectorAll('tbody tr').length, sh: w.scrollHeight, ch: w.clientHeight,"
                                + " sw: w.scrollWidth, cw: w.clientWidth}))"), null));
        assertThat(screen.values().get(0).get("bottom").asDouble()).as("verdict sentence bottom").isLessThanOrEqualTo(900);
        for (JsonNode t : screen.values().get(1)) {
            if (t.get("rows").asInt() < HtmlReport.SCROLL_FROM_ROWS) {
                assertThat(t.get("sh").asInt()).as("vertical scroll in " + t).isLessThanOrEqualTo(t.get("ch").asInt() + 1);
                assertThat(t.get("sw").asInt()).as("sideways scroll in " + t).isLessThanOrEqualTo(t.get("cw").asInt() + 1);
            }
        }
        assertThat(screen.consoleErrors()).as("console errors").isEmpty();
        assertThat(screen.requests()).as("requests leaving the file").isEmpty();
    }

    @Test
    void printedOnA4NothingIsWiderThanThePageAndNamesDoNotBreakLetterByLetter() throws Exception {
        Chromium.findOrSkip();
        Path pdf = tmp.resolve("report.pdf");
        // A4 less the page's 12 mm margins, in CSS pixels (96 per inch): 186 mm.
        int width = (int) Math.floor(186 / 25.4 * 96);
        Chromium.ProbeResult print = Chromium.probe(run.resolve("index.html"), tmp.resolve("print"),
                new Chromium.Probe(width, 1000, "print", List.of(
                        "(() => { const W = document.documentElement.clientWidth; const wide = [];"
                                + " document.querySelectorAll('body *').forEach(e => { const r = e.getBoundingClientRect();"
                                + " if (r.width > 0 && r.right > W + 1) wide.push(e.tagName + '.' + e.className + ' ' + Math.round(r.right)); });"
                                + " return {W: W, scrollW: document.documentElement.scrollWidth, wide: wide.slice(0, 10)}; })()",
                        // A one-word cell whose text runs over three or more lines is broken letter by letter.
                        "(() => { const broken = []; document.querySelectorAll('td, th').forEach(c => {"
                                + " const t = c.textContent.trim(); if (t.length < 4 || /\\s/.test(t)) return;"
                                + " const range = document.createRange(); range.selectNodeContents(c);"
                                + " const tops = new Set(Array.from(range.getClientRects()).map(r => Math.round(r.top)));"
                                + " if (tops.size > 2) broken.push(t); }); return broken.slice(0, 10); })()"), pdf));
        JsonNode page = print.values().get(0);
        assertThat(page.get("wide")).as("elements wider than the A4 page: " + page).isEmpty();
        assertThat(page.get("scrollW").asInt()).isLessThanOrEqualTo(page.get("W").asInt());
        assertThat(print.values().get(1)).as("one-word cells broken over three or more lines").isEmpty();
        assertThat(Files.size(pdf)).isGreaterThan(10_000);
    }
}
