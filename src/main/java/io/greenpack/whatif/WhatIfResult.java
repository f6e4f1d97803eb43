package io.greenpack.whatif;

import io.greenpack.config.WhatIfPoint;
import io.greenpack.consolidate.ConsolidationOutcome;

import java.io.Serializable;
import java.util.List;

/**
 * One evaluated what-if point: the option its verdict leads with (the recommended one, else the
 * lowest-TCO one, marked not recommended), as {@code report} would describe it for the point's
 * scenario. Figures are per year unless named otherwise; energy is facility energy (IT × PUE);
 * money is energy cost + support and licence of every host on, plus, for an offload, the provider's
 * bill; CO2e counts the fleet only (the provider's emissions are not known). NaN where the point has
 * no plan (see {@code note}).
 *
 * @param outcome         the options, verdict, plan, savings and replay of the point
 * @param option          the option the row describes ({@code decommission}, {@code reuse}, …), empty without one
 * @param recommended     the option pays back within the horizon and was recommended
 * @param capex           hardware bought (blade chassis included) + moves × cost per move
 * @param paybackMonths   capex ÷ (money saved per year ÷ 12); infinite when nothing is saved
 * @param tcoOverHorizon  (cost after per year) × horizon years + capex
 * @param contentionShare share of host-intervals in which the replayed plan exceeded capacity × (1 − headroom)
 * @param offloadedApps   demand vectors (app on host) that moved to the provider
 */
public record WhatIfResult(int index, WhatIfPoint point, ConsolidationOutcome outcome, String option, boolean recommended,
                           int hostsBefore, int hostsAfter, int lowerBound, double gap, int keptHosts, double kwhBefore,
                           double kwhAfter, double costBefore, double fleetCostAfter, double providerBill,
                           double co2eBeforeT, double co2eAfterT, double capex, double paybackMonths,
                           double tcoOverHorizon, double contentionShare, List<String> offloadedApps,
                           double offloadedCores, double offloadedMemGb, double offloadedKwh,
                           double harvestCoreHours, String stoppedBy, long iterations, String note) implements Serializable {
    public WhatIfResult {
        offloadedApps = List.copyOf(offloadedApps);
        option = option == null ? "" : option;
        note = note == null ? "" : note;
    }

    public String name() {
        return point.name();
    }

    public double costAfter() {
        return fleetCostAfter + providerBill;
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

    /** What the point's plans could not honour as asked (a pin to a host too small), as report warns; empty when none. */
    public List<String> warnings() {
        return outcome.verdict() == null ? List.of() : outcome.verdict().scope().warnings();
    }
}
