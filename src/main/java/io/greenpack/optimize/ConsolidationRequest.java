package io.greenpack.optimize;

import io.greenpack.model.TargetModel;

import java.util.List;
import java.util.Map;

/**
 * Everything {@link Consolidator} needs: the apps, the catalog, headroom (fraction of each host kept
 * free), hypervisor overhead, the objective (usually {@link Objective#energy} over a year or
 * {@link Objective#totalCost} over the horizon) and the solver settings. {@code currentHost} maps an app
 * to the existing host (a target with {@link TargetModel#existing()}) it runs on today: the plan
 * leaves it there whenever that host stays on and can take it.
 */
public record ConsolidationRequest(List<AppDemand> apps, List<TargetModel> targets, double headroom,
                                   HypervisorOverhead overhead, Objective objective, SolverSettings settings,
                                   Map<String, String> currentHost) {
    public ConsolidationRequest {
        apps = List.copyOf(apps);
        targets = List.copyOf(targets);
        currentHost = Map.copyOf(currentHost);
    }

    /** A request where no app runs on one of the targets today (nothing to stay on). */
    public ConsolidationRequest(List<AppDemand> apps, List<TargetModel> targets, double headroom,
                                HypervisorOverhead overhead, Objective objective, SolverSettings settings) {
        this(apps, targets, headroom, overhead, objective, settings, Map.of());
    }
}
