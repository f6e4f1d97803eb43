package io.greenpack.optimize;

import java.util.List;

/**
 * A solution with the figures that say how good it is.
 *
 * @param bins               used bins, in a stable order (by type, then by first item id)
 * @param objective          the value of the problem's {@link Objective}
 * @param binsUsed           number of bins (hosts) used, whatever the objective
 * @param lowerBound         a proven lower bound on the number of bins (see {@link LowerBounds})
 * @param objectiveLowerBound a lower bound on the objective when one is known (BIN_COST), else NaN
 * @param gap                (binsUsed − lowerBound) / lowerBound; 0 means proven optimal in bin count
 * @param seconds            wall-clock time spent, construction + search
 * @param iterations         search iterations performed
 * @param stoppedBy          "iterations", "time-limit", "optimal" (lower bound reached) or "construction"
 * @param meanBalance        mean of the bins' {@link PlannedBin#balance()}
 */
public record Plan(List<PlannedBin> bins, Objective.Kind objectiveKind, double objective, int binsUsed,
                   int lowerBound, double objectiveLowerBound, double gap, double seconds, long iterations,
                   String stoppedBy, long seed, double meanBalance, LowerBounds.Bounds bounds) implements java.io.Serializable {

    /** The bin holding this item, if any. */
    public java.util.Optional<PlannedBin> binOf(String itemId) {
        return bins.stream().filter(b -> b.items().contains(itemId)).findFirst();
    }
}
