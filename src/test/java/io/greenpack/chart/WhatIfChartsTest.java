package io.greenpack.chart;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class WhatIfChartsTest {
    @Test
    void nearbyLabelsAreMovedApartAndFarOnesStay() {
        // Three dots within a label's height of each other near x = 0, one far to the right.
        double[] x = {0.01, 0.02, 0.03, 0.65};
        double[] y = {3400, 2900, 2050, 3000};
        double[] labels = WhatIfCharts.spreadLabels(x, y, 0.25, 1000);

        assertThat(labels[0]).isEqualTo(3400);
        assertThat(labels[1]).isCloseTo(2400, within(1e-9));
        assertThat(labels[2]).isCloseTo(1400, within(1e-9));
        assertThat(labels[3]).as("far from the others").isEqualTo(3000);
    }

    @Test
    void aLabelMovedDownPushesTheNextOneDownToo() {
        // b moves under a, which puts it within a label of c; c then moves under b.
        double[] x = {0, 0, 0};
        double[] y = {100, 95, 10};
        double[] labels = WhatIfCharts.spreadLabels(x, y, 1, 50);

        assertThat(labels).containsExactly(100, 50, 0);
    }

    @Test
    void aGapLostToRoundingEndsInsteadOfLoopingForEver() {
        // (1,000,000.3 − 0.1) − 1,000,000.3 is a hair under 0.1 in doubles: the second label, moved
        // under the first, still looked "within a gap" of it and was moved to the same place for ever.
        double[] x = {0, 0};
        double[] y = {1e6 + 0.3, 1e6 + 0.3};
        double[] labels = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(5),
                () -> WhatIfCharts.spreadLabels(x, y, 1, 0.1));

        assertThat(labels[0]).isEqualTo(1e6 + 0.3);
        assertThat(labels[1]).isCloseTo(1e6 + 0.2, within(1e-6));
    }
}
