package io.greenpack.correlate;

import io.greenpack.model.PowerCurve;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A fitted model enters the optimizer and the savings as the 11-point curve through its deciles. */
class FittedCurveTest {

    @Test
    void fanModelConvertsToItsValuesAtEachDecile() {
        // Fan, idle 100 W, max 300 W, r = 1.4: at u = 0.5, 100 + 200 × (2 × 0.5 − 0.5^1.4) = 100 + 200 × 0.621 = 224.2 W.
        FittedCurve fan = FittedCurve.fan(100, 300, 1.4);
        PowerCurve curve = fan.toPowerCurve();
        for (int i = 0; i <= 10; i++) {
            assertThat(curve.wattsAtDecile()[i]).isEqualTo(fan.watts(i / 10.0));
        }
        assertThat(curve.watts(0.5)).isCloseTo(224.2, within(0.1));
    }

    @Test
    void betweenDecilesTheElevenPointFormIsAStraightLine() {
        // Between u = 0.1 (100 + 200 × (0.2 − 0.1^1.4)) and u = 0.2 the 11-point form takes the midpoint.
        FittedCurve fan = FittedCurve.fan(100, 300, 1.4);
        double mid = (fan.watts(0.1) + fan.watts(0.2)) / 2;
        assertThat(fan.toPowerCurve().watts(0.15)).isCloseTo(mid, within(1e-9));
    }

    @Test
    void piecewiseModelKeepsItsKnots() {
        double[] knots = {50, 80, 95, 110, 125, 140, 160, 185, 215, 250, 290};
        assertThat(FittedCurve.piecewise(knots).toPowerCurve().wattsAtDecile()).containsExactly(knots);
    }
}
