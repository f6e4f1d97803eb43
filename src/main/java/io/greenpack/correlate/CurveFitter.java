package io.greenpack.correlate;

/**
 * Least-squares fits of the three {@link PowerFamily} shapes from {@link FitStats}, constrained to
 * physical curves: P_idle ≥ 0, P_max ≥ P_idle and P non-decreasing in u. A noisy sample over a narrow
 * range of u can make the unconstrained line slope down or cross zero (idle −212 W, max 4,995 W);
 * the constrained optimum then lies on the boundary (a flat line at the mean, or a line through the
 * origin), which is the best physical curve for those samples. Linear and Fan: P = a + b·g(u) with
 * a ≥ 0, b ≥ 0, and Fan's r at most 2 (2u − u^r rises on [0,1] only for r ≤ 2). Piecewise: the
 * 11 knots as P_0 ≥ 0 plus non-negative increments (a non-negative least-squares problem). Each
 * returns null when the data cannot determine the curve (e.g. every sample at the same u).
 */
final class CurveFitter {
    /** Weight of the smoothness penalty of the piecewise fit, relative to the sample count. */
    private static final double SMOOTHING = 1e-6;

    private CurveFitter() {
    }

    static FittedCurve linear(FitStats s) {
        double n = s.n();
        double su = s.total(1), suu = s.total(2), sp = s.total(3), sup = s.total(5);
        double det = n * suu - su * su;
        if (n < 2 || !(Math.abs(det) > 1e-12 * n * n)) {
            return null;
        }
        double[] ab = nonNegative(n, su, suu, s.total(3), sup, s.total(4));
        return FittedCurve.linear(ab[0], ab[0] + ab[1]);
    }

    /**
     * {a, b, SSE} minimising Σ(P − a − b·g)² subject to a ≥ 0 and b ≥ 0, from n, Σg, Σg², ΣP, Σg·P, ΣP².
     * The unconstrained optimum when it is feasible, else the best of the boundary solutions
     * (a = 0; b = 0; both 0): for a convex quadratic over the quadrant one of them is the optimum.
     */
    static double[] nonNegative(double n, double sg, double sgg, double sp, double sgp, double spp) {
        double[][] options = new double[4][];
        double det = n * sgg - sg * sg;
        if (Math.abs(det) > 1e-12 * n * n) {
            double b = (n * sgp - sg * sp) / det;
            options[0] = new double[]{(sp - b * sg) / n, b};
        }
        options[1] = new double[]{0, sgg > 0 ? sgp / sgg : 0};
        options[2] = new double[]{n > 0 ? sp / n : 0, 0};
        options[3] = new double[]{0, 0};
        double[] best = null;
        for (double[] o : options) {
            if (o == null || !(o[0] >= 0) || !(o[1] >= 0)) {
                continue;
            }
            double sse = spp - 2 * o[0] * sp - 2 * o[1] * sgp + n * o[0] * o[0] + 2 * o[0] * o[1] * sg + o[1] * o[1] * sgg;
            if (best == null || sse < best[2]) {
                best = new double[]{o[0], o[1], sse};
            }
        }
        return best;
    }

    /**
     * Fan et al. 2007 with r fitted: the exact least-squares fit at every node of {@link FitStats#R_GRID},
     * then the vertex of the parabola through the best node and its neighbours' SSE, with P_idle and
     * P_max interpolated linearly between the two nodes around it. (Interpolating the sums
     * themselves is not good enough: SSE is a small difference of large sums, so tiny interpolation
     * errors in them move the minimum.)
     */
    static FittedCurve fan(FitStats s) {
        if (s.n() < 3) {
            return null;
        }
        int nodes = FitStats.monotoneNodes();
        double[][] fits = new double[nodes][];
        int best = -1;
        for (int i = 0; i < nodes; i++) {
            fits[i] = fanAt(s, s.fan[i]);
            if (Double.isFinite(fits[i][2]) && (best < 0 || fits[i][2] < fits[best][2])) {
                best = i;
            }
        }
        if (best < 0) {
            return null;
        }
        double r = FitStats.R_GRID[best];
        double a = fits[best][0];
        double b = fits[best][1];
        if (best > 0 && best < nodes - 1) {
            double left = fits[best - 1][2], mid = fits[best][2], right = fits[best + 1][2];
            double curvature = left - 2 * mid + right;
            if (curvature > 0) {
                double offset = Math.max(-0.5, Math.min(0.5, (left - right) / (2 * curvature))); // in grid steps
                int other = offset >= 0 ? best + 1 : best - 1;
                double t = Math.abs(offset);
                r += offset * FitStats.R_STEP;
                a = (1 - t) * fits[best][0] + t * fits[other][0];
                b = (1 - t) * fits[best][1] + t * fits[other][1];
            }
        }
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            return null;
        }
        return FittedCurve.fan(a, a + b, r);
    }

    /** {a, b, SSE} of P = a + b·(2u − u^r) at a grid node r, with a ≥ 0 and b ≥ 0. */
    static double[] fanAt(FitStats s, double[] f) {
        // f = Σu^r, Σu^(1+r), Σu^(2r), Σu^r·P at one node r
        double n = s.n();
        double su = s.total(1), suu = s.total(2), sp = s.total(3), spp = s.total(4), sup = s.total(5);
        double sg = 2 * su - f[0];
        double sgg = 4 * suu - 4 * f[1] + f[2];
        double sgp = 2 * sup - f[3];
        double det = n * sgg - sg * sg;
        if (!(Math.abs(det) > 1e-12 * n * n)) {
            return new double[]{Double.NaN, Double.NaN, Double.POSITIVE_INFINITY};
        }
        return nonNegative(n, sg, sgg, sp, sgp, spp);
    }

    /**
     * Piecewise-linear through 11 knots: least squares on the hat basis functions at 0, 0.1, … 1,
     * plus a tiny second-difference penalty so that knots without samples nearby continue the
     * neighbouring slope (a straight extrapolation) instead of making the system singular.
     */
    static FittedCurve piecewise(FitStats s) {
        int k = FittedCurve.KNOTS;
        double n = s.n();
        if (n < 3) {
            return null;
        }
        double[][] a = new double[k][k];
        double[] b = new double[k];
        for (int d = 0; d < FitStats.DECILES; d++) {
            double[] m = s.decile[d];
            // On decile d: h_d(u) = (d+1) − 10u, h_{d+1}(u) = 10u − d.
            int[] idx = {d, d + 1};
            double[] alpha = {d + 1, -d};
            double[] beta = {-10, 10};
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    a[idx[i]][idx[j]] += alpha[i] * alpha[j] * m[0] + (alpha[i] * beta[j] + alpha[j] * beta[i]) * m[1]
                            + beta[i] * beta[j] * m[2];
                }
                b[idx[i]] += alpha[i] * m[3] + beta[i] * m[5];
            }
        }
        double lambda = SMOOTHING * n;
        for (int j = 1; j < k - 1; j++) {
            int[] idx = {j - 1, j, j + 1};
            double[] c = {1, -2, 1};
            for (int p = 0; p < 3; p++) {
                for (int q = 0; q < 3; q++) {
                    a[idx[p]][idx[q]] += lambda * c[p] * c[q];
                }
            }
        }
        double[] w = monotone(a, b);
        return w == null ? null : FittedCurve.piecewise(w);
    }

    /**
     * Minimises ½xᵀAx − bᵀx over knots x with x_0 ≥ 0 and x_0 ≤ x_1 ≤ … : with x = L·d (L the
     * lower triangle of ones) the constraints become d ≥ 0, solved by {@link #nonNegativeQp}.
     */
    static double[] monotone(double[][] a, double[] b) {
        int k = b.length;
        double[][] h = new double[k][k];
        double[] g = new double[k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                // (LᵀAL)_ij = Σ_{p ≥ i, q ≥ j} A_pq
                double s = 0;
                for (int p = i; p < k; p++) {
                    for (int q = j; q < k; q++) {
                        s += a[p][q];
                    }
                }
                h[i][j] = s;
            }
            for (int p = i; p < k; p++) {
                g[i] += b[p];
            }
        }
        double[] d = nonNegativeQp(h, g);
        if (d == null) {
            return null;
        }
        double[] x = new double[k];
        double run = 0;
        for (int i = 0; i < k; i++) {
            run += d[i];
            x[i] = run;
        }
        return x;
    }

    /**
     * Lawson and Hanson's active-set method ("Solving Least Squares Problems", 1974, ch. 23) in
     * its quadratic form: minimise ½dᵀHd − gᵀd subject to d ≥ 0, H symmetric positive definite.
     * Null when a sub-system is singular.
     */
    static double[] nonNegativeQp(double[][] h, double[] g) {
        int k = g.length;
        double scale = 0;
        for (double[] row : h) {
            for (double v : row) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        double tol = 1e-12 * Math.max(scale, 1e-300) * k;
        boolean[] free = new boolean[k];
        double[] d = new double[k];
        for (int outer = 0; outer < 10 * k; outer++) {
            double[] w = gradient(h, g, d);
            int enter = -1;
            for (int j = 0; j < k; j++) {
                if (!free[j] && w[j] > tol && (enter < 0 || w[j] > w[enter])) {
                    enter = j;
                }
            }
            if (enter < 0) {
                return d;
            }
            free[enter] = true;
            for (int inner = 0; inner < 10 * k; inner++) {
                double[] s = solveFree(h, g, free);
                if (s == null) {
                    return null;
                }
                double alpha = 1;
                boolean feasible = true;
                for (int j = 0; j < k; j++) {
                    if (free[j] && s[j] <= 0) {
                        feasible = false;
                        alpha = Math.min(alpha, d[j] / (d[j] - s[j]));
                    }
                }
                if (feasible) {
                    d = s;
                    break;
                }
                for (int j = 0; j < k; j++) {
                    d[j] += alpha * (s[j] - d[j]);
                    if (free[j] && d[j] <= 1e-12 * Math.max(1, Math.abs(s[j]))) {
                        free[j] = false;
                        d[j] = 0;
                    }
                }
            }
        }
        return d;
    }

    /** g − H·d: the negative gradient. */
    private static double[] gradient(double[][] h, double[] g, double[] d) {
        double[] w = g.clone();
        for (int i = 0; i < g.length; i++) {
            for (int j = 0; j < g.length; j++) {
                w[i] -= h[i][j] * d[j];
            }
        }
        return w;
    }

    /** The unconstrained optimum over the free variables, the others at 0. */
    private static double[] solveFree(double[][] h, double[] g, boolean[] free) {
        int[] idx = java.util.stream.IntStream.range(0, g.length).filter(j -> free[j]).toArray();
        double[][] sub = new double[idx.length][idx.length];
        double[] rhs = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            for (int j = 0; j < idx.length; j++) {
                sub[i][j] = h[idx[i]][idx[j]];
            }
            rhs[i] = g[idx[i]];
        }
        double[] x = solve(sub, rhs);
        if (x == null) {
            return null;
        }
        double[] out = new double[g.length];
        for (int i = 0; i < idx.length; i++) {
            out[idx[i]] = x[i];
        }
        return out;
    }

    /** Gaussian elimination with partial pivoting; null when singular. */
    static double[] solve(double[][] a0, double[] b0) {
        int n = b0.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = a0[i].clone();
        }
        double[] b = b0.clone();
        double scale = 0;
        for (double[] row : a) {
            for (double v : row) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        for (int col = 0; col < n; col++) {
            int piv = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) {
                    piv = r;
                }
            }
            if (!(Math.abs(a[piv][col]) > 1e-14 * scale)) {
                return null;
            }
            double[] t = a[col];
            a[col] = a[piv];
            a[piv] = t;
            double tb = b[col];
            b[col] = b[piv];
            b[piv] = tb;
            for (int r = col + 1; r < n; r++) {
                double f = a[r][col] / a[col][col];
                for (int c = col; c < n; c++) {
                    a[r][c] -= f * a[col][c];
                }
                b[r] -= f * b[col];
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = b[r];
            for (int c = r + 1; c < n; c++) {
                s -= a[r][c] * x[c];
            }
            x[r] = s / a[r][r];
        }
        return x;
    }
}
