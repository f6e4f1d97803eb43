package io.greenpack.chart;

import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every savings chart renders to a non-blank PNG of the asked size and to well-formed SVG; host
 * names from input are escaped in the SVG. The pictures are also left in
 * {@code target/chart-preview/} for a person to look at.
 */
class SavingsChartsTest {
    static final String FOOTER = ChartStyle.footer("2024-05-01 00:00 – 2024-05-08 00:00 UTC", "base");
    static final String EVIL = "<script>alert('x')</script>";
    static final Path PREVIEW = Path.of("target", "chart-preview");

    static List<HostFillChart.HostFill> hosts(String prefix, int n, double scale) {
        List<HostFillChart.HostFill> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new HostFillChart.HostFill(prefix + (i + 1), scale * (0.1 + 0.07 * (i % 5)), scale * (0.2 + 0.05 * (i % 7))));
        }
        return out;
    }

    static JFreeChart breakdown() {
        return SavingsBreakdownChart.chart(new SavingsBreakdownChart.Breakdown(11826, 2217.375, 2365.2, 443.475,
                4730.4, 886.95, "EUR"), FOOTER);
    }

    static JFreeChart payback(double savedPerYear) {
        return PaybackChart.chart(new PaybackChart.Payback(8000, savedPerYear, 3, "EUR"), FOOTER);
    }

    static JFreeChart hostFill() {
        List<HostFillChart.HostFill> before = new ArrayList<>(hosts("old-", 11, 1));
        before.add(new HostFillChart.HostFill(EVIL, 0.05, 0.3));
        return HostFillChart.chart(before, hosts("R640-", 3, 3.5), 0.2, FOOTER);
    }

    static JFreeChart classMix() {
        Map<String, Integer> mix = new LinkedHashMap<>();
        mix.put("cpu-bound", 12);
        mix.put("memory-bound", 9);
        mix.put("io-bound", 3);
        mix.put("idle", 6);
        mix.put("balanced", 0);
        return CountBarChart.classMix(mix, FOOTER);
    }

    static JFreeChart topConsumers() {
        Map<String, Double> kwh = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            kwh.put("host-" + i, 1000.0 + 350 * i);
        }
        kwh.put(EVIL, 9000.0);
        return CountBarChart.topConsumers(kwh, 10, FOOTER);
    }

    static JFreeChart heatMap() {
        List<String> names = new ArrayList<>();
        double[][] u = new double[12][24];
        for (int h = 0; h < 12; h++) {
            names.add(h == 3 ? EVIL : "host-" + h);
            for (int t = 0; t < 24; t++) {
                u[h][t] = h == 5 && t < 6 ? Double.NaN
                        : Math.max(0, Math.min(1, 0.1 + 0.08 * h * (0.5 + 0.5 * Math.sin((t - 6 + h) * Math.PI / 12))));
            }
        }
        return UtilizationHeatMap.chart(names, u, FOOTER);
    }

    static JFreeChart harvest() {
        double[] cores = new double[24];
        double[] mem = new double[24];
        for (int h = 0; h < 24; h++) {
            cores[h] = 40 + 25 * Math.cos((h - 3) * Math.PI / 12);
            mem[h] = 600 + 200 * Math.cos((h - 4) * Math.PI / 12);
        }
        return HarvestChart.chart(cores, mem, FOOTER);
    }

    static Map<String, JFreeChart> all() {
        Map<String, JFreeChart> m = new LinkedHashMap<>();
        m.put("savings-breakdown", breakdown());
        m.put("payback", payback(1921.725));
        m.put("payback-never", payback(-10));
        m.put("payback-inside", payback(4000));
        m.put("host-fill", hostFill());
        m.put("class-mix", classMix());
        m.put("top-consumers", topConsumers());
        m.put("utilization-heatmap", heatMap());
        m.put("harvest", harvest());
        return m;
    }

    @Test
    void everyChartRendersANonBlankPngOfTheExpectedSizeAndWellFormedSvg() throws Exception {
        for (Map.Entry<String, JFreeChart> e : all().entrySet()) {
            ChartFiles.Rendered files = ChartFiles.write(e.getValue(), PREVIEW, e.getKey());
            BufferedImage img = Images.decode(Files.readAllBytes(files.png()));
            assertThat(img.getWidth()).as(e.getKey()).isEqualTo(1600);
            assertThat(img.getHeight()).as(e.getKey()).isEqualTo(900);
            assertThat(Images.distinctColours(img)).as(e.getKey()).isGreaterThan(10);
            assertThat(Images.inkShare(img)).as(e.getKey()).isBetween(0.01, 0.7);
            Document svg = Images.parseXml(Files.readString(files.svg()));
            assertThat(svg.getDocumentElement().getLocalName()).isEqualTo("svg");
            assertThat(svg.getDocumentElement().getTextContent()).as(e.getKey()).contains("scenario base");
        }
        BufferedImage small = Images.decode(ChartFiles.pngBytes(heatMap(), 800, 450));
        assertThat(small.getWidth()).isEqualTo(800);
    }

    @Test
    void hostNamesFromInputAreTextInTheSvgNeverMarkup() {
        for (JFreeChart chart : List.of(hostFill(), topConsumers(), heatMap())) {
            String svg = ChartFiles.svg(chart, 1600, 900);
            Document doc = Images.parseXml(svg);
            assertThat(doc.getElementsByTagNameNS("*", "script").getLength()).isZero();
            assertThat(svg).doesNotContain("<script>");
        }
        // horizontal labels stay text, escaped (JFreeSVG draws rotated labels as outlines instead)
        for (JFreeChart chart : List.of(topConsumers(), heatMap())) {
            String svg = ChartFiles.svg(chart, 1600, 900);
            assertThat(svg).contains("&lt;script&gt;");
            assertThat(Images.parseXml(svg).getDocumentElement().getTextContent()).contains(EVIL);
        }
    }

    @Test
    void theHeatMapNamesEveryHostUpToFifty() {
        List<String> hosts = new ArrayList<>();
        double[][] util = new double[40][24];
        for (int i = 0; i < 40; i++) {
            hosts.add(String.format("srv-%03d", i + 1));
            java.util.Arrays.fill(util[i], i / 40.0);
        }
        JFreeChart chart = UtilizationHeatMap.chart(hosts, util, FOOTER);
        // Taller than the usual 900 px for 40 rows, so that names keep a readable size.
        assertThat(UtilizationHeatMap.heightFor(chart)).isEqualTo(330 + 22 * 40);
        assertThat(UtilizationHeatMap.heightFor(5)).isEqualTo(900);
        assertThat(UtilizationHeatMap.heightFor(5_000)).isEqualTo(2400);
        assertThat(chart.getXYPlot().getRangeAxis().getTickLabelFont().getSize2D()).isGreaterThanOrEqualTo(16f);
        String text = Images.parseXml(ChartFiles.svg(chart, 1600, UtilizationHeatMap.heightFor(chart)))
                .getDocumentElement().getTextContent();
        assertThat(hosts).allSatisfy(h -> assertThat(text).contains(h));
    }

    @Test
    void topConsumersLabelEveryBarWithOneDecimal() {
        Map<String, Double> kwh = new LinkedHashMap<>(Map.of("a", 2_700.0, "b", 1_000.0, "c", 12_345.0));
        String text = Images.parseXml(ChartFiles.svg(CountBarChart.topConsumers(kwh, 10, FOOTER), 1600, 900))
                .getDocumentElement().getTextContent();
        // 1,000 kWh is "1.0" MWh beside "2.7", not "1"; thousands keep their separator.
        assertThat(text).contains("2.7", "1.0", "12.3");
    }

    @Test
    void numberedHostsOfOneLongModelKeepTheirNumbers() {
        List<HostFillChart.HostFill> after = new java.util.ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            after.add(new HostFillChart.HostFill("blade-2s-56c (illustrative)-" + i, 0.6, 0.8));
        }
        var keys = HostFillChart.dataset(after).getColumnKeys();
        assertThat(keys).hasSize(8).allSatisfy(k -> assertThat(k.toString()).hasSizeLessThanOrEqualTo(22));
        assertThat(keys.get(7).toString()).startsWith("blade-2s-56c").endsWith("ive)-8");
        assertThat(HostFillChart.dataset(List.of(new HostFillChart.HostFill("srv-001", 0.1, 0.2))).getColumnKeys())
                .containsExactly("srv-001");
    }

    @Test
    void longNamesOfNewHostsAreWrittenOutInFull() {
        List<HostFillChart.HostFill> after = List.of(new HostFillChart.HostFill("Dell PowerEdge R740-1", 0.6, 0.56),
                new HostFillChart.HostFill("blade-2s-56c (illustrative)-1", 0.67, 0.8));
        JFreeChart chart = HostFillChart.chart(hosts("srv-0", 19, 1), after, 0.2, FOOTER);
        String svg = ChartFiles.svg(chart, 1600, 900);
        // Upright, they were cut to "Dell..." and "bla..." (text in the SVG); at 45 degrees they are
        // whole, and JFreeSVG draws rotated text as outlines, so no cut name is left as text.
        String text = Images.parseXml(svg).getDocumentElement().getTextContent();
        assertThat(text).contains("Today (measured)", "After (modelled)").doesNotContain("...", "…");
        org.jfree.chart.plot.CombinedRangeCategoryPlot plot =
                (org.jfree.chart.plot.CombinedRangeCategoryPlot) chart.getPlot();
        for (Object sub : plot.getSubplots()) {
            assertThat(((org.jfree.chart.plot.CategoryPlot) sub).getDomainAxis().getCategoryLabelPositions())
                    .isEqualTo(org.jfree.chart.axis.CategoryLabelPositions.UP_45);
        }
    }

    @Test
    void beforeAndAfterUseTheirRoleColours() {
        BufferedImage img = Images.decode(ChartFiles.pngBytes(breakdown(), 1600, 900));
        assertThat(Images.pixelsNear(img, Palette.BEFORE)).isGreaterThan(5000);
        assertThat(Images.pixelsNear(img, Palette.AFTER)).isGreaterThan(1000);
    }

    @Test
    void datasetsHoldTheNumbersInTheAxisUnits() {
        var d = SavingsBreakdownChart.datasets(new SavingsBreakdownChart.Breakdown(11826, 2217.375, 2365.2, 443.475,
                4730.4, 886.95, "EUR"));
        assertThat(d.get(0).getValue(0, 0).doubleValue()).isEqualTo(11.826); // MWh
        assertThat(d.get(2).getValue(0, 1).doubleValue()).isEqualTo(0.88695); // t
        // labels: money in whole units, energy and CO2e with one decimal on every bar
        assertThat(new java.text.DecimalFormat(SavingsBreakdownChart.LABEL_FORMATS[1], java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT))
                .format(7369.3)).isEqualTo("7,369");
        assertThat(new java.text.DecimalFormat(SavingsBreakdownChart.LABEL_FORMATS[0], java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT))
                .format(23.0)).isEqualTo("23.0");
        assertThat(new PaybackChart.Payback(8000, 1921.725, 3, "EUR").breakEvenMonths())
                .isCloseTo(49.955, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(new PaybackChart.Payback(8000, -1, 3, "EUR").breakEvenMonths()).isNaN();
        var top = CountBarChart.dataset(Map.of("a", 1.0, "b", 3.0, "c", 2.0), 2);
        assertThat(top.getColumnKeys()).containsExactly("b", "c");
        var heat = UtilizationHeatMap.dataset(new double[][]{new double[24], filled(0.5)});
        assertThat(heat.getZValue(0, 24)).isEqualTo(50.0); // second host, hour 0
        assertThat(heat.getYValue(0, 24)).isEqualTo(0.0);  // drawn at the bottom
        assertThat(new UtilizationHeatMap.ViridisScale().getPaint(Double.NaN)).isEqualTo(UtilizationHeatMap.NO_DATA);
    }

    static double[] filled(double v) {
        double[] a = new double[24];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
