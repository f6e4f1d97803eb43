package io.greenpack.optimize;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An independent feasibility checker, written apart from the solver: it reads only the public
 * problem ({@link Item#demandAt}, {@link BinType#capacity()}, headroom) and the plan's type ids and
 * item ids, and recomputes every load itself. It shares no code with {@code PackingSolver}.
 */
public final class PlanChecker {
    private static final double TOLERANCE = 1e-6;

    private PlanChecker() {
    }

    /** Every violated rule, in words; empty when the plan is feasible. */
    public static List<String> violations(PackingProblem problem, Plan plan) {
        List<String> out = new ArrayList<>();
        Map<String, Item> items = new HashMap<>();
        for (Item i : problem.items()) {
            items.put(i.id(), i);
        }
        Map<String, BinType> types = new HashMap<>();
        for (BinType t : problem.binTypes()) {
            types.put(t.id(), t);
        }
        int hours = 1;
        for (Item i : problem.items()) {
            if (i.hourlyDemand() != null) {
                hours = i.hourlyDemand().length;
            }
        }
        Map<String, Integer> placedCount = new HashMap<>();
        Map<String, Integer> typeCount = new HashMap<>();
        int binNo = 0;
        for (PlannedBin bin : plan.bins()) {
            binNo++;
            BinType t = types.get(bin.type());
            if (t == null) {
                out.add("bin " + binNo + " has unknown type " + bin.type());
                continue;
            }
            if (bin.items().isEmpty()) {
                out.add("bin " + binNo + " is empty but counted");
            }
            typeCount.merge(t.id(), 1, Integer::sum);
            checkBin(problem, items, hours, binNo, t, bin, placedCount, out);
        }
        checkTotals(problem, plan, types, placedCount, typeCount, out);
        return out;
    }

    /** Capacity in every hour and dimension, anti-affinity, pins and dedication within one bin. */
    private static void checkBin(PackingProblem problem, Map<String, Item> items, int hours, int binNo, BinType t,
                                 PlannedBin bin, Map<String, Integer> placedCount, List<String> out) {
        int dims = problem.dimensions().size();
        double[][] load = new double[hours][dims];
        Set<String> groups = new HashSet<>();
        for (String id : bin.items()) {
            Item it = items.get(id);
            if (it == null) {
                out.add("bin " + binNo + " holds unknown item " + id);
                continue;
            }
            placedCount.merge(id, 1, Integer::sum);
            for (int h = 0; h < hours; h++) {
                for (int d = 0; d < dims; d++) {
                    load[h][d] += it.hourlyDemand() == null ? it.demand()[d] : it.hourlyDemand()[h][d];
                }
            }
            if (it.group() != null && !groups.add(it.group())) {
                out.add("bin " + binNo + " holds two items of anti-affinity group " + it.group());
            }
            if (it.pinType() != null && !it.pinType().equals(t.id())) {
                out.add("item " + id + " is pinned to " + it.pinType() + " but placed on " + t.id());
            }
            if (it.dedicated() && bin.items().size() > 1) {
                out.add("dedicated item " + id + " shares bin " + binNo);
            }
        }
        for (int h = 0; h < hours; h++) {
            for (int d = 0; d < dims; d++) {
                double limit = t.capacity()[d] * (1 - problem.headroom());
                if (load[h][d] > limit + TOLERANCE * Math.max(1, limit)) {
                    out.add("bin " + binNo + " (" + t.id() + ") overcommits " + problem.dimensions().get(d)
                            + (hours > 1 ? " at hour " + h : "") + ": " + load[h][d] + " > " + limit);
                }
            }
        }
    }

    /** Every item placed once, bounded types not overused, and the plan's own counts right. */
    private static void checkTotals(PackingProblem problem, Plan plan, Map<String, BinType> types,
                                    Map<String, Integer> placedCount, Map<String, Integer> typeCount, List<String> out) {
        for (Item i : problem.items()) {
            int n = placedCount.getOrDefault(i.id(), 0);
            if (n != 1) {
                out.add("item " + i.id() + " placed " + n + " times");
            }
        }
        for (BinType t : problem.binTypes()) {
            int n = typeCount.getOrDefault(t.id(), 0);
            if (t.limited() && n > t.available()) {
                out.add("type " + t.id() + " used " + n + " times, only " + t.available() + " available");
            }
        }
        if (plan.binsUsed() != plan.bins().size()) {
            out.add("binsUsed " + plan.binsUsed() + " != number of bins " + plan.bins().size());
        }
        if (problem.objective().kind() == Objective.Kind.BIN_COST) {
            double cost = 0;
            for (PlannedBin b : plan.bins()) {
                cost += types.get(b.type()) == null ? 0 : types.get(b.type()).cost();
            }
            if (Math.abs(cost - plan.objective()) > TOLERANCE * Math.max(1, cost)) {
                out.add("objective " + plan.objective() + " != total bin cost " + cost);
            }
        }
    }

    public static boolean feasible(PackingProblem problem, Plan plan) {
        return violations(problem, plan).isEmpty();
    }
}
