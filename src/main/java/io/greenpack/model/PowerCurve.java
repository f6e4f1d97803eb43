package io.greenpack.model;

import io.greenpack.util.UserError;

import java.util.Arrays;

/**
 * Watts drawn by a machine at CPU load 0 %, 10 %, … 100 % (eleven points, as SPECpower publishes);
 * in between, power is interpolated linearly. Load above 100 % is clamped (the solver never plans it).
 * The one power curve of target hardware, existing hosts, the optimizer and the savings; a fitted
 * model of the analysis ({@code correlate.FittedCurve}) enters the later stages in this form.
 */
public record PowerCurve(double[] wattsAtDecile) implements java.io.Serializable {

    public PowerCurve {
        if (wattsAtDecile == null || wattsAtDecile.length != 11) {
            throw new UserError("a power curve needs 11 points w0, w10, … w100; got "
                    + (wattsAtDecile == null ? "none" : wattsAtDecile.length));
        }
        for (int i = 0; i < 11; i++) {
            if (!(wattsAtDecile[i] >= 0) || Double.isInfinite(wattsAtDecile[i])) {
                throw new UserError("power curve point w" + (i * 10) + " must be a finite number >= 0 watts, got "
                        + wattsAtDecile[i]);
            }
        }
        wattsAtDecile = wattsAtDecile.clone();
    }

    /** The common catalog case: only idle and maximum watts are known, power linear in load. */
    public static PowerCurve linear(double idleWatts, double maxWatts) {
        if (maxWatts < idleWatts) {
            throw new UserError("max watts (" + maxWatts + ") is below idle watts (" + idleWatts
                    + ") — were the two columns swapped?");
        }
        double[] w = new double[11];
        for (int i = 0; i <= 10; i++) {
            w[i] = idleWatts + (maxWatts - idleWatts) * i / 10.0;
        }
        return new PowerCurve(w);
    }

    /** Watts at a CPU load given as a fraction of the machine's cores. */
    public double watts(double loadFraction) {
        double u = Math.max(0, Math.min(1, loadFraction)) * 10;
        int lo = (int) Math.floor(u);
        if (lo >= 10) {
            return wattsAtDecile[10];
        }
        double t = u - lo;
        return wattsAtDecile[lo] * (1 - t) + wattsAtDecile[lo + 1] * t;
    }

    /** The curve moved up (or down) by {@code watts} at every load, never below 0 W. */
    public PowerCurve shifted(double watts) {
        double[] w = new double[11];
        for (int i = 0; i < 11; i++) {
            w[i] = Math.max(0, wattsAtDecile[i] + watts);
        }
        return new PowerCurve(w);
    }

    public double idleWatts() {
        return wattsAtDecile[0];
    }

    public double maxWatts() {
        return wattsAtDecile[10];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PowerCurve p && Arrays.equals(wattsAtDecile, p.wattsAtDecile);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(wattsAtDecile);
    }

    @Override
    public String toString() {
        return "PowerCurve" + Arrays.toString(wattsAtDecile);
    }
}
