package io.greenpack.report;

import io.greenpack.chart.Images;
import io.greenpack.testing.Chromium;
import io.greenpack.testing.Chromium.PageLoad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The report as a reader sees it: opened from disk in headless Chromium (skipped without Chromium). */
class HtmlReportBrowserTest {

    @Test
    void reportRendersOffLineWithHostileNamesAsText(@TempDir Path dir) throws Exception {
        Chromium.findOrSkip();
        Path html = dir.resolve("index.html");
        SampleReport.build().write(html);

        PageLoad page = Chromium.load(html, dir.resolve("chromium"));

        BufferedImage shot = Images.decode(Files.readAllBytes(page.screenshot()));
        assertThat(shot.getWidth()).isGreaterThanOrEqualTo(1000);
        assertThat(Images.distinctColours(shot)).as("screenshot is not blank").isGreaterThan(20);
        assertThat(Images.inkShare(shot)).isGreaterThan(0.02);

        // Parsed by a browser, the hostile name is text: no element was made from it.
        assertThat(page.dom()).contains("&lt;img src=x onerror=alert(1)&gt;");
        assertThat(page.dom()).doesNotContain("<img src=\"x\"").doesNotContain("onerror=\"alert");
        assertThat(page.dom().split("<img", -1)).as("only the embedded chart is an image").hasSize(2);
        assertThat(page.dom()).doesNotContain("<b>bold</b>");

        assertThat(page.monitored()).as(page.monitorProblem()).isTrue();
        assertThat(page.requests()).as("requests leaving the file").isEmpty();
        assertThat(page.consoleErrors()).as("console errors").isEmpty();

        // Kept for a human to look at (the temp dir is deleted after the test).
        Files.copy(page.screenshot(), Path.of("target", "report-screenshot.png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Control: the monitor does see a request and a console error when a page makes them. */
    @Test
    void monitorCatchesExternalRequestsAndConsoleErrors(@TempDir Path dir) throws Exception {
        Chromium.findOrSkip();
        Path html = dir.resolve("leaky.html");
        Files.writeString(html, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>leaky</title></head><body>"
                + "<p>leaky</p><img src=\"http://example.invalid/pixel.png\" alt=\"\">"
                + "<script>console.error('boom')</script></body></html>");

        PageLoad page = Chromium.load(html, dir.resolve("chromium"));

        assertThat(page.monitored()).as(page.monitorProblem()).isTrue();
        assertThat(page.requests()).contains("http://example.invalid/pixel.png");
        assertThat(page.consoleErrors()).anySatisfy(e -> assertThat(e).contains("boom"));
    }

    /** Control: a bug that put an external image into the report would be caught (CSP blocks it and says so). */
    @Test
    void anExternalResourceSlippedIntoTheReportIsCaught(@TempDir Path dir) throws Exception {
        Chromium.findOrSkip();
        Path html = dir.resolve("index.html");
        String page = new HtmlReport().title("t").paragraph("p").render()
                .replace("<p>p</p>", "<p>p</p><img src=\"https://example.invalid/tracker.png\" alt=\"\">");
        Files.writeString(html, page);

        PageLoad load = Chromium.load(html, dir.resolve("chromium"));

        assertThat(load.monitored()).as(load.monitorProblem()).isTrue();
        assertThat(String.join("\n", load.requests()) + String.join("\n", load.consoleErrors()))
                .contains("example.invalid/tracker.png");
    }
}
