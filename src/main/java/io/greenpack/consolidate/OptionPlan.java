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
 * @param moneyBeforePerYear today's running cost a year: facility energy × tariff + support and licence of every host
 * @param moneyAfterPerYear  the same after the plan (NaN when not planned)
 * @param harvestCoreHoursPerYear useful batch core-hours a year when batch work harvests free capacity (else 0)
 * @param moves          apps that change host, with the host they leave
 * @param risk           replay against each host's full capacity (empty until replayed)
 * @param riskAtHeadroom replay against capacity × (1 − headroom), the line the plan was sized to
 */
public record OptionPlan(PlanOption row, ConsolidationPlan plan, SavingsResult savings, double moneyBeforePerYear,
                         double moneyAfterPerYear, double harvestCoreHoursPerYear, List<VmPlacement> moves,
                         List<PlanReplay.HostRisk> risk, List<PlanReplay.HostRisk> riskAtHeadroom)
        implements java.io.Serializable {

    public OptionPlan {
        moves = List.copyOf(moves);
        risk = List.copyOf(risk);
        riskAtHeadroom = List.copyOf(riskAtHeadroom);
    }

    public static OptionPlan notPlanned(PlanOption row) {
        return new OptionPlan(row, null, null, Double.NaN, Double.NaN, 0, List.of(), List.of(), List.of());
    }

    public boolean planned() {
        return plan != null;
    }

    public String name() {
        return row.option();
    }

    public OptionPlan withRow(PlanOption r) {
        return new OptionPlan(r, plan, savings, moneyBeforePerYear, moneyAfterPerYear, harvestCoreHoursPerYear, moves, risk,
                riskAtHeadroom);
    }

    public OptionPlan withRisk(List<PlanReplay.HostRisk> full, List<PlanReplay.HostRisk> atHeadroom) {
        return new OptionPlan(row, plan, savings, moneyBeforePerYear, moneyAfterPerYear, harvestCoreHoursPerYear, moves, full,
                atHeadroom);
    }
}
