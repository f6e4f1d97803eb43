package io.greenpack.consolidate;

import io.greenpack.model.AppDemandVector;
import io.greenpack.savings.Scope;

import java.io.Serializable;
import java.util.List;

/**
 * The four options planned with both sizings, before the replay against the measured demand and
 * before the verdict: the pure-Java part of the consolidate stage, which a what-if run computes in
 * its Spark tasks ({@link ConsolidationStage#plan}; {@link ConsolidationStage#decide} finishes it).
 */
public record PlannedOptions(Sizing flat, Sizing hourly) implements Serializable {

    /** The options of one sizing: the demand they were planned for, the plans, what they cover. */
    public record Sizing(List<AppDemandVector> demand, List<OptionPlan> plans, Scope scope) implements Serializable {
        public Sizing {
            demand = List.copyOf(demand);
            plans = List.copyOf(plans);
        }
    }
}
