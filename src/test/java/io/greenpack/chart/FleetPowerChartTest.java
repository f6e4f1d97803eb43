package io.greenpack.chart;

import io.greenpack.chart.FleetPowerChart.BandPoint;
import io.greenpack.chart.FleetPowerChart.Line;
import io.greenpack.chart.FleetPowerChart.PowerPoint;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FleetPowerChartTest {
    static final Instant START = Instant.parse("2024-05-01T00:00:00Z");
    static final String FOOTER = ChartStyle.footer(
            ChartStyle.dataWindow(START, START.plus(Duration.ofDays(3))), "base");

    /** Three days of 5-minute samples with a daily swing between about 40 and 60 kW. */
    static List<PowerPoint> fleet(double scale) {
        List<PowerPoint> points = new ArrayList<>();
        for (int i = 0; i < 3 * 288; i++) {
            double day = Math.sin(2 * Math.PI * i / 288.0);
            points.add(new PowerPoint(START.plus(Duration.ofMinutes(5L * i)), scale * (50_000 + 10_000 * day)));
        }
        return points;
    }

    @Test
    void measuredLineRendersToANonBlankSlideSizedPng() {
        JFreeChart chart = FleetPowerChart.chart(fleet(1), FOOTER);
        byte[] png = ChartFiles.pngBytes(chart, 1600, 900);

        BufferedImage img = Images.decode(png);
        assertThat(img.getWidth()).isEqualTo(1600);
        assertThat(img.getHeight()).isEqualTo(900);
        assertThat(Images.distinctColours(img)).isGreaterThan(10);
        assertThat(Images.inkShare(img)).isBetween(0.01, 0.6);
        // the measured line is drawn in the "before" colour
        assertThat(Images.pixelsNear(img, Palette.BEFORE)).isGreaterThan(2000);
    }

    @Test
    void beforeAfterAndBandRenderWithBothRoleColours(@TempDir Path dir) throws Exception {
        List<BandPoint> band = fleet(0.6).stream()
                .map(p -> new BandPoint(p.time(), p.watts() * 0.9, p.watts() * 1.1)).toList();
        XYSeriesCollection lines = FleetPowerChart.lines(List.of(
                new Line("before", fleet(1), false), new Line("after", fleet(0.6), true)));
        JFreeChart chart = FleetPowerChart.chart(lines, FleetPowerChart.band("uncertainty", band), FOOTER);

        ChartFiles.Rendered files = ChartFiles.write(chart, dir.resolve("charts"), "fleet-power");

        assertThat(files.png()).isEqualTo(dir.resolve("charts/fleet-power.png"));
        BufferedImage img = Images.decode(Files.readAllBytes(files.png()));
        assertThat(img.getWidth()).isEqualTo(ChartFiles.DEFAULT_WIDTH);
        assertThat(img.getHeight()).isEqualTo(ChartFiles.DEFAULT_HEIGHT);
        assertThat(Images.pixelsNear(img, Palette.BEFORE)).isGreaterThan(2000);
        assertThat(Images.pixelsNear(img, Palette.AFTER)).isGreaterThan(1000);

        String svg = Files.readString(files.svg());
        Document doc = Images.parseXml(svg);
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(doc.getDocumentElement().getTextContent()).contains("Fleet power (kW)", "scenario base", "after (modelled)");
    }

    @Test
    void gapsBreakTheLineInsteadOfBeingInterpolated() {
        List<PowerPoint> points = new ArrayList<>(fleet(1).subList(0, 10));
        points.addAll(fleet(1).subList(100, 110));

        List<PowerPoint> broken = FleetPowerChart.withGapBreaks(points);

        assertThat(broken).hasSize(21);
        assertThat(broken.get(10).watts()).isNaN();
        assertThat(broken.get(10).time()).isBetween(points.get(9).time(), points.get(10).time());
    }

    @Test
    void axisIsUtcAndPowerIsInKilowatts() {
        JFreeChart chart = FleetPowerChart.chart(fleet(1), FOOTER);
        XYPlot plot = chart.getXYPlot();
        assertThat(((org.jfree.chart.axis.DateAxis) plot.getDomainAxis()).getTimeZone().getID()).isEqualTo("UTC");
        assertThat(plot.getDataset().getYValue(0, 0)).isEqualTo(50.0);
        assertThat(chart.getTitle().getText()).isEqualTo("Fleet power (kW)");
    }

    @Test
    void emptyInputRendersTheNoDataMessageInsteadOfFailing() {
        JFreeChart chart = FleetPowerChart.chart(List.of(), FOOTER);
        BufferedImage img = Images.decode(ChartFiles.pngBytes(chart, 800, 450));
        assertThat(Images.inkShare(img)).isGreaterThan(0.001);
    }
}
