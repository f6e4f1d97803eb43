package io.greenpack.correlate;

/**
 * The power curve assumed for a host that has no meter, no nameplate watts in hosts.csv and no
 * curve of its model in targets.csv (DESIGN §2): watts at 0, 10, … 100 % load as
 * {@code fixed + perCore × cores}, fitted by least squares, load level by load level, to published
 * SPECpower_ssj2008 results of 16- to 112-core servers.
 *
 * <p>The results (average active power in watts at active idle, 10 %, … 100 % target load, and
 * the cores of the system under test), from www.spec.org/power_ssj2008/results/:
 * <ul>
 * <li>res2012q1/power_ssj2008-20120305-00429 — Fujitsu PRIMERGY RX300 S7, 16 cores:
 *     53.1, 74.9, 85.3, 94.9, 105, 117, 134, 156, 187, 217, 245</li>
 * <li>res2012q1/power_ssj2008-20120306-00434 — Dell PowerEdge R620, 16 cores:
 *     54.1, 78.4, 88.5, 99.5, 115, 126, 143, 165, 196, 226, 243</li>
 * <li>res2017q3/power_ssj2008-20170829-00781 — Dell PowerEdge R640, 56 cores:
 *     55, 125, 151, 176, 202, 232, 261, 301, 357, 421, 469</li>
 * <li>res2017q3/power_ssj2008-20170829-00780 — Dell PowerEdge R740, 56 cores:
 *     52.3, 129, 147, 170, 195, 224, 255, 292, 344, 408, 457</li>
 * <li>res2017q4/power_ssj2008-20171010-00789 — Dell PowerEdge R940, 112 cores:
 *     106, 245, 292, 336, 383, 437, 502, 583, 694, 820, 915</li>
 * </ul>
 * (the same five rows as the bundled sample's targets.csv). The fit gives about 38 W + 0.5 W per
 * core at idle and 113 W + 6.9 W per core at full load: a 16-core host 46 W … 223 W, a 56-core host
 * 67 W … 499 W. SPECpower systems are lean configurations (few disks, minimal memory), so a real
 * host with more disks and memory draws more: the default errs low, which makes savings
 * conservative. Outside 16–112 cores the line is extrapolated; the weights are clamped at zero.
 */
public final class DefaultPowerCurve {
    /** Cores of the systems under test, in the order of {@link #WATTS}. */
    static final double[] CORES = {16, 16, 56, 56, 112};
    /** Their 11-point curves (active idle, 10 % … 100 %), watts. */
    static final double[][] WATTS = {
            {53.1, 74.9, 85.3, 94.9, 105, 117, 134, 156, 187, 217, 245},
            {54.1, 78.4, 88.5, 99.5, 115, 126, 143, 165, 196, 226, 243},
            {55, 125, 151, 176, 202, 232, 261, 301, 357, 421, 469},
            {52.3, 129, 147, 170, 195, 224, 255, 292, 344, 408, 457},
            {106, 245, 292, 336, 383, 437, 502, 583, 694, 820, 915}};
    /** What the report prints as the curve's origin. */
    public static final String SOURCE = "default curve by cores (least squares over 5 published SPECpower_ssj2008 results)";

    private static final double[][] FIT = fit();

    private DefaultPowerCurve() {
    }

    /** The default curve of a host with this many cores (piecewise through 11 points, non-decreasing). */
    public static FittedCurve forCores(double cores) {
        double[] w = new double[FittedCurve.KNOTS];
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.max(0, FIT[i][0] + FIT[i][1] * Math.max(0, cores));
            if (i > 0) {
                w[i] = Math.max(w[i], w[i - 1]);
            }
        }
        return FittedCurve.piecewise(w);
    }

    /** {fixed, perCore} per load level: ordinary least squares of watts on cores. */
    private static double[][] fit() {
        int n = CORES.length;
        double meanC = 0;
        for (double c : CORES) {
            meanC += c / n;
        }
        double scc = 0;
        for (double c : CORES) {
            scc += (c - meanC) * (c - meanC);
        }
        double[][] out = new double[FittedCurve.KNOTS][2];
        for (int i = 0; i < FittedCurve.KNOTS; i++) {
            double meanW = 0;
            for (double[] r : WATTS) {
                meanW += r[i] / n;
            }
            double scw = 0;
            for (int k = 0; k < n; k++) {
                scw += (CORES[k] - meanC) * (WATTS[k][i] - meanW);
            }
            double slope = scw / scc;
            out[i][0] = meanW - slope * meanC;
            out[i][1] = slope;
        }
        return out;
    }
}
