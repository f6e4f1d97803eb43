package io.greenpack.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Static checks of the HTML text; the browser checks are in {@link HtmlReportBrowserTest}. */
class HtmlReportTest {
    /** Embedded images are base64 and may contain "//" by chance: remove them before looking for URLs. */
    static final Pattern DATA_URI = Pattern.compile("data:image/png;base64,[A-Za-z0-9+/=]+");

    static String withoutDataUris(String html) {
        return DATA_URI.matcher(html).replaceAll("data:");
    }

    @Test
    void pageIsSelfContained() {
        String html = withoutDataUris(SampleReport.build().render());

        assertThat(html).doesNotContainIgnoringCase("http:").doesNotContainIgnoringCase("https:");
        assertThat(html).doesNotContain("//");
        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("url(")
                .doesNotContainIgnoringCase("@import").doesNotContainIgnoringCase("<link")
                .doesNotContainIgnoringCase("@font-face").doesNotContainIgnoringCase("<iframe");
        // every src= is an inline image
        assertThat(Pattern.compile("src=\"(?!data:)").matcher(html).find()).isFalse();
        // the browser is told to refuse anything that is not inline
        assertThat(html).contains("Content-Security-Policy\" content=\"default-src 'none'; img-src data:");
    }

    @Test
    void hostileHostNamesComeOutAsText() {
        String html = SampleReport.build().render();

        assertThat(html).doesNotContain("<img src=x").doesNotContain("<b>bold</b>");
        assertThat(html).contains("&lt;img src=x onerror=alert(1)&gt;");
        assertThat(html).contains("=cmd|&#39; /C calc&#39;!A0");
        assertThat(html).contains("&quot;primary&quot; &amp; &lt;b&gt;bold&lt;/b&gt;");
        // the only <img> elements are the embedded charts
        assertThat(html.split("<img", -1)).hasSize(2);
    }

    @Test
    void tocLinksEverySectionAndNumericColumnsAreMarked() {
        String html = SampleReport.build().render();

        assertThat(html).contains("<a href=\"#summary\">Summary</a>", "<a href=\"#fleet-power\">Fleet power</a>",
                "<a href=\"#hosts\">Hosts</a>");
        assertThat(html).contains("<section id=\"hosts\">");
        assertThat(html).contains("<th scope=\"col\" class=\"num\">kwh</th>");
        assertThat(html).contains("<td class=\"num\">1,234.5</td>");
        assertThat(html).contains("<th scope=\"col\">host</th>");
        assertThat(html).contains("class=\"tile modelled\"", "class=\"tile measured\"");
    }

    @Test
    void writeIsAtomicAndUtf8(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("index.html");
        SampleReport.build().write(file);

        assertThat(Files.readString(file)).startsWith("<!DOCTYPE html>").contains("Zürich");
        assertThat(dir.toFile().list()).containsExactly("index.html");
    }

    @Test
    void misuseIsRefused() {
        HtmlReport r = new HtmlReport().section("a", "A");
        assertThatThrownBy(() -> r.section("a", "again")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> r.section("\"><script>", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> r.image("not a png", "<svg/>".getBytes())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> r.table("t", List.of("a", "b"), List.of(List.of("1")), Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1");
    }

    @Test
    void emptyTableSaysSo() {
        String html = new HtmlReport().table("Rejected rows", List.of("file", "line"), List.of(), Set.of(1)).render();
        assertThat(html).contains("colspan=\"2\">no rows</td>");
    }

    @Test
    void aLeadSectionGoesBeforeSectionsAddedEarlier() {
        HtmlReport h = new HtmlReport().section("facts", "Fleet facts").paragraph("facts first added");
        h.leadSection("verdict", "Verdict").callout("verdict-sentence", "Buy nothing <now>").warning("short window");
        h.section("later", "Later").paragraph("after");
        String html = h.render();
        assertThat(html.indexOf("<section id=\"verdict\">")).isLessThan(html.indexOf("<section id=\"facts\">"));
        assertThat(html.indexOf("<section id=\"facts\">")).isLessThan(html.indexOf("<section id=\"later\">"));
        assertThat(html).contains("<p class=\"callout\" id=\"verdict-sentence\">Buy nothing &lt;now&gt;</p>",
                "<p class=\"warning\" role=\"note\"><strong>Warning</strong> short window</p>");
        // The contents list follows the page order.
        assertThat(html.indexOf("href=\"#verdict\"")).isLessThan(html.indexOf("href=\"#facts\""));
    }

    @Test
    void onlyTablesOfFiftyRowsOrMoreScrollInsideTheirBox() {
        List<List<String>> rows49 = java.util.stream.IntStream.range(0, 49).mapToObj(i -> List.of("h" + i)).toList();
        List<List<String>> rows50 = java.util.stream.IntStream.range(0, 50).mapToObj(i -> List.of("h" + i)).toList();
        String html = new HtmlReport().table("short", List.of("host"), rows49, Set.of())
                .table("long", List.of("host"), rows50, Set.of()).render();
        assertThat(html).contains("<div class=\"table-wrap\" role=\"region\" aria-label=\"short\">",
                "<div class=\"table-wrap long\" tabindex=\"0\" role=\"region\" aria-label=\"long\">");
    }

    @Test
    void glossaryTermsAreLinkedAtTheirFirstUseOnly() {
        String html = new HtmlReport().section("a", "A").paragraph("Sized at p95 <x>; p95 again; MAPE 5 %.")
                .paragraph("The lower bound and P2V moves; contention.").section("glossary", "Glossary")
                .glossary(Glossary.TERMS).render();
        assertThat(html).contains("<p>Sized at <a class=\"term\" href=\"#g-p95\">p95</a> &lt;x&gt;; p95 again; "
                + "<a class=\"term\" href=\"#g-mape\">MAPE</a> 5 %.</p>");
        assertThat(html).contains("<a class=\"term\" href=\"#g-bound\">lower bound</a>",
                "<a class=\"term\" href=\"#g-p2v\">P2V</a>", "<a class=\"term\" href=\"#g-contention\">contention</a>");
        for (Glossary.Term t : Glossary.TERMS) {
            assertThat(html).contains("<dt id=\"" + t.id() + "\">");
        }
    }

    @Test
    void warnedAndRecommendedRowsAreMarked() {
        String html = new HtmlReport().table("options", List.of("option"), List.of(List.of("reuse"), List.of("refresh")),
                Set.of(), Set.of(0), Set.of(1), List.of("", "")).render();
        assertThat(html).contains("<tr class=\"highlight\"><td>reuse</td>", "<tr class=\"warn\"><td>refresh</td>");
    }
}
