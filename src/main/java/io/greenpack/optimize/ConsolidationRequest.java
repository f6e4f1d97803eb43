package io.greenpack.optimize;

import java.util.List;

/**
 * Everything {@link Consolidator} needs: the apps, the catalog, headroom (fraction of each host kept
 * free), hypervisor overhead, the objective (usually {@link Objective#energy} over a year or
 * {@link Objective#totalCost} over the horizon) and the solver settings.
 */
public record ConsolidationRequest(List<AppDemand> apps, List<TargetModel> targets, double headroom,
                                   HypervisorOverhead overhead, Objective objective, SolverSettings settings) {
    public ConsolidationRequest {
        apps = List.copyOf(apps);
        targets = List.copyOf(targets);
    }
}
