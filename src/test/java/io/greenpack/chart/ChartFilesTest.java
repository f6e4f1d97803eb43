package io.greenpack.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChartFilesTest {
    static final String HOSTILE = "<script>alert('x')</script> & \"db\"";

    /** A bar chart whose category and title carry hostile input text. */
    static JFreeChart hostileBarChart() {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        data.addValue(120, "kWh", HOSTILE);
        data.addValue(80, "kWh", "web-01");
        JFreeChart chart = org.jfree.chart.ChartFactory.createBarChart(
                "x", null, null, data, PlotOrientation.VERTICAL, true, false, false);
        return ChartStyle.apply(chart, new ChartStyle.ChartText(
                "Energy of " + HOSTILE + " (kWh)", "Host", "Energy (kWh)", ChartStyle.footer("May 2024", "base")));
    }

    @Test
    void svgEscapesInputTextAndStaysWellFormed(@TempDir Path dir) throws Exception {
        ChartFiles.Rendered files = ChartFiles.write(hostileBarChart(), dir, "energy-by-host");
        String svg = Files.readString(files.svg());

        assertThat(svg).doesNotContain("<script").contains("&lt;script&gt;").contains("&amp;");
        Document doc = Images.parseXml(svg);
        assertThat(doc.getElementsByTagNameNS("*", "script").getLength()).isZero();
        // parsed back, the text is exactly the input again
        assertThat(doc.getDocumentElement().getTextContent()).contains(HOSTILE);
        NodeList texts = doc.getElementsByTagNameNS("*", "text");
        assertThat(texts.getLength()).isGreaterThan(3);
    }

    @Test
    void pngHasTheRequestedSizeAndIsNotBlank() {
        var img = Images.decode(ChartFiles.pngBytes(hostileBarChart(), 1200, 675));
        assertThat(img.getWidth()).isEqualTo(1200);
        assertThat(img.getHeight()).isEqualTo(675);
        assertThat(Images.distinctColours(img)).isGreaterThan(10);
        assertThat(Images.pixelsNear(img, Palette.series(0))).isGreaterThan(1000);
    }

    @Test
    void namesThatCouldLeaveTheFolderAreRefused(@TempDir Path dir) {
        assertThatThrownBy(() -> ChartFiles.write(hostileBarChart(), dir, "../evil"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChartFiles.write(hostileBarChart(), dir, "a/b"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void titlesMustStateTheirUnit() {
        assertThatThrownBy(() -> new ChartStyle.ChartText("Fleet power", "t", "p", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unit");
    }

    @Test
    void applyingTheStyleTwiceKeepsOneFooter() {
        JFreeChart chart = hostileBarChart();
        ChartStyle.apply(chart, new ChartStyle.ChartText("Energy (kWh)", "Host", "Energy (kWh)", "data window a · scenario b"));
        long footers = java.util.stream.IntStream.range(0, chart.getSubtitleCount())
                .filter(i -> chart.getSubtitle(i) instanceof ChartStyle.Footer).count();
        assertThat(footers).isEqualTo(1);
    }

    @Test
    void paletteIsOkabeIto() {
        assertThat(Palette.hex(Palette.BLUE)).isEqualTo("#0072b2");
        assertThat(Palette.series(0)).isEqualTo(Palette.series(Palette.seriesCount()));
        assertThat(Palette.BEFORE).isNotEqualTo(Palette.AFTER);
        assertThat(Palette.MEASURED).isNotEqualTo(Palette.MODELLED);
    }
}
