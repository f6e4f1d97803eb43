package io.greenpack.optimize;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fleet-side entry point: apps and target models in, hosts out. It translates the request to a
 * generic {@link PackingProblem} (dimensions {@code cpu_cores}, {@code mem_gb}; hypervisor overhead
 * added to every app that may not share an OS) and solves it with {@link PackingSolver}.
 */
public final class Consolidator {
    public static final List<String> DIMENSIONS = List.of("cpu_cores", "mem_gb");

    private Consolidator() {
    }

    public static ConsolidationPlan plan(ConsolidationRequest request) {
        PackingProblem problem = toProblem(request);
        Plan plan = new PackingSolver(request.settings()).solve(problem);
        Map<String, TargetModel> models = new HashMap<>();
        for (TargetModel t : request.targets()) {
            models.put(t.model(), t);
        }
        Map<String, Integer> perModel = new HashMap<>();
        List<HostPlan> hosts = new ArrayList<>();
        for (PlannedBin b : plan.bins()) {
            TargetModel m = models.get(b.type());
            int n = perModel.merge(m.model(), 1, Integer::sum);
            hosts.add(new HostPlan(m.model() + "-" + n, m.model(), b.items(),
                    b.cpuFill() * m.cpuCores(), b.memFill() * m.memGb(), b.cpuFill(), b.memFill(), b.meanWatts()));
        }
        return new ConsolidationPlan(List.copyOf(hosts), plan, problem);
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
        List<BinType> types = new ArrayList<>();
        for (TargetModel t : r.targets()) {
            types.add(new BinType(t.model(), new double[]{t.cpuCores(), t.memGb()}, t.price(), t.powerCurve(), t.available()));
        }
        return new PackingProblem(DIMENSIONS, items, types, r.headroom(), r.objective(), 0, 1);
    }
}
