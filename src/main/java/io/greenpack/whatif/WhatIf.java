package io.greenpack.whatif;

import io.greenpack.config.Harvest;
import io.greenpack.config.Offload;
import io.greenpack.config.Scenario;
import io.greenpack.config.WhatIfPoint;
import io.greenpack.consolidate.ConsolidationOutcome;
import io.greenpack.consolidate.ConsolidationStage;
import io.greenpack.consolidate.FleetInputs;
import io.greenpack.model.TargetModel;
import io.greenpack.optimize.HostPlan;
import io.greenpack.optimize.SolverSettings;
import io.greenpack.savings.PlannedHost;
import io.greenpack.savings.Savings;
import io.greenpack.savings.SavingsInput;
import io.greenpack.savings.SavingsResult;
import io.greenpack.savings.VmPlacement;
import io.greenpack.model.AppDemandVector;
import io.greenpack.util.UserError;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates one what-if point on plain values (no Spark): the consolidate stage for the point's
 * scenario, then the offload's provider bill or the harvest's extra load. What-if runs call it in
 * Spark tasks, tests call it directly; both give the same numbers.
 *
 * <p>Offload: the picked apps leave the demand before anything else, so a pinned app that is
 * offloaded no longer keeps its host. "Before" is today's fleet (their hosts included), "after"
 * the plan of what is left plus the provider's bill: sized cores × 8760 h × price per core-hour +
 * sized GB × 8760 h × price per GB-hour (sized at the scenario's percentile, no hypervisor
 * overhead: the provider sells cores and memory). When every app moves out, no host is left.
 *
 * <p>Harvest: per plan host and hour of day, free = capacity × (1 − headroom) − planned load;
 * batch work adds share × free to the load (cores and memory); the energy after is priced through
 * the power curves at that load. Useful batch core-hours per year = Σ share × free ÷ (1 + cpu
 * overhead) × 365 (the batch VMs pay the hypervisor overhead like any VM). The hosts are the
 * plan's: harvest keeps capacity on instead of switching it off, it does not add hosts.
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
     * The point's result. A point the optimizer cannot solve (an app larger than every target the
     * scenario allows, too few machines available) is a result too, with no plan and the reason
     * in its note: one infeasible point does not cost the other points of a sweep.
     */
    public static WhatIfResult evaluate(int index, FleetInputs in, WhatIfPoint p, SolverSettings solver) {
        try {
            return evaluateOrThrow(index, in, p, solver);
        } catch (UserError e) {
            ConsolidationOutcome none = ConsolidationOutcome.none("not feasible: " + e.getMessage());
            return new WhatIfResult(index, p, none, 0, 0, 0, Double.NaN, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, List.of(), 0, 0, 0, 0, "", 0, none.note());
        }
    }

    private static WhatIfResult evaluateOrThrow(int index, FleetInputs in, WhatIfPoint p, SolverSettings solver) {
        Scenario s = p.scenario();
        List<TargetModel> targets = in.targets().isEmpty() ? List.of() : ConsolidationStage.select(in.targets(), s);
        List<AppDemandVector> off = new ArrayList<>();
        List<AppDemandVector> stay = new ArrayList<>();
        Offload offload = p.offload();
        for (AppDemandVector v : in.demand()) {
            (offload != null && offload.picks(v.app(), in.owners().get(v.app()), v.workloadClass()) ? off : stay).add(v);
        }
        double cores = off.stream().mapToDouble(AppDemandVector::cpuCores).sum();
        double mem = off.stream().mapToDouble(AppDemandVector::memGb).sum();
        double bill = offload == null ? 0 : (cores * offload.pricePerCoreHour() + mem * offload.pricePerGbHour())
                * Savings.HOURS_PER_YEAR;
        double offKwh = off.stream().mapToDouble(v -> in.appKwh().getOrDefault(v.id(), 0.0)).sum()
                * Savings.HOURS_PER_YEAR / in.windowHours() * s.pue();
        List<String> offIds = off.stream().map(AppDemandVector::id).toList();
        FleetInputs rest = in.withDemand(stay);

        ConsolidationOutcome o;
        if (stay.isEmpty() && !off.isEmpty() && !targets.isEmpty()) {
            SavingsResult r = Savings.compute(SavingsInput.of(in.measured(), List.of(), List.of(), s,
                    in.windowHours(), in.modelError()));
            o = new ConsolidationOutcome(null, List.of(), List.of(), List.of(), r, targets,
                    "every app is offloaded: no host is left to run");
        } else {
            o = ConsolidationStage.evaluate(rest, s, solver);
        }
        if (o.savings() == null) {
            return new WhatIfResult(index, p, o, 0, 0, 0, Double.NaN, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    bill, Double.NaN, Double.NaN, Double.NaN, Double.NaN, offIds, cores, mem, offKwh, 0, "", 0, o.note());
        }
        double harvestCoreHours = 0;
        Harvest harvest = p.harvest();
        if (harvest != null && o.planned() && harvest.share() > 0) {
            Harvested h = harvest(PlannedHost.from(o.plan()), targets, s, harvest.share());
            harvestCoreHours = h.usefulCoreHoursPerYear;
            Set<String> kept = Set.copyOf(o.keptHosts());
            SavingsInput si = SavingsInput.of(ConsolidationStage.measuredOutside(rest, kept), h.hosts,
                    targets.stream().map(ConsolidationStage::entry).toList(), s, in.windowHours(), in.modelError())
                    .withPlacements(placements(o));
            o = new ConsolidationOutcome(o.plan(), o.keptHosts(), o.movedApps(), o.risk(), Savings.compute(si), o.targets(),
                    o.note());
        }
        SavingsResult r = o.savings();
        double before = r.beforeMoneyPerYear();
        double saved = before - r.afterMoneyPerYear() - bill;
        double payback = saved > 0 ? r.hardwareCost() / (saved / 12.0) : Double.POSITIVE_INFINITY;
        int lb = o.planned() ? o.plan().packing().lowerBound() : 0;
        double gap = o.planned() ? o.plan().packing().gap() : 0;
        return new WhatIfResult(index, p, o, r.serversBefore(), r.serversAfter(), lb, gap, o.keptHosts().size(),
                r.beforeFacilityKwhPerYear(), r.afterFacilityKwhPerYear(), before, r.afterMoneyPerYear(), bill,
                r.beforeCo2eKgPerYear() / 1000, r.afterCo2eKgPerYear() / 1000, r.hardwareCost(), payback, offIds,
                cores, mem, offKwh, harvestCoreHours, o.planned() ? o.plan().packing().stoppedBy() : "",
                o.planned() ? o.plan().packing().iterations() : 0, o.note());
    }

    record Harvested(List<PlannedHost> hosts, double usefulCoreHoursPerYear) {
    }

    /** The plan's hosts with batch work on {@code share} of their free capacity, hour by hour. */
    static Harvested harvest(List<PlannedHost> plan, List<TargetModel> targets, Scenario s, double share) {
        Map<String, TargetModel> catalog = new HashMap<>();
        targets.forEach(t -> catalog.put(t.model(), ConsolidationStage.entry(t)));
        List<PlannedHost> out = new ArrayList<>();
        double useful = 0;
        for (PlannedHost p : plan) {
            TargetModel e = catalog.get(p.model());
            double[] c = new double[24];
            double[] m = new double[24];
            for (int h = 0; h < 24; h++) {
                double freeCores = Math.max(0, e.cpuCores() * (1 - s.headroom()) - p.cpuCoresAt(h));
                double freeMem = Math.max(0, e.memGb() * (1 - s.headroom()) - p.memGbAt(h));
                c[h] = p.cpuCoresAt(h) + share * freeCores;
                m[h] = p.memGbAt(h) + share * freeMem;
                useful += share * freeCores / (1 + s.hypervisorCpuOverhead()) * 365;
            }
            out.add(new PlannedHost(p.host(), p.model(), p.apps(), c, m));
        }
        return new Harvested(out, useful);
    }

    private static List<VmPlacement> placements(ConsolidationOutcome o) {
        Map<String, AppDemandVector> byId = new HashMap<>();
        o.movedApps().forEach(v -> byId.put(v.id(), v));
        List<VmPlacement> vms = new ArrayList<>();
        for (HostPlan h : o.plan().hosts()) {
            for (String id : h.apps()) {
                AppDemandVector v = byId.get(id);
                vms.add(new VmPlacement(id, v.host(), v.memGb()));
            }
        }
        return vms;
    }
}
