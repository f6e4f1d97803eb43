package io.greenpack.optimize;

import java.util.List;

/**
 * The result of {@link Consolidator#plan}: one {@link HostPlan} per host, plus the underlying
 * packing plan (objective, lower bound, gap, time, balance) and the problem it solved.
 */
public record ConsolidationPlan(List<HostPlan> hosts, Plan packing, PackingProblem problem) implements java.io.Serializable {

    public double predictedWatts() {
        return hosts.stream().mapToDouble(HostPlan::predictedWatts).sum();
    }
}
