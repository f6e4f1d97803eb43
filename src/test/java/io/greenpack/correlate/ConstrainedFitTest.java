package io.greenpack.correlate;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The power-curve fits stay physical: idle ≥ 0, max ≥ idle, non-decreasing in u. */
class ConstrainedFitTest {

    /** The sufficient statistics Spark would sum for these samples (one fold). */
    static FitStats stats(double[] u, double[] w) {
        FitStats s = new FitStats();
        for (int k = 0; k < u.length; k++) {
            double[] m = s.decile[Math.min((int) Math.floor(u[k] * 10), 9)];
            m[0] += 1;
            m[1] += u[k];
            m[2] += u[k] * u[k];
            m[3] += w[k];
            m[4] += w[k] * w[k];
            m[5] += u[k] * w[k];
            for (int i = 0; i < FitStats.R_GRID.length; i++) {
                double ur = Math.pow(u[k], FitStats.R_GRID[i]);
                s.fan[i][0] += ur;
                s.fan[i][1] += u[k] * ur;
                s.fan[i][2] += ur * ur;
                s.fan[i][3] += ur * w[k];
            }
        }
        return s;
    }

    @Test
    void downwardSlopeBecomesAFlatLineAtTheMean() {
        // (0.30, 200 W), (0.35, 100 W): the free line falls (slope −2000 W per unit u, max −1,100 W);
        // with max ≥ idle the best line is flat at the mean, 150 W.
        FittedCurve c = CurveFitter.linear(stats(new double[]{0.30, 0.35}, new double[]{200, 100}));
        assertThat(c.idleWatts()).isCloseTo(150, within(1e-9));
        assertThat(c.maxWatts()).isCloseTo(150, within(1e-9));
    }

    @Test
    void negativeInterceptBecomesALineThroughTheOrigin() {
        // (0.5, 100 W), (1.0, 300 W): the free line is −100 W + 400 W·u. With idle ≥ 0: idle = 0 and
        // b = Σu·P / Σu² = (50 + 300) / (0.25 + 1) = 280 W.
        FittedCurve c = CurveFitter.linear(stats(new double[]{0.5, 1.0}, new double[]{100, 300}));
        assertThat(c.idleWatts()).isCloseTo(0, within(1e-9));
        assertThat(c.maxWatts()).isCloseTo(280, within(1e-9));
    }

    @Test
    void noisyNarrowRangeSampleNeverGivesNegativeIdleOrMaxBelowIdle() {
        // The shape of the case a real Redfish import produced (idle −212 W, max 4,995 W): a noisy
        // sample in a narrow band of u. Every seed, every family.
        for (long seed = 1; seed <= 200; seed++) {
            FitStats s = noisy(seed, 400, 0.30, 0.34, 250, 0.35);
            assertPhysical(CurveFitter.linear(s), "linear, seed " + seed);
            assertPhysical(CurveFitter.fan(s), "fan, seed " + seed);
            assertPhysical(CurveFitter.piecewise(s), "piecewise, seed " + seed);
        }
    }

    @Test
    void cleanCurvesAreStillRecovered() {
        // The constraints must not bias a fit whose free optimum is already physical.
        SplittableRandom rng = new SplittableRandom(11);
        int n = 2000;
        double[] u = new double[n];
        double[] w = new double[n];
        FittedCurve fan = FittedCurve.fan(120, 380, 1.3);
        for (int k = 0; k < n; k++) {
            u[k] = rng.nextDouble();
            w[k] = fan.watts(u[k]);
        }
        FittedCurve c = CurveFitter.fan(stats(u, w));
        assertThat(c.idleWatts()).isCloseTo(120, within(0.5));
        assertThat(c.maxWatts()).isCloseTo(380, within(0.5));
        assertThat(c.exponent()).isCloseTo(1.3, within(0.01));
        double[] spec = {55, 125, 151, 176, 202, 232, 261, 301, 357, 421, 469}; // SPECpower R640, rises at every step
        FittedCurve truth = FittedCurve.piecewise(spec);
        for (int k = 0; k < n; k++) {
            w[k] = truth.watts(u[k]);
        }
        double[] got = CurveFitter.piecewise(stats(u, w)).knotWatts();
        for (int i = 0; i < spec.length; i++) {
            assertThat(got[i]).as("w" + 10 * i).isCloseTo(spec[i], within(0.5));
        }
    }

    @Property(tries = 300)
    void everyFitIsPhysical(@ForAll long seed, @ForAll @IntRange(min = 3, max = 600) int n,
                            @ForAll @DoubleRange(min = 0, max = 0.95) double lo, @ForAll @DoubleRange(min = 0.01, max = 1) double width,
                            @ForAll @DoubleRange(min = 0, max = 800) double meanWatts, @ForAll @DoubleRange(min = 0, max = 1.5) double noise) {
        FitStats s = noisy(seed, n, lo, Math.min(1, lo + width), meanWatts, noise);
        assertPhysical(CurveFitter.linear(s), "linear");
        assertPhysical(CurveFitter.fan(s), "fan");
        assertPhysical(CurveFitter.piecewise(s), "piecewise");
    }

    /** n samples, u uniform in [lo, hi], watts = mean × (1 + noise·N(0,1)) with any sign (meters glitch). */
    private static FitStats noisy(long seed, int n, double lo, double hi, double meanWatts, double noise) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] u = new double[n];
        double[] w = new double[n];
        for (int k = 0; k < n; k++) {
            u[k] = lo + (hi - lo) * rng.nextDouble();
            double g = Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
            w[k] = meanWatts * (1 + noise * g);
        }
        return stats(u, w);
    }

    private static void assertPhysical(FittedCurve c, String what) {
        if (c == null) {
            return; // the data could not determine a curve: nothing is claimed
        }
        assertThat(c.idleWatts()).as(what + " idle of " + c).isGreaterThanOrEqualTo(0);
        assertThat(c.maxWatts()).as(what + " max of " + c).isGreaterThanOrEqualTo(c.idleWatts());
        double prev = c.watts(0);
        for (int i = 1; i <= 200; i++) {
            double w = c.watts(i / 200.0);
            assertThat(w).as(what + " at u=" + i / 200.0 + " of " + c).isGreaterThanOrEqualTo(prev - 1e-9 * Math.max(1, Math.abs(prev)));
            prev = w;
        }
    }
}
