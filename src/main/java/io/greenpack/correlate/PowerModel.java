package io.greenpack.correlate;

import java.util.Map;

/**
 * The power model of one hardware model: the chosen curve and how well it fits.
 *
 * @param source   {@code fitted}, {@code catalog} (targets.csv) or {@code nameplate} (hosts.csv)
 * @param reason   why this curve: the selection rule's verdict, or why the fit fell back
 * @param mape     in-sample mean absolute percentage error of the chosen curve, percent (NaN if not fitted)
 * @param r2       in-sample coefficient of determination (NaN if not fitted)
 * @param samples  host-intervals with known utilization used for the fit
 * @param cvMape   cross-validated MAPE per family tried, percent
 * @param uP5      5th percentile of utilization in the samples
 * @param uP95     95th percentile of utilization in the samples
 */
public record PowerModel(String model, FittedCurve curve, String source, String reason, double mape, double r2,
                         long samples, Map<PowerFamily, Double> cvMape, double uP5, double uP95) {

    public PowerModel {
        cvMape = Map.copyOf(cvMape);
    }

    public PowerFamily family() {
        return curve.family();
    }

    public double idleWatts() {
        return curve.idleWatts();
    }

    public double maxWatts() {
        return curve.maxWatts();
    }

    public boolean fitted() {
        return source.equals("fitted");
    }
}
