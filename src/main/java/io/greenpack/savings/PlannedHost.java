package io.greenpack.savings;

import io.greenpack.optimize.ConsolidationPlan;
import io.greenpack.optimize.Consolidator;
import io.greenpack.optimize.HostPlan;
import io.greenpack.optimize.Item;
import io.greenpack.optimize.PackingProblem;
import io.greenpack.util.UserError;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One host of the consolidation plan with the load planned on it, hour of day by hour of day
 * (one value when the plan was sized without hourly profiles). Loads include the hypervisor
 * overhead (the optimizer adds it to every app that may not share an OS).
 *
 * @param cpuCoresByHour cores in use, 24 values (hour of day, UTC) or 1 value (flat)
 * @param memGbByHour    memory in use, GB, same length as {@code cpuCoresByHour}
 */
public record PlannedHost(String host, String model, List<String> apps, double[] cpuCoresByHour, double[] memGbByHour) implements java.io.Serializable {

    public PlannedHost {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(model, "model");
        apps = List.copyOf(apps);
        if (cpuCoresByHour == null || memGbByHour == null || cpuCoresByHour.length != memGbByHour.length
                || !(cpuCoresByHour.length == 1 || cpuCoresByHour.length == 24)) {
            throw new IllegalArgumentException("planned host " + host + ": cpu and memory loads need 1 or 24 values each");
        }
        cpuCoresByHour = cpuCoresByHour.clone();
        memGbByHour = memGbByHour.clone();
    }

    /** A flat load (no hour-of-day profile). */
    public static PlannedHost flat(String host, String model, List<String> apps, double cpuCores, double memGb) {
        return new PlannedHost(host, model, apps, new double[]{cpuCores}, new double[]{memGb});
    }

    public int hours() {
        return cpuCoresByHour.length;
    }

    /** CPU load in hour h of day (the flat value when there is no profile). */
    public double cpuCoresAt(int hourOfDay) {
        return cpuCoresByHour.length == 1 ? cpuCoresByHour[0] : cpuCoresByHour[hourOfDay];
    }

    public double memGbAt(int hourOfDay) {
        return memGbByHour.length == 1 ? memGbByHour[0] : memGbByHour[hourOfDay];
    }

    /**
     * The plan's hosts with their hour-by-hour loads, read back from the packing problem the plan
     * solved (its items carry the demand with hypervisor overhead already added).
     */
    public static List<PlannedHost> from(ConsolidationPlan plan) {
        PackingProblem problem = plan.problem();
        int cpu = Consolidator.DIMENSIONS.indexOf("cpu_cores");
        int mem = Consolidator.DIMENSIONS.indexOf("mem_gb");
        Map<String, Item> items = new HashMap<>();
        for (Item i : problem.items()) {
            items.put(i.id(), i);
        }
        int hours = problem.hours();
        List<PlannedHost> out = new ArrayList<>();
        for (HostPlan h : plan.hosts()) {
            double[] c = new double[hours];
            double[] m = new double[hours];
            for (String app : h.apps()) {
                Item it = items.get(app);
                if (it == null) {
                    throw new UserError("plan host " + h.host() + " holds app " + app + " that is not in the plan's problem");
                }
                for (int t = 0; t < hours; t++) {
                    c[t] += it.demandAt(t, cpu);
                    m[t] += it.demandAt(t, mem);
                }
            }
            out.add(new PlannedHost(h.host(), h.model(), h.apps(), c, m));
        }
        return List.copyOf(out);
    }
}
