package io.greenpack.chart;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The analysis charts render into images that are not blank, with hostile labels drawn as text. */
class AnalysisChartsTest {
    @Test
    void powerCurveChartRenders() {
        double[] curve = new double[101];
        for (int i = 0; i <= 100; i++) {
            curve[i] = 100 + 2 * i;
        }
        PowerCurveChart.ModelPoints m = new PowerCurveChart.ModelPoints("<m1>", "linear",
                new double[]{0.1, 0.5, 0.9}, new double[]{120, 200, 280}, curve);
        byte[] png = ChartFiles.pngBytes(PowerCurveChart.chart(List.of(m), "footer"), 800, 450);
        assertThat(Images.distinctColours(Images.decode(png))).isGreaterThan(5);
    }

    @Test
    void barChartRendersWithRepeatedLabels() {
        byte[] png = ChartFiles.pngBytes(BarChart.horizontal("Energy by application (kWh)", "kWh",
                List.of(new BarChart.Bar("=cmd", 3), new BarChart.Bar("web", 2), new BarChart.Bar("web", 1)),
                Palette.MEASURED, "footer"), 800, 450);
        assertThat(Images.distinctColours(Images.decode(png))).isGreaterThan(3);
    }
}
