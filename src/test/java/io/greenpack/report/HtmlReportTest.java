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
}
