package io.greenpack.correlate;

import io.greenpack.model.PowerCurve;

import java.util.Arrays;

/**
 * A fitted power model P(u) in watts for CPU utilization u (a fraction of the host's cores), in one
 * of the {@link PowerFamily} shapes, with the family's parameters (what {@code power_models} and the
 * power-curve chart show). Above u = 1 the curve is extended along its last piece (a host can
 * briefly report more busy cores than it has; the model should not fall off a cliff). The later
 * stages use its 11-point form, {@link #toPowerCurve()}.
 *
 * @param idleWatts P(0)
 * @param maxWatts  P(1)
 * @param exponent  Fan's r (1 for linear, NaN for piecewise)
 * @param knotWatts 11 values at u = 0, 0.1, … 1 (piecewise only; empty otherwise)
 */
public record FittedCurve(PowerFamily family, double idleWatts, double maxWatts, double exponent, double[] knotWatts) {

    public static final int KNOTS = 11;

    public FittedCurve {
        knotWatts = knotWatts.clone();
        if (family == PowerFamily.PIECEWISE && knotWatts.length != KNOTS) {
            throw new IllegalArgumentException("a piecewise curve needs " + KNOTS + " points, got " + knotWatts.length);
        }
    }

    public static FittedCurve linear(double idleWatts, double maxWatts) {
        return new FittedCurve(PowerFamily.LINEAR, idleWatts, maxWatts, 1.0, new double[0]);
    }

    public static FittedCurve fan(double idleWatts, double maxWatts, double exponent) {
        return new FittedCurve(PowerFamily.FAN, idleWatts, maxWatts, exponent, new double[0]);
    }

    public static FittedCurve piecewise(double[] knotWatts) {
        return new FittedCurve(PowerFamily.PIECEWISE, knotWatts[0], knotWatts[KNOTS - 1], Double.NaN, knotWatts);
    }

    /** Watts at utilization u (u below 0 counts as 0). */
    public double watts(double u) {
        double x = Math.max(0, u);
        return switch (family) {
            case LINEAR -> idleWatts + (maxWatts - idleWatts) * x;
            case FAN -> idleWatts + (maxWatts - idleWatts) * fanShape(x, exponent);
            case PIECEWISE -> {
                int i = Math.min((int) Math.floor(x * 10), KNOTS - 2);
                double frac = x * 10 - i;
                yield knotWatts[i] + (knotWatts[i + 1] - knotWatts[i]) * frac;
            }
        };
    }

    /**
     * Fan's shape 2u − u^r, at least 0; past u = 1 continued along its tangent so it keeps rising.
     * For r &lt; 1 (SPECpower results fit r of about 0.7 to 1.1) 2u − u^r dips below 0 just above
     * u = 0 (by at most 0.026 at r = 0.7, below u = 0.1): held at 0 there, so that the curve never
     * draws less than at idle and never falls.
     */
    static double fanShape(double u, double r) {
        if (u <= 1) {
            return Math.max(0, 2 * u - Math.pow(u, r));
        }
        return 1 + (2 - r) * (u - 1);
    }

    /** The curve at 0, 10, … 100 % load (comparable with a SPECpower result's 11 points). */
    public double[] elevenPoints() {
        double[] w = new double[KNOTS];
        for (int i = 0; i < KNOTS; i++) {
            w[i] = watts(i / 10.0);
        }
        return w;
    }

    /** The 11-point form the optimizer and the savings use: these watts at 0, 10, … 100 % load, straight lines between. */
    public PowerCurve toPowerCurve() {
        return new PowerCurve(elevenPoints());
    }

    /**
     * Energy proportionality EP = 1 − (area between the curve and the ideal line u·P_max) /
     * (area under the ideal line), over u in [0,1], with P_max = P(1). A perfectly proportional
     * machine scores 1; one that draws P_max at any load scores 0. Integrated numerically (1000 steps).
     */
    public double energyProportionality() {
        double pMax = watts(1.0);
        if (!(pMax > 0)) {
            return Double.NaN;
        }
        int steps = 1000;
        double between = 0;
        for (int i = 0; i < steps; i++) {
            double u = (i + 0.5) / steps;
            between += Math.abs(watts(u) - u * pMax) / steps;
        }
        return 1 - between / (pMax / 2);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FittedCurve c && c.family == family && Double.compare(c.idleWatts, idleWatts) == 0
                && Double.compare(c.maxWatts, maxWatts) == 0 && Double.compare(c.exponent, exponent) == 0
                && Arrays.equals(c.knotWatts, knotWatts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new double[]{family.ordinal(), idleWatts, maxWatts, exponent}) * 31 + Arrays.hashCode(knotWatts);
    }

    @Override
    public String toString() {
        return switch (family) {
            case LINEAR -> String.format(java.util.Locale.ROOT, "linear(%.1f W .. %.1f W)", idleWatts, maxWatts);
            case FAN -> String.format(java.util.Locale.ROOT, "fan(%.1f W .. %.1f W, r=%.3f)", idleWatts, maxWatts, exponent);
            case PIECEWISE -> "piecewise" + Arrays.toString(knotWatts);
        };
    }
}
