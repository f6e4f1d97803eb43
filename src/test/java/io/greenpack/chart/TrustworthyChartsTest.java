package io.greenpack.chart;

import io.greenpack.chart.FleetPowerChart.Line;
import io.greenpack.chart.FleetPowerChart.PowerPoint;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

import java.awt.Font;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The chart rules a reader relies on: outages as gaps, no twin axes, extrapolation marked, slide-size text. */
class TrustworthyChartsTest {
    private static final Instant T0 = Instant.parse("2024-05-01T00:00:00Z");

    /** 40 hosts report, except intervals 10–13 where 2 are silent. */
    static List<PowerPoint> fleetWithOutage() {
        List<PowerPoint> out = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            int hosts = i >= 10 && i <= 13 ? 38 : 40;
            out.add(new PowerPoint(T0.plusSeconds(300L * i), hosts * 250.0, hosts));
        }
        return out;
    }

    @Test
    void aCollectorOutageIsShadedAndTheMeasuredLineBreaksInsteadOfDipping() {
        List<FleetPowerChart.Outage> outages = FleetPowerChart.outages(fleetWithOutage());
        assertThat(outages).containsExactly(new FleetPowerChart.Outage(T0.plusSeconds(300L * 9), T0.plusSeconds(300L * 13), 2, 40));

        JFreeChart chart = FleetPowerChart.chart(List.of(new Line("today (measured)", fleetWithOutage(), false)), null, "f");
        XYPlot plot = chart.getXYPlot();
        assertThat(plot.getDomainMarkers(Layer.BACKGROUND)).hasSize(1).allMatch(m -> m instanceof IntervalMarker);
        XYDataset d = plot.getDataset(0);
        for (int i = 0; i < d.getItemCount(0); i++) {
            double x = d.getXValue(0, i);
            boolean inside = x > T0.plusSeconds(300L * 9).toEpochMilli() && x <= T0.plusSeconds(300L * 13).toEpochMilli();
            // No dip: inside the outage there is no value; outside every value is the full fleet's 10 kW.
            if (inside) {
                assertThat(d.getYValue(0, i)).as("x=" + x).isNaN();
            } else {
                assertThat(d.getYValue(0, i)).as("x=" + x).isEqualTo(10.0);
            }
        }
        assertThat(plot.getFixedLegendItems().get(plot.getFixedLegendItems().getItemCount() - 1).getLabel())
                .startsWith("collector outage");
    }

    @Test
    void measuredAndModelledLinesTakeTheTilesColours() {
        JFreeChart chart = FleetPowerChart.chart(List.of(new Line("today (measured)", fleetWithOutage(), false),
                new Line("after", fleetWithOutage(), true)), null, "f");
        var r = chart.getXYPlot().getRenderer(0);
        assertThat(r.getSeriesPaint(0)).isEqualTo(Palette.MEASURED);
        assertThat(r.getSeriesPaint(1)).isEqualTo(Palette.MODELLED);
        assertThat(Palette.hex(Palette.MEASURED)).isEqualTo("#0072b2"); // the HTML tiles' --measured
    }

    @Test
    void harvestShowsCoresAndMemoryInTwoPanelsNotOnTwinAxes() {
        double[] cores = new double[24];
        double[] mem = new double[24];
        java.util.Arrays.fill(cores, 12);
        java.util.Arrays.fill(mem, 96);
        JFreeChart chart = HarvestChart.chart(cores, mem, "f");
        assertThat(chart.getPlot()).isInstanceOf(CombinedDomainXYPlot.class);
        List<XYPlot> panels = ((CombinedDomainXYPlot) chart.getPlot()).getSubplots();
        assertThat(panels).hasSize(2).allMatch(p -> p.getRangeAxisCount() == 1);
        assertThat(panels).extracting(p -> p.getRangeAxis().getLabel()).containsExactly("Free cores", "Free memory (GB)");
    }

    @Test
    void aFittedCurveIsSolidOnlyOverTheMeasuredLoad() {
        double[] curve = new double[101];
        for (int i = 0; i <= 100; i++) {
            curve[i] = 100 + 2 * i;
        }
        JFreeChart chart = PowerCurveChart.chart(List.of(new PowerCurveChart.ModelPoints("m1", "linear",
                new double[]{0.2, 0.4, 0.6}, new double[]{140, 180, 220}, curve)), "f");
        XYPlot plot = chart.getXYPlot();
        XYDataset solid = plot.getDataset(0);
        assertThat(solid.getXValue(0, 0)).isEqualTo(20.0);
        assertThat(solid.getXValue(0, solid.getItemCount(0) - 1)).isEqualTo(60.0);
        XYDataset dashed = plot.getDataset(2);
        assertThat(dashed.getYValue(0, 40)).isNaN();
        assertThat(dashed.getYValue(0, 10)).isEqualTo(120.0);
        assertThat(dashed.getYValue(0, 90)).isEqualTo(280.0);
    }

    @Test
    void aChartOfASubsetSaysTopNOfM() {
        JFreeChart chart = CountBarChart.topConsumers(Map.of("a", 3.0, "b", 2.0, "c", 1.0), 2, "f");
        assertThat(chart.getTitle().getText()).isEqualTo("Top 2 of 3 consumers (MWh/year)");
    }

    @Test
    void everyChartFontIsAtLeast12PointsOnASlide() {
        assertThat(ChartStyle.slidePoints(ChartStyle.MIN_FONT_PX, ChartFiles.DEFAULT_WIDTH,
                ChartStyle.SLIDE_PICTURE_WIDTH_POINTS)).isGreaterThanOrEqualTo(12);
        for (Font f : List.of(ChartStyle.TITLE_FONT, ChartStyle.AXIS_LABEL_FONT, ChartStyle.TICK_FONT,
                ChartStyle.LEGEND_FONT, ChartStyle.FOOTER_FONT, ChartStyle.LABEL_FONT, Bars.VALUE_FONT)) {
            assertThat(f.getSize()).as(f.toString()).isGreaterThanOrEqualTo(ChartStyle.MIN_FONT_PX);
        }
    }
}
