package io.greenpack.correlate;

/**
 * Sufficient statistics of (u, P) samples from which every candidate curve is fitted by least
 * squares on the driver, without the samples themselves. Spark sums them per hardware model,
 * cross-validation fold and decile of u.
 *
 * <p>Per decile d (u in [d/10, (d+1)/10)): n, Σu, Σu², ΣP, ΣP², ΣuP. Within a decile the two
 * hat functions of the piecewise curve are linear in u, so these sums give its normal equations
 * exactly. For Fan's curve, per exponent r on {@link #R_GRID}: Σu^r, Σu^(1+r), Σu^(2r), Σu^r·P,
 * which give its normal equations exactly at the grid nodes.
 */
final class FitStats {
    static final int DECILES = 10;
    static final double R_MIN = 0.5;
    static final double R_MAX = 2.5;
    static final double R_STEP = 0.05;
    static final double[] R_GRID = grid();

    /** Fan's 2u − u^r rises over [0,1] only for r ≤ 2: the fit uses the grid up to here. */
    static final double R_MAX_MONOTONE = 2.0;

    final double[][] decile = new double[DECILES][6];
    final double[][] fan = new double[R_GRID.length][4];

    private static double[] grid() {
        int n = (int) Math.round((R_MAX - R_MIN) / R_STEP) + 1;
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = R_MIN + i * R_STEP;
        }
        return g;
    }

    /** How many nodes of {@link #R_GRID}, from the first, have r ≤ {@link #R_MAX_MONOTONE}. */
    static int monotoneNodes() {
        int n = 0;
        while (n < R_GRID.length && R_GRID[n] <= R_MAX_MONOTONE + 1e-9) {
            n++;
        }
        return n;
    }

    /** this += sign · other. */
    FitStats add(FitStats other, double sign) {
        for (int d = 0; d < DECILES; d++) {
            for (int k = 0; k < 6; k++) {
                decile[d][k] += sign * other.decile[d][k];
            }
        }
        for (int i = 0; i < R_GRID.length; i++) {
            for (int k = 0; k < 4; k++) {
                fan[i][k] += sign * other.fan[i][k];
            }
        }
        return this;
    }

    FitStats copy() {
        return new FitStats().add(this, 1);
    }

    /** Total of moment k (0 n, 1 Σu, 2 Σu², 3 ΣP, 4 ΣP², 5 ΣuP) over all deciles. */
    double total(int k) {
        double s = 0;
        for (double[] d : decile) {
            s += d[k];
        }
        return s;
    }

    double n() {
        return total(0);
    }
}
