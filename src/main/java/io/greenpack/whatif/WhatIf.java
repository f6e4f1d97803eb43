package io.greenpack.whatif;

import io.greenpack.config.Offload;
import io.greenpack.config.Scenario;
import io.greenpack.config.WhatIfPoint;
import io.greenpack.consolidate.ConsolidationOutcome;
import io.greenpack.consolidate.ConsolidationStage;
import io.greenpack.consolidate.FleetInputs;
import io.greenpack.consolidate.OptionInputs;
import io.greenpack.consolidate.OptionPlan;
import io.greenpack.consolidate.PlannedOptions;
import io.greenpack.model.AppDemandVector;
import io.greenpack.optimize.SolverSettings;
import io.greenpack.savings.PlanOption;
import io.greenpack.savings.Savings;
import io.greenpack.savings.SavingsInput;
import io.greenpack.savings.SavingsResult;
import io.greenpack.util.UserError;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates one what-if point the way {@code report} plans its scenario: the four options of the
 * consolidate stage (existing hosts and new targets, pinned and dedicated apps fixed, both sizings),
 * replayed and decided by the same verdict rule; the point's row describes the option the verdict
 * leads with. In two steps, so that the expensive one runs in a Spark task: {@link #plan} (pure
 * Java: offload, optimizer, costs) and {@link #result} (on the driver: the replay against the
 * measured demand, the verdict, the row's figures). Tests call both directly; the numbers are the same.
 *
 * <p>Offload: the picked apps leave the demand before anything else, so a pinned app that is
 * offloaded no longer keeps its host. "Before" is today's fleet (their hosts included), "after"
 * the plan of what is left plus the provider's bill: sized cores × 8760 h × price per core-hour +
 * sized GB × 8760 h × price per GB-hour (sized at the scenario's percentile, no hypervisor
 * overhead: the provider sells cores and memory). When every app moves out, no host is left.
 * The bill is the same for every option of the point, so it does not change which option leads.
 *
 * <p>Harvest: batch work uses a share of each plan host's free capacity hour by hour; the plan and
 * the verdict are the plain point's, the energy and money after include the batch load (the rule is
 * on the consolidate stage's option evaluation).
 */
public final class WhatIf {
    private WhatIf() {
    }

    /**
     * The key of the scenario fields that change what is read from the data; points with the same
     * key share one analysis.
     */
    public static String dataKey(Scenario s) {
        return "percentile=" + s.percentile() + ",hourly_sizing=" + s.hourlySizing() + ",idle_policy=" + s.idlePolicy().key();
    }

    /**
     * The point's options, planned on plain values (a Spark task). A point the optimizer cannot
     * solve (an app larger than every host and target) has no options and the reason in its note:
     * one infeasible point does not cost the other points of a sweep.
     */
    public static PlannedPoint plan(int index, OptionInputs in, WhatIfPoint p, SolverSettings solver) {
        Scenario s = p.scenario();
        FleetInputs fleet = in.fleet();
        Offload offload = p.offload();
        List<AppDemandVector> off = new ArrayList<>();
        for (AppDemandVector v : fleet.demand()) {
            if (offload != null && offload.picks(v.app(), fleet.owners().get(v.app()), v.workloadClass())) {
                off.add(v);
            }
        }
        double cores = off.stream().mapToDouble(AppDemandVector::cpuCores).sum();
        double mem = off.stream().mapToDouble(AppDemandVector::memGb).sum();
        double bill = offload == null ? 0 : (cores * offload.pricePerCoreHour() + mem * offload.pricePerGbHour())
                * Savings.HOURS_PER_YEAR;
        double offKwh = off.stream().mapToDouble(v -> fleet.appKwh().getOrDefault(v.id(), 0.0)).sum()
                * Savings.HOURS_PER_YEAR / fleet.windowHours() * s.pue();
        List<String> offIds = off.stream().map(AppDemandVector::id).toList();
        String note = fleet.demand().isEmpty() ? "no consolidation plan: no per-application utilization to size"
                : off.size() == fleet.demand().size() ? EVERYTHING_OFFLOADED : null;
        PlannedOptions options = null;
        if (note == null) {
            Set<String> gone = Set.copyOf(offIds);
            try {
                options = ConsolidationStage.plan(in.keeping(v -> !gone.contains(v.id())), s, solver,
                        p.harvest() == null ? 0 : p.harvest().share());
            } catch (UserError e) {
                note = "not feasible: " + e.getMessage();
            }
        }
        return new PlannedPoint(index, p, options, offIds, cores, mem, bill, offKwh, note);
    }

    static final String EVERYTHING_OFFLOADED = "every app is offloaded: no host is left to run";

    /**
     * The point's row: its options replayed against the measured demand in {@code utilization} and
     * decided as {@code report} decides them (on the driver: the replay is a Spark job).
     */
    public static WhatIfResult result(PlannedPoint pp, OptionInputs in, Dataset<Row> utilization) {
        return results(List.of(pp), Map.of(dataKey(pp.point().scenario()), in), utilization).get(0);
    }

    /**
     * Every point's row, in the order given; the options of all points are replayed in one Spark job.
     *
     * @param inputs what the points were planned from, by {@link #dataKey}
     */
    public static List<WhatIfResult> results(List<PlannedPoint> points, Map<String, OptionInputs> inputs,
                                             Dataset<Row> utilization) {
        List<ConsolidationStage.ToDecide> toDecide = new ArrayList<>();
        for (PlannedPoint pp : points) {
            if (pp.planned()) {
                Scenario s = pp.point().scenario();
                toDecide.add(new ConsolidationStage.ToDecide(pp.options(), inputs.get(dataKey(s)), s));
            }
        }
        List<ConsolidationOutcome> decided = ConsolidationStage.decideAll(utilization, toDecide);
        List<WhatIfResult> out = new ArrayList<>();
        int k = 0;
        for (PlannedPoint pp : points) {
            if (pp.planned()) {
                out.add(row(pp, decided.get(k++)));
            } else if (pp.note().equals(EVERYTHING_OFFLOADED)) {
                out.add(everythingOffloaded(pp, inputs.get(dataKey(pp.point().scenario()))));
            } else {
                out.add(none(pp, ConsolidationOutcome.none(pp.note())));
            }
        }
        return out;
    }

    /** The row of a decided point: the option the verdict leads with. */
    private static WhatIfResult row(PlannedPoint pp, ConsolidationOutcome o) {
        Scenario s = pp.point().scenario();
        String lead = o.verdict().lead().map(PlanOption::option).orElse(null);
        OptionPlan chosen = o.options().stream().filter(p -> p.planned() && p.name().equals(lead)).findFirst().orElse(null);
        if (chosen == null) {
            return none(pp, o);
        }
        PlanOption row = chosen.row();
        SavingsResult r = chosen.savings();
        double saved = chosen.moneyBeforePerYear() - chosen.moneyAfterPerYear() - pp.providerBill();
        var packing = chosen.plan().packing();
        return new WhatIfResult(pp.index(), pp.point(), o, row.option(), row.recommended(), row.hostsBefore(),
                row.hostsAfter(), row.lowerBound(), row.gap(), o.verdict().scope().keptOn().size(),
                r.beforeFacilityKwhPerYear(), r.afterFacilityKwhPerYear(), chosen.moneyBeforePerYear(),
                chosen.moneyAfterPerYear(), pp.providerBill(), r.beforeCo2eKgPerYear() / 1000,
                r.afterCo2eKgPerYear() / 1000, row.capex(), payback(row.capex(), saved),
                (chosen.moneyAfterPerYear() + pp.providerBill()) * s.horizonYears() + row.capex(), row.contentionShare(),
                pp.offloadedApps(), pp.offloadedCores(), pp.offloadedMemGb(), pp.offloadedKwh(),
                chosen.harvestCoreHoursPerYear(), packing.stoppedBy(), packing.iterations(),
                row.recommended() ? "" : o.verdict().sentence());
    }

    /**
     * Every distinct warning of the points (a pin the plans cannot honour as asked), in the order
     * first met, with the names of the points it applies to: a pin too small for its host at one
     * headroom may fit at another, so the same fleet can warn in some points only.
     */
    public static Map<String, List<String>> warnings(List<WhatIfResult> results) {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        for (WhatIfResult r : results) {
            r.warnings().forEach(w -> out.computeIfAbsent(w, k -> new ArrayList<>()).add(r.name()));
        }
        return out;
    }

    /** "every point" when a warning applies to all of {@code total} points, else "points a, b". */
    public static String whichPoints(List<String> names, int total) {
        return names.size() == total && total > 1 ? "every point"
                : (names.size() == 1 ? "point " : "points ") + String.join(", ", names);
    }

    /** Months until the capex is paid back by the money saved; 0 with nothing to pay, infinite when nothing is saved. */
    static double payback(double capex, double savedPerYear) {
        return savedPerYear <= 0 ? Double.POSITIVE_INFINITY : capex == 0 ? 0 : capex / (savedPerYear / 12);
    }

    /** Every app at the provider: every host off, nothing to buy; what is left is the bill. */
    private static WhatIfResult everythingOffloaded(PlannedPoint pp, OptionInputs in) {
        Scenario s = pp.point().scenario();
        FleetInputs fleet = in.fleet();
        SavingsResult r = Savings.compute(SavingsInput.of(fleet.measured(), List.of(), List.of(), s, fleet.windowHours(),
                fleet.modelError()));
        double before = r.beforeMoneyPerYear() + in.ownershipPerYear(s);
        return new WhatIfResult(pp.index(), pp.point(), ConsolidationOutcome.none(pp.note()), "", false,
                fleet.measured().size(), 0, 0, 0, 0, r.beforeFacilityKwhPerYear(), 0, before, 0, pp.providerBill(),
                r.beforeCo2eKgPerYear() / 1000, 0, 0, payback(0, before - pp.providerBill()),
                pp.providerBill() * s.horizonYears(), 0, pp.offloadedApps(), pp.offloadedCores(), pp.offloadedMemGb(),
                pp.offloadedKwh(), 0, "", 0, pp.note());
    }

    private static WhatIfResult none(PlannedPoint pp, ConsolidationOutcome o) {
        String note = o.verdict() != null ? o.verdict().sentence() : o.note();
        return new WhatIfResult(pp.index(), pp.point(), o, "", false, 0, 0, 0, Double.NaN, 0, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, pp.providerBill(), Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, pp.offloadedApps(), pp.offloadedCores(), pp.offloadedMemGb(), pp.offloadedKwh(), 0, "", 0, note);
    }
}
