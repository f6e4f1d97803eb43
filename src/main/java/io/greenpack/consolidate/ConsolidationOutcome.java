package io.greenpack.consolidate;

import io.greenpack.correlate.PlanReplay;
import io.greenpack.model.TargetModel;
import io.greenpack.optimize.ConsolidationPlan;
import io.greenpack.savings.SavingsResult;
import io.greenpack.model.AppDemandVector;
import io.greenpack.savings.Verdict;

import java.util.List;

/**
 * What consolidation produced for one scenario. {@code plan} and {@code savings} are null when no
 * plan could be made; {@code note} then says why (no targets.csv, no utilization data, …).
 *
 * <p>With options ({@code verdict} not null), {@code plan}, {@code savings} and {@code risk} are those
 * of the recommended option (of {@code best} when none is recommended), and {@code options} holds
 * every option's plan.
 *
 * @param keptHosts hosts a pinned or dedicated app keeps on (in scope: their spare capacity may
 *                  take other apps, except a dedicated app's host)
 * @param movedApps the demand vectors that were packed
 * @param verdict   the options side by side and the recommendation, or null when nothing could be planned
 * @param options   every option's plan, in the order decommission, reuse, refresh, best
 * @param sizing    the sizing the verdict and plan use: {@code flat} (one percentile over the window)
 *                  or {@code hourly} (one vector per hour of day); null without options
 * @param otherSizing the same options planned with the other sizing, for comparison
 */
public record ConsolidationOutcome(ConsolidationPlan plan, List<String> keptHosts, List<AppDemandVector> movedApps,
                                   List<PlanReplay.HostRisk> risk, SavingsResult savings, List<TargetModel> targets,
                                   String note, Verdict verdict, List<OptionPlan> options, String sizing,
                                   List<OptionPlan> otherSizing) implements java.io.Serializable {

    public ConsolidationOutcome {
        options = options == null ? List.of() : List.copyOf(options);
        otherSizing = otherSizing == null ? List.of() : List.copyOf(otherSizing);
    }

    /** An outcome of one plan, without options. */
    public ConsolidationOutcome(ConsolidationPlan plan, List<String> keptHosts, List<AppDemandVector> movedApps,
                                List<PlanReplay.HostRisk> risk, SavingsResult savings, List<TargetModel> targets, String note) {
        this(plan, keptHosts, movedApps, risk, savings, targets, note, null, List.of(), null, List.of());
    }

    public boolean planned() {
        return plan != null;
    }

    public static ConsolidationOutcome none(String note) {
        return new ConsolidationOutcome(null, List.of(), List.of(), List.of(), null, List.of(), note);
    }
}
