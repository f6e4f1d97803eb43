package io.greenpack.correlate;

import io.greenpack.ingest.catalog.TargetCatalog;
import io.greenpack.model.TargetModel;

import java.util.Map;
import java.util.TreeMap;

/**
 * Power curves of the target catalog (targets.csv, as ingest read and checked it), by model name:
 * the 11-point SPECpower_ssj2008 curve (w0 … w100) when the row gave one, else linear between
 * idle_watts and max_watts. Used only as a fallback for measured models whose fit is too thin.
 * Rows that ingest rejected (reported in rejects.csv) give no curve.
 */
public final class CatalogCurves {
    private CatalogCurves() {
    }

    public static Map<String, FittedCurve> of(TargetCatalog catalog) {
        Map<String, FittedCurve> out = new TreeMap<>();
        for (TargetModel t : catalog.targets()) {
            out.putIfAbsent(t.model(), curve(t.powerCurve().wattsAtDecile()));
        }
        return out;
    }

    /** A row without w0 … w100 has its curve filled in on the line idle → max: that is a linear model. */
    static FittedCurve curve(double[] w) {
        double idle = w[0];
        double max = w[FittedCurve.KNOTS - 1];
        for (int i = 0; i < FittedCurve.KNOTS; i++) {
            if (w[i] != idle + (max - idle) * i / 10.0) {
                return FittedCurve.piecewise(w.clone());
            }
        }
        return FittedCurve.linear(idle, max);
    }
}
