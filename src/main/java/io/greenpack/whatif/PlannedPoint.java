package io.greenpack.whatif;

import io.greenpack.config.WhatIfPoint;
import io.greenpack.consolidate.PlannedOptions;

import java.io.Serializable;
import java.util.List;

/**
 * A what-if point after its Spark task: the four options planned with both sizings (not yet
 * replayed, no verdict yet) and what the offload moved out. {@code options} is null when the point
 * has no plan; {@code note} then says why.
 *
 * @param offloadedApps   demand vectors (app on host) that moved to the provider
 * @param offloadedCores  their sized cores
 * @param offloadedMemGb  their sized memory, GB
 * @param providerBill    the provider's bill for them, per year
 * @param offloadedKwh    the facility energy their hosts drew for them, per year
 */
public record PlannedPoint(int index, WhatIfPoint point, PlannedOptions options, List<String> offloadedApps,
                           double offloadedCores, double offloadedMemGb, double providerBill, double offloadedKwh,
                           String note) implements Serializable {
    public PlannedPoint {
        offloadedApps = List.copyOf(offloadedApps);
        note = note == null ? "" : note;
    }

    public boolean planned() {
        return options != null;
    }
}
