package io.greenpack.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedRangeCategoryPlot;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Charts of a real trace (132 hosts, VM names of 40–60 characters) stay readable at slide size. */
class ManyHostsChartTest {

    @Test
    void hostFillWithMoreThanTwentyHostsSaysHowManyInsteadOfOverlappingNames() throws Exception {
        JFreeChart chart = HostFillChart.chart(SavingsChartsTest.hosts("pl-host-", 132, 1),
                SavingsChartsTest.hosts("Dell PowerEdge R740-", 7, 3), 0.2, SavingsChartsTest.FOOTER);
        @SuppressWarnings("unchecked")
        List<CategoryPlot> sides = ((CombinedRangeCategoryPlot) chart.getPlot()).getSubplots();
        CategoryAxis today = sides.get(0).getDomainAxis();
        assertThat(today.isTickLabelsVisible()).isFalse();
        assertThat(today.getLabel()).isEqualTo("Today (measured), 132 hosts");
        // The plan's 7 hosts keep their names and at least a fifth of today's width (weight 132 / 4 = 33).
        assertThat(sides.get(1).getDomainAxis().isTickLabelsVisible()).isTrue();
        assertThat(sides.get(1).getWeight()).isEqualTo(33);
        assertThat(Images.inkShare(Images.decode(ChartFiles.pngBytes(chart, ChartFiles.DEFAULT_WIDTH, ChartFiles.DEFAULT_HEIGHT))))
                .isGreaterThan(0.02);
    }

    @Test
    void theSamplesFortyHostsAndTwentySevenAfterAreCountedNotNamed() {
        // At 40 and 27 hosts the names at 45 degrees overlapped into one smear on both sides.
        JFreeChart chart = HostFillChart.chart(SavingsChartsTest.hosts("srv-0", 40, 1),
                SavingsChartsTest.hosts("srv-1", 27, 3), 0.2, SavingsChartsTest.FOOTER);
        @SuppressWarnings("unchecked")
        List<CategoryPlot> sides = ((CombinedRangeCategoryPlot) chart.getPlot()).getSubplots();
        assertThat(sides).extracting(p -> p.getDomainAxis().getLabel())
                .containsExactly("Today (measured), 40 hosts", "After (modelled), 27 hosts");
        assertThat(sides).allSatisfy(p -> assertThat(p.getDomainAxis().isTickLabelsVisible()).isFalse());
        JFreeChart twenty = HostFillChart.chart(SavingsChartsTest.hosts("srv-0", 20, 1),
                SavingsChartsTest.hosts("srv-1", 4, 3), 0.2, SavingsChartsTest.FOOTER);
        @SuppressWarnings("unchecked")
        List<CategoryPlot> named = ((CombinedRangeCategoryPlot) twenty.getPlot()).getSubplots();
        assertThat(named).allSatisfy(p -> assertThat(p.getDomainAxis().isTickLabelsVisible()).isTrue());
    }

    @Test
    void longBarLabelsKeepTheirStartAndEndOnOneLine() {
        String name = "planetlab1_informatik_uni-erlangen_de_uw_oneswarm"; // 49 characters
        String shown = BarChart.shorten(name);
        assertThat(shown).hasSize(BarChart.MAX_LABEL).startsWith("planetlab1_informatik_u").endsWith("de_uw_oneswarm")
                .contains("\u2026");
        assertThat(BarChart.shorten("web")).isEqualTo("web");
        JFreeChart chart = BarChart.horizontal("Energy by application (kWh)", "kWh",
                List.of(new BarChart.Bar(name, 2), new BarChart.Bar(name + "x", 1)), Palette.MEASURED, SavingsChartsTest.FOOTER);
        CategoryPlot plot = (CategoryPlot) chart.getPlot();
        assertThat(plot.getDomainAxis().getMaximumCategoryLabelLines()).isEqualTo(1);
        assertThat(plot.getDataset().getColumnCount()).as("two bars, even if their short labels were equal").isEqualTo(2);
    }
}
