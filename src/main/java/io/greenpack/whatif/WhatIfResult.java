package io.greenpack.whatif;

import io.greenpack.config.WhatIfPoint;
import io.greenpack.consolidate.ConsolidationOutcome;

import java.io.Serializable;
import java.util.List;

/**
 * One evaluated what-if point. Figures are per year; energy is facility energy (IT × PUE), money
 * is energy cost plus, for an offload, the provider's bill; CO2e counts the fleet only (the
 * provider's emissions are not known). NaN where the point has no plan (see {@code note}).
 *
 * @param outcome       the plan and savings (risk empty: the replay is not part of a what-if)
 * @param offloadedApps demand vectors (app on host) that moved to the provider
 */
public record WhatIfResult(int index, WhatIfPoint point, ConsolidationOutcome outcome, int hostsBefore, int hostsAfter,
                           int lowerBound, double gap, int keptHosts, double kwhBefore, double kwhAfter,
                           double costBefore, double energyCostAfter, double providerBill, double co2eBeforeT,
                           double co2eAfterT, double hardwareCost, double paybackMonths, List<String> offloadedApps,
                           double offloadedCores, double offloadedMemGb, double offloadedKwh,
                           double harvestCoreHours, String stoppedBy, long iterations, String note) implements Serializable {
    public WhatIfResult {
        offloadedApps = List.copyOf(offloadedApps);
        note = note == null ? "" : note;
    }

    public String name() {
        return point.name();
    }

    public double costAfter() {
        return energyCostAfter + providerBill;
    }

    public double costSaved() {
        return costBefore - costAfter();
    }

    public double kwhSaved() {
        return kwhBefore - kwhAfter;
    }

    public double co2eSavedT() {
        return co2eBeforeT - co2eAfterT;
    }

    public boolean evaluated() {
        return Double.isFinite(kwhAfter);
    }
}
