package io.greenpack.correlate;

import java.util.Map;

/**
 * How the analysis runs, apart from the scenario's assumptions.
 *
 * @param catalog            curves from targets.csv by model name, for models whose fit falls back
 * @param folds              cross-validation folds of the power-model selection
 * @param foldBlockSeconds   samples are assigned to folds in time blocks of this length (neighbouring
 *                           intervals are correlated, so random rows would leak)
 * @param seed               seeds fold assignment and chart sampling
 * @param verifyConservation run the extra Spark pass that checks attributed + unattributed = measured per host-interval
 * @param scatterPerModel    at most this many points per model for the utilization-vs-watts chart
 */
public record AnalysisOptions(Map<String, FittedCurve> catalog, int folds, long foldBlockSeconds, long seed,
                              boolean verifyConservation, int scatterPerModel) {

    public AnalysisOptions {
        catalog = Map.copyOf(catalog);
        if (folds < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds, got " + folds);
        }
    }

    public static AnalysisOptions defaults() {
        return new AnalysisOptions(Map.of(), 5, 6 * 3600, 7, true, 2000);
    }

    public AnalysisOptions withCatalog(Map<String, FittedCurve> catalog) {
        return new AnalysisOptions(catalog, folds, foldBlockSeconds, seed, verifyConservation, scatterPerModel);
    }

    public AnalysisOptions withVerifyConservation(boolean verify) {
        return new AnalysisOptions(catalog, folds, foldBlockSeconds, seed, verify, scatterPerModel);
    }
}
