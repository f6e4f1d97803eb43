package io.greenpack.consolidate;

import io.greenpack.correlate.PlanReplay;
import io.greenpack.model.TargetSpec;
import io.greenpack.optimize.ConsolidationPlan;
import io.greenpack.savings.SavingsResult;
import io.greenpack.model.AppDemandVector;

import java.util.List;

/**
 * What consolidation produced for one scenario. {@code plan} and {@code savings} are null when no
 * plan could be made; {@code note} then says why (no targets.csv, no utilization data, …).
 *
 * @param keptHosts hosts left as they are because an app on them is pinned or needs dedicated
 *                  hardware; they are in neither "before" nor "after"
 * @param movedApps the demand vectors that were packed
 */
public record ConsolidationOutcome(ConsolidationPlan plan, List<String> keptHosts, List<AppDemandVector> movedApps,
                                   List<PlanReplay.HostRisk> risk, SavingsResult savings, List<TargetSpec> targets,
                                   String note) implements java.io.Serializable {

    public boolean planned() {
        return plan != null;
    }

    public static ConsolidationOutcome none(String note) {
        return new ConsolidationOutcome(null, List.of(), List.of(), List.of(), null, List.of(), note);
    }
}
