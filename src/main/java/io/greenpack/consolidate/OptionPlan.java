package io.greenpack.consolidate;

import io.greenpack.correlate.PlanReplay;
import io.greenpack.optimize.ConsolidationPlan;
import io.greenpack.savings.PlanOption;
import io.greenpack.savings.SavingsResult;
import io.greenpack.savings.VmPlacement;

import java.util.List;

/**
 * One option of a run with everything behind its {@code plan_options} row: the plan (null when the
 * option could not be planned), its savings, the apps that change host and the replay.
 *
 * @param moves          apps that change host, with the host they leave
 * @param risk           replay against each host's full capacity (empty until replayed)
 * @param riskAtHeadroom replay against capacity × (1 − headroom), the line the plan was sized to
 */
public record OptionPlan(PlanOption row, ConsolidationPlan plan, SavingsResult savings, List<VmPlacement> moves,
                         List<PlanReplay.HostRisk> risk, List<PlanReplay.HostRisk> riskAtHeadroom)
        implements java.io.Serializable {

    public OptionPlan {
        moves = List.copyOf(moves);
        risk = List.copyOf(risk);
        riskAtHeadroom = List.copyOf(riskAtHeadroom);
    }

    public static OptionPlan notPlanned(PlanOption row) {
        return new OptionPlan(row, null, null, List.of(), List.of(), List.of());
    }

    public boolean planned() {
        return plan != null;
    }

    public String name() {
        return row.option();
    }

    public OptionPlan withRow(PlanOption r) {
        return new OptionPlan(r, plan, savings, moves, risk, riskAtHeadroom);
    }

    public OptionPlan withRisk(List<PlanReplay.HostRisk> full, List<PlanReplay.HostRisk> atHeadroom) {
        return new OptionPlan(row, plan, savings, moves, full, atHeadroom);
    }
}
