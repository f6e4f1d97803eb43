package io.greenpack.optimize;

import io.greenpack.model.TargetModel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fleet-side entry point: apps and target models in, hosts out. It translates the request to a
 * generic {@link PackingProblem} (dimensions {@code cpu_cores}, {@code mem_gb}; hypervisor overhead
 * added to every app that may not share an OS) and solves it with {@link PackingSolver}. Existing
 * hosts are targets of their own (available once, named after the host); under the total-cost
 * objective a bin costs its price plus its yearly cost over the horizon.
 */
public final class Consolidator {
    public static final List<String> DIMENSIONS = List.of("cpu_cores", "mem_gb");

    private Consolidator() {
    }

    public static ConsolidationPlan plan(ConsolidationRequest request) {
        PackingProblem problem = toProblem(request);
        Plan plan = solve(request, problem);
        Map<String, TargetModel> models = new HashMap<>();
        for (TargetModel t : request.targets()) {
            models.put(t.model(), t);
        }
        Map<String, Integer> perModel = new HashMap<>();
        List<HostPlan> hosts = new ArrayList<>();
        for (PlannedBin b : plan.bins()) {
            TargetModel m = models.get(b.type());
            String name = m.existing() ? m.model() : m.model() + "-" + perModel.merge(m.model(), 1, Integer::sum);
            hosts.add(new HostPlan(name, m.model(), b.items(),
                    b.cpuFill() * m.cpuCores(), b.memFill() * m.memGb(), b.cpuFill(), b.memFill(), b.meanWatts()));
        }
        return new ConsolidationPlan(List.copyOf(hosts), plan, problem);
    }

    /**
     * With apps on existing hosts (a non-empty {@code currentHost}), the solver's plan after the
     * stay-first pass and the stay-first construction are both made and the one with the lower
     * objective kept (fewer moves on a tie); the construction also stands in when the solver finds
     * no plan with hosts that are each available once.
     */
    static Plan solve(ConsolidationRequest request, PackingProblem problem) {
        if (request.currentHost().isEmpty()) {
            return new PackingSolver(request.settings()).solve(problem);
        }
        long t0 = System.nanoTime();
        double limit = request.settings().timeLimitSeconds();
        Plan built = StayFirst.construct(problem, request.currentHost(), request.settings().seed(), limit);
        // One time limit for the plan: the search gets what the construction left (a tenth at least,
        // so that it always runs), not a limit of its own on top.
        double left = Math.max(limit / 10, limit - (System.nanoTime() - t0) / 1e9);
        Plan solved;
        try {
            java.util.Set<String> existing = new java.util.HashSet<>();
            request.targets().stream().filter(TargetModel::existing).forEach(t -> existing.add(t.model()));
            HostGroups groups = new HostGroups(problem, existing);
            Plan merged = new PackingSolver(request.settings().withTimeLimit(left)).solve(groups.merged());
            solved = StayFirst.apply(problem, groups.unmerge(merged, request.currentHost()), request.currentHost());
        } catch (io.greenpack.util.UserError e) {
            if (built == null) {
                throw e;
            }
            return built;
        }
        if (built == null) {
            return solved;
        }
        // Equal objectives (to a millionth): the plan that moves fewer apps.
        double tolerance = 1e-6 * Math.max(1, Math.abs(solved.objective()));
        boolean constructionBetter = built.objective() < solved.objective() - tolerance
                || (Math.abs(built.objective() - solved.objective()) <= tolerance
                && moves(built, request.currentHost()) < moves(solved, request.currentHost()));
        return constructionBetter ? built : solved;
    }

    /** Peak demand of each dedicated item pinned to an existing host, by that host. */
    private static Map<String, double[]> dedicatedPeaks(List<Item> items, List<TargetModel> targets) {
        Map<String, Boolean> existing = new HashMap<>();
        targets.forEach(t -> existing.put(t.model(), t.existing()));
        Map<String, double[]> out = new HashMap<>();
        for (Item it : items) {
            if (it.dedicated() && it.pinType() != null && existing.getOrDefault(it.pinType(), false)) {
                out.put(it.pinType(), it.demand());
            }
        }
        return out;
    }

    /** Items not on the bin type of the host they run on today. */
    static int moves(Plan p, Map<String, String> currentHost) {
        int n = 0;
        for (PlannedBin b : p.bins()) {
            for (String id : b.items()) {
                if (!b.type().equals(currentHost.get(id))) {
                    n++;
                }
            }
        }
        return n;
    }

    /** The packing problem a request stands for (public so callers and tests can check plans against it). */
    public static PackingProblem toProblem(ConsolidationRequest r) {
        HypervisorOverhead o = r.overhead() == null ? HypervisorOverhead.none() : r.overhead();
        List<Item> items = new ArrayList<>();
        for (AppDemand a : r.apps()) {
            double[] peak = {o.cpuCores(a.cpuCores(), a.mayShareOs()), o.memGb(a.memGb(), a.mayShareOs())};
            Item it = new Item(a.app(), peak, null, a.group(), a.pinHost(), a.dedicated());
            if (a.hourlyCpuCores() != null && a.hourlyMemGb() != null) {
                int hours = Math.min(a.hourlyCpuCores().length, a.hourlyMemGb().length);
                double[][] v = new double[hours][2];
                for (int h = 0; h < hours; h++) {
                    v[h][0] = o.cpuCores(a.hourlyCpuCores()[h], a.mayShareOs());
                    v[h][1] = o.memGb(a.hourlyMemGb()[h], a.mayShareOs());
                }
                it = it.withHourly(v);
            }
            items.add(it);
        }
        Map<String, double[]> alone = dedicatedPeaks(items, r.targets());
        List<BinType> types = new ArrayList<>();
        for (TargetModel t : r.targets()) {
            double cost = r.objective().kind() == Objective.Kind.TOTAL_COST ? t.costOver(r.objective().horizonHours()) : t.price();
            double[] capacity = {t.cpuCores(), t.memGb()};
            double[] peak = alone.get(t.model());
            for (int d = 0; peak != null && d < capacity.length; d++) {
                // A dedicated app stays on its existing host alone, as today, whatever the headroom.
                capacity[d] = Math.max(capacity[d], peak[d] / (1 - r.headroom()));
            }
            types.add(new BinType(t.model(), capacity, cost, t.powerCurve(), t.available()));
        }
        return new PackingProblem(DIMENSIONS, items, types, r.headroom(), r.objective(), 0, 1);
    }
}
