package io.greenpack.correlate;

/**
 * Least-squares fits of the three {@link PowerFamily} shapes from {@link FitStats}. Each returns
 * null when the data cannot determine the curve (e.g. every sample at the same u).
 */
final class CurveFitter {
    /** Weight of the smoothness penalty of the piecewise fit, relative to the sample count. */
    private static final double SMOOTHING = 1e-6;

    private CurveFitter() {
    }

    static PowerCurve linear(FitStats s) {
        double n = s.n();
        double su = s.total(1), suu = s.total(2), sp = s.total(3), sup = s.total(5);
        double det = n * suu - su * su;
        if (n < 2 || !(Math.abs(det) > 1e-12 * n * n)) {
            return null;
        }
        double b = (n * sup - su * sp) / det;
        double a = (sp - b * su) / n;
        return PowerCurve.linear(a, a + b);
    }

    /**
     * Fan et al. 2007 with r fitted: the exact least-squares fit at every node of {@link FitStats#R_GRID},
     * then the vertex of the parabola through the best node and its neighbours' SSE, with P_idle and
     * P_max interpolated linearly between the two nodes around it. (Interpolating the sums
     * themselves is not good enough: SSE is a small difference of large sums, so tiny interpolation
     * errors in them move the minimum.)
     */
    static PowerCurve fan(FitStats s) {
        if (s.n() < 3) {
            return null;
        }
        int nodes = FitStats.R_GRID.length;
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
        return PowerCurve.fan(a, a + b, r);
    }

    /** {a, b, SSE} of P = a + b·(2u − u^r) at a grid node r. */
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
        double b = (n * sgp - sg * sp) / det;
        double a = (sp - b * sg) / n;
        double sse = spp - 2 * a * sp - 2 * b * sgp + n * a * a + 2 * a * b * sg + b * b * sgg;
        return new double[]{a, b, sse};
    }

    /**
     * Piecewise-linear through 11 knots: least squares on the hat basis functions at 0, 0.1, … 1,
     * plus a tiny second-difference penalty so that knots without samples nearby continue the
     * neighbouring slope (a straight extrapolation) instead of making the system singular.
     */
    static PowerCurve piecewise(FitStats s) {
        int k = PowerCurve.KNOTS;
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
        double[] w = solve(a, b);
        return w == null ? null : PowerCurve.piecewise(w);
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
