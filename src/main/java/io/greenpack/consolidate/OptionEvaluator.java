package io.greenpack.consolidate;

import io.greenpack.config.OwnershipCosts;
import io.greenpack.config.Scenario;
import io.greenpack.model.TargetModel;
import io.greenpack.optimize.ConsolidationPlan;
import io.greenpack.optimize.HostPlan;
import io.greenpack.optimize.HypervisorOverhead;
import io.greenpack.savings.MeasuredHost;
import io.greenpack.savings.PlanOption;
import io.greenpack.savings.PlannedHost;
import io.greenpack.savings.Savings;
import io.greenpack.savings.SavingsInput;
import io.greenpack.savings.SavingsResult;
import io.greenpack.savings.VmPlacement;
import io.greenpack.model.AppDemandVector;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One option's plan to its {@code plan_options} row (DESIGN §5, §6). Per year: energy money from
 * {@link Savings} (measured before, modelled after, facility energy × tariff) plus the support and
 * licence of every host on, before and after. Capex = hardware bought (blade chassis included) +
 * moves × cost per move. TCO over the horizon = money per year after × horizon years + capex.
 * Payback = capex ÷ (money saved per year ÷ 12) months; 0 when nothing is bought and something is
 * saved; none (null) when nothing is saved. CO2e avoided over the horizon = operational CO2e saved
 * per year × horizon years − embodied CO2e of the new servers.
 *
 * <p>Harvest (a what-if point's batch work): per plan host and hour of day, free = capacity × (1 −
 * headroom) − sized load; batch work adds share × free to the load (cores and memory), and its
 * useful core-hours a year are Σ share × free ÷ (1 + CPU overhead) × 365 (the batch VMs pay the
 * hypervisor overhead like any VM). Harvest uses a plan, it does not choose one: the row (and so
 * the verdict) is the plain plan's, while the option's savings and money after include the batch
 * work's energy.
 */
final class OptionEvaluator {
    private final FleetInputs in;
    private final Map<String, ExistingHost> existing;
    private final Set<String> physical;
    private final Scenario s;
    private final double harvestShare;
    private final Map<String, TargetModel> targets = new HashMap<>();
    private final List<TargetModel> catalog = new ArrayList<>();

    OptionEvaluator(FleetInputs in, Map<String, ExistingHost> existing, Set<String> physical, Scenario s,
                    double harvestShare) {
        this.in = in;
        this.existing = existing;
        this.physical = physical;
        this.s = s;
        this.harvestShare = harvestShare;
        in.targets().forEach(t -> {
            targets.put(t.model(), t);
            catalog.add(ConsolidationStage.entry(t));
        });
        Map<String, MeasuredHost> measured = new HashMap<>();
        in.measured().forEach(m -> measured.put(m.host(), m));
        Map<String, Double> todayCores = todayMeanCores();
        for (ExistingHost h : existing.values()) {
            catalog.add(anchored(h, measured.get(h.host()), todayCores.getOrDefault(h.host(), 0.0)));
        }
    }

    /**
     * An existing host as the savings see it: its curve moved up or down so that, carrying the apps
     * it runs today (at their mean CPU, overhead added, as the plan's hosts are loaded), it draws
     * what it drew today (metered, or modelled over every interval). A host that keeps exactly its
     * apps then costs and saves nothing; the curve's shape still prices what a plan adds or takes
     * away. Unanchored, a curve read at the mean load is not the mean of the curve over the window
     * (curves are not straight lines): a fleet left as it was showed a cost (Alibaba trace: 4 %).
     */
    private static TargetModel anchored(ExistingHost h, MeasuredHost today, double todayCores) {
        if (today == null || !(h.cpuCores() > 0)) {
            return h.asTarget();
        }
        double offset = today.meanWatts() - h.curve().watts(todayCores / h.cpuCores());
        return h.asTarget().withPowerCurve(h.curve().shifted(offset));
    }

    /** Each host's load today on the plan's basis: its apps' mean CPU with the hypervisor overhead. */
    private Map<String, Double> todayMeanCores() {
        HypervisorOverhead o = new HypervisorOverhead(s.hypervisorCpuOverhead(), s.hypervisorMemGb());
        Map<String, Double> out = new HashMap<>();
        in.demand().forEach(v -> out.merge(v.host(), o.cpuCores(v.meanCpuCores(), v.mayShareOs()), Double::sum));
        return out;
    }

    /** Yearly support and licence of today's measured hosts. */
    double ownershipBeforePerYear() {
        double sum = 0;
        for (MeasuredHost m : in.measured()) {
            ExistingHost h = existing.get(m.host());
            if (h != null) {
                sum += perYear(h, s);
            }
        }
        return sum;
    }

    /** Support and licence of one of today's hosts a year while it is on. */
    static double perYear(ExistingHost h, Scenario s) {
        return h.supportPerYear() + s.costs().licencePerYear(h.cpuCores(), h.sockets());
    }

    /**
     * The plan's hosts at their apps' mean CPU over the window (hypervisor overhead added), memory
     * as sized. Before is each host's measured mean power; after must be on the same basis, or a
     * host that keeps exactly its apps would show a cost (its curve at the sized percentile) it
     * does not have. The sized percentile stays what capacity is planned for.
     */
    private List<PlannedHost> atMeanLoad(ConsolidationPlan plan, Map<String, AppDemandVector> byId) {
        HypervisorOverhead o = new HypervisorOverhead(s.hypervisorCpuOverhead(), s.hypervisorMemGb());
        List<PlannedHost> out = new ArrayList<>();
        for (HostPlan h : plan.hosts()) {
            double cpu = 0;
            double mem = 0;
            for (String id : h.apps()) {
                AppDemandVector v = byId.get(id);
                cpu += o.cpuCores(v.meanCpuCores(), v.mayShareOs());
                mem += o.memGb(v.memGb(), v.mayShareOs());
            }
            out.add(PlannedHost.flat(h.host(), h.model(), h.apps(), cpu, mem));
        }
        return out;
    }

    OptionPlan notPlanned(String option, String reason) {
        int before = in.measured().size();
        return OptionPlan.notPlanned(new PlanOption(option, false, reason, before, before, 0, 0, 0, 0, 0, 0, null, 0, 0,
                0, 0, 0, 0, 0, false));
    }

    OptionPlan evaluate(String option, String what, ConsolidationPlan plan) {
        Map<String, AppDemandVector> byId = new HashMap<>();
        in.demand().forEach(v -> byId.put(v.id(), v));
        List<VmPlacement> moves = new ArrayList<>();
        double ownershipAfter = 0;
        double embodied = 0;
        Set<String> on = new java.util.HashSet<>();
        for (HostPlan h : plan.hosts()) {
            on.add(h.host());
            ExistingHost e = existing.get(h.host());
            if (e != null) {
                ownershipAfter += perYear(e, s);
            } else {
                TargetModel t = targets.get(h.model());
                ownershipAfter += t.supportPerYear() + s.costs().licencePerYear(t.cpuCores(), t.sockets());
                embodied += t.embodiedKgco2e();
            }
            for (String id : h.apps()) {
                AppDemandVector v = byId.get(id);
                if (!v.host().equals(h.host())) {
                    moves.add(new VmPlacement(id, v.host(), v.memGb()));
                }
            }
        }
        List<PlannedHost> sized = PlannedHost.from(plan);
        List<PlannedHost> atMean = atMeanLoad(plan, byId);
        // Harvestable capacity is what the sized load leaves free, not the mean load.
        SavingsResult r = savings(atMean, moves).withHarvest(savings(sized, List.of()).harvest());
        OwnershipCosts c = s.costs();
        double capex = r.hardwareCost() + moves.size() * c.costPerMove();
        double savedPerYear = r.moneySavedPerYear() + ownershipBeforePerYear() - ownershipAfter;
        double afterPerYear = r.afterMoneyPerYear() + ownershipAfter;
        Double payback = savedPerYear <= 0 ? null : capex == 0 ? 0.0 : capex / (savedPerYear / 12);
        int freed = (int) in.measured().stream().filter(m -> !on.contains(m.host())).count();
        int p2v = (int) moves.stream().filter(m -> physical.contains(m.fromHost())).count();
        double years = s.horizonYears();
        var packing = plan.packing();
        PlanOption row = new PlanOption(option, true, what, in.measured().size(), plan.hosts().size(), freed,
                r.rackUnitsFreed(), r.facilityKwhSavedPerYear(), savedPerYear, capex, afterPerYear * years + capex, payback,
                r.co2eKgSavedPerYear() * years - embodied, embodied, moves.size(), p2v, 0, packing.lowerBound(),
                packing.gap(), false);
        double before = r.beforeMoneyPerYear() + ownershipBeforePerYear();
        if (harvestShare == 0) {
            return new OptionPlan(row, plan, r, before, afterPerYear, 0, moves, List.of(), List.of());
        }
        Harvested h = harvested(atMean, sized);
        SavingsResult withBatch = savings(h.hosts(), moves).withHarvest(r.harvest());
        return new OptionPlan(row, plan, withBatch, before, withBatch.afterMoneyPerYear() + ownershipAfter,
                h.usefulCoreHoursPerYear(), moves, List.of(), List.of());
    }

    private SavingsResult savings(List<PlannedHost> after, List<VmPlacement> moves) {
        return Savings.compute(SavingsInput.of(in.measured(), after, catalog, s, in.windowHours(), in.modelError())
                .withPlacements(moves));
    }

    record Harvested(List<PlannedHost> hosts, double usefulCoreHoursPerYear) {
    }

    /** The hosts at mean load plus batch work on the harvest share of what the sized load leaves free, hour by hour. */
    private Harvested harvested(List<PlannedHost> atMean, List<PlannedHost> sized) {
        Map<String, TargetModel> byModel = new HashMap<>();
        catalog.forEach(e -> byModel.put(e.model(), e));
        List<PlannedHost> out = new ArrayList<>();
        double useful = 0;
        for (int i = 0; i < sized.size(); i++) {
            PlannedHost p = sized.get(i);
            PlannedHost mean = atMean.get(i);
            TargetModel e = byModel.get(p.model());
            double[] c = new double[24];
            double[] m = new double[24];
            for (int h = 0; h < 24; h++) {
                double freeCores = Math.max(0, e.cpuCores() * (1 - s.headroom()) - p.cpuCoresAt(h));
                double freeMem = Math.max(0, e.memGb() * (1 - s.headroom()) - p.memGbAt(h));
                c[h] = mean.cpuCoresAt(h) + harvestShare * freeCores;
                m[h] = mean.memGbAt(h) + harvestShare * freeMem;
                useful += harvestShare * freeCores / (1 + s.hypervisorCpuOverhead()) * 365;
            }
            out.add(new PlannedHost(p.host(), p.model(), p.apps(), c, m));
        }
        return new Harvested(out, useful);
    }
}
