package io.greenpack.optimize;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A pass after the solver that sends an app back to the host it runs on today whenever that host
 * stays on in the plan and can take it (every hour, every dimension within headroom, no
 * anti-affine replica there, no dedicated app there). A move is work and risk that the energy
 * difference between two hosts which both stay on rarely pays for, so a plan that keeps a host on
 * leaves that host's apps where they are. A bin emptied by the pass is dropped.
 */
final class StayFirst {
    private static final double EPS = 1e-9;

    private StayFirst() {
    }

    /**
     * @param currentType for each item id, the bin type of its current host (an existing host's own
     *                    type, available once); items without one are left alone
     */
    static Plan apply(PackingProblem p, Plan plan, Map<String, String> currentType) {
        Map<String, Item> items = new HashMap<>();
        p.items().forEach(i -> items.put(i.id(), i));
        Map<String, BinType> types = new HashMap<>();
        p.binTypes().forEach(t -> types.put(t.id(), t));
        List<List<String>> content = new ArrayList<>();
        Map<String, Integer> binOfType = new HashMap<>();
        for (PlannedBin b : plan.bins()) {
            content.add(new ArrayList<>(b.items()));
            if (types.get(b.type()).available() == 1) {
                binOfType.put(b.type(), content.size() - 1);
            }
        }
        boolean changed = false;
        List<String> order = new ArrayList<>(currentType.keySet());
        order.sort(Comparator.naturalOrder());
        for (String id : order) {
            Integer home = binOfType.get(currentType.get(id));
            Item it = items.get(id);
            if (home == null || it == null || content.get(home).contains(id)) {
                continue;
            }
            int from = indexOf(content, id);
            if (from >= 0 && fits(p, types.get(currentType.get(id)), content.get(home), it, items)) {
                content.get(from).remove(id);
                content.get(home).add(id);
                changed = true;
            }
        }
        if (!changed) {
            return plan;
        }
        List<String> binTypes = plan.bins().stream().map(PlannedBin::type).toList();
        return rebuild(p, plan, content, binTypes, types, items);
    }

    /**
     * A plan built without the solver, for problems whose bins are mostly unique existing hosts:
     * every app starts on its current host when it fits there, the rest go by decreasing size to the
     * fullest open bin that takes them, else to a newly opened bin of the largest type still
     * available; then bins are emptied, least loaded first, whenever all their items fit on the
     * other open bins. Returns null when some item finds no bin.
     */
    static Plan construct(PackingProblem p, Map<String, String> currentType, long seed) {
        long start = System.nanoTime();
        Map<String, Item> items = new HashMap<>();
        p.items().forEach(i -> items.put(i.id(), i));
        Map<String, BinType> types = new HashMap<>();
        p.binTypes().forEach(t -> types.put(t.id(), t));
        Map<String, Integer> used = new HashMap<>();
        List<String> binType = new ArrayList<>();
        List<List<String>> content = new ArrayList<>();
        List<Item> ordered = new ArrayList<>(p.items());
        // Pinned items first (they have one place), then by decreasing size: large items claim room before small ones fill it.
        ordered.sort(Comparator.comparing((Item i) -> i.pinType() == null).thenComparingDouble(i -> -size(p, i))
                .thenComparing(Item::id));
        for (Item it : ordered) {
            if (!home(p, it, currentType, items, types, used, binType, content)
                    && !place(p, it, items, types, used, binType, content)
                    && !evictFor(p, it, items, types, used, binType, content)) {
                return null;
            }
        }
        eliminate(p, items, types, binType, content);
        List<List<String>> kept = new ArrayList<>();
        List<String> keptTypes = new ArrayList<>();
        for (int i = 0; i < content.size(); i++) {
            if (!content.get(i).isEmpty()) {
                kept.add(content.get(i));
                keptTypes.add(binType.get(i));
            }
        }
        LowerBounds.Bounds bounds = LowerBounds.of(p);
        Plan template = new Plan(List.of(), p.objective().kind(), 0, 0, bounds.best(), Double.NaN, 0,
                (System.nanoTime() - start) / 1e9, 0, "construction (stay-first)", seed, 1, bounds);
        return rebuild(p, template, kept, keptTypes, types, items);
    }

    /** The item on its current host (or its pinned one) when that host may hold it. */
    private static boolean home(PackingProblem p, Item it, Map<String, String> currentType, Map<String, Item> items,
                                Map<String, BinType> types, Map<String, Integer> used, List<String> binType,
                                List<List<String>> content) {
        String home = it.pinType() != null ? it.pinType() : currentType.get(it.id());
        BinType t = home == null ? null : types.get(home);
        if (t == null || t.available() != 1) {
            return false;
        }
        int b = binType.indexOf(home);
        if (b < 0 && fits(p, t, List.of(), it, items)) {
            binType.add(home);
            content.add(new ArrayList<>(List.of(it.id())));
            used.merge(home, 1, Integer::sum);
            return true;
        }
        if (b >= 0 && fits(p, t, content.get(b), it, items)) {
            content.get(b).add(it.id());
            return true;
        }
        return false;
    }

    /**
     * Repair when no bin takes the item: empty the bin (of a type that could hold the item alone)
     * whose unpinned items are smallest in total, put the item there, and place the evicted items
     * elsewhere; undone when one of them finds no place.
     */
    private static boolean evictFor(PackingProblem p, Item it, Map<String, Item> items, Map<String, BinType> types,
                                    Map<String, Integer> used, List<String> binType, List<List<String>> content) {
        List<Integer> candidates = new ArrayList<>();
        for (int b = 0; b < content.size(); b++) {
            BinType t = types.get(binType.get(b));
            List<String> pinned = content.get(b).stream().filter(id -> items.get(id).pinType() != null).toList();
            if ((it.pinType() == null || it.pinType().equals(t.id())) && fits(p, t, pinned, it, items)) {
                candidates.add(b);
            }
        }
        candidates.sort(Comparator.comparingDouble((Integer b) -> content.get(b).stream()
                .filter(id -> items.get(id).pinType() == null).mapToDouble(id -> size(p, items.get(id))).sum()));
        for (int b : candidates) {
            List<List<String>> saved = new ArrayList<>();
            content.forEach(c -> saved.add(new ArrayList<>(c)));
            List<String> savedTypes = new ArrayList<>(binType);
            Map<String, Integer> savedUsed = new HashMap<>(used);
            List<String> evicted = content.get(b).stream().filter(id -> items.get(id).pinType() == null).toList();
            content.get(b).removeAll(evicted);
            content.get(b).add(it.id());
            boolean ok = true;
            for (String id : evicted) {
                ok = ok && place(p, items.get(id), items, types, used, binType, content);
            }
            if (ok) {
                return true;
            }
            content.clear();
            content.addAll(saved);
            binType.clear();
            binType.addAll(savedTypes);
            used.clear();
            used.putAll(savedUsed);
        }
        return false;
    }

    /** The item's largest demand relative to the largest capacity of its dimension: the order of decreasing size. */
    private static double size(PackingProblem p, Item it) {
        double s = 0;
        for (int d = 0; d < p.dimensions().size(); d++) {
            double cap = 0;
            for (BinType t : p.binTypes()) {
                cap = Math.max(cap, t.capacity()[d]);
            }
            s = Math.max(s, cap > 0 ? it.demand()[d] / cap : 0);
        }
        return s;
    }

    private static boolean place(PackingProblem p, Item it, Map<String, Item> items, Map<String, BinType> types,
                                 Map<String, Integer> used, List<String> binType, List<List<String>> content) {
        int best = -1;
        double bestLoad = -1;
        for (int b = 0; b < content.size(); b++) {
            BinType t = types.get(binType.get(b));
            if ((it.pinType() == null || it.pinType().equals(t.id())) && fits(p, t, content.get(b), it, items)) {
                double load = fill(p, t, content.get(b), items);
                if (load > bestLoad) {
                    best = b;
                    bestLoad = load;
                }
            }
        }
        if (best >= 0) {
            content.get(best).add(it.id());
            return true;
        }
        BinType open = null;
        for (BinType t : p.binTypes()) {
            boolean allowed = (it.pinType() == null || it.pinType().equals(t.id()))
                    && used.getOrDefault(t.id(), 0) < t.available() && fits(p, t, List.of(), it, items);
            if (allowed && (open == null || t.capacity()[0] > open.capacity()[0])) {
                open = t;
            }
        }
        if (open == null) {
            return false;
        }
        binType.add(open.id());
        content.add(new ArrayList<>(List.of(it.id())));
        used.merge(open.id(), 1, Integer::sum);
        return true;
    }

    /** Peak fill of the bin's first dimension (the one the order of "fullest" follows). */
    private static double fill(PackingProblem p, BinType t, List<String> there, Map<String, Item> items) {
        double peak = 0;
        for (int h = 0; h < p.hours(); h++) {
            double load = 0;
            for (String id : there) {
                load += items.get(id).demandAt(h, 0);
            }
            peak = Math.max(peak, t.capacity()[0] > 0 ? load / t.capacity()[0] : 0);
        }
        return peak;
    }

    /** Empties bins, least filled first, when every item of one fits on the other bins (pinned items never move). */
    private static void eliminate(PackingProblem p, Map<String, Item> items, Map<String, BinType> types,
                                  List<String> binType, List<List<String>> content) {
        boolean progress = true;
        while (progress) {
            progress = false;
            List<Integer> order = new ArrayList<>();
            for (int b = 0; b < content.size(); b++) {
                if (!content.get(b).isEmpty()) {
                    order.add(b);
                }
            }
            order.sort(Comparator.comparingDouble((Integer b) -> fill(p, types.get(binType.get(b)), content.get(b), items)));
            for (int b : order) {
                if (tryEmpty(p, b, items, types, binType, content)) {
                    progress = true;
                    break;
                }
            }
        }
    }

    private static boolean tryEmpty(PackingProblem p, int b, Map<String, Item> items, Map<String, BinType> types,
                                    List<String> binType, List<List<String>> content) {
        List<String> moving = new ArrayList<>(content.get(b));
        if (moving.stream().anyMatch(id -> items.get(id).pinType() != null)) {
            return false;
        }
        List<List<String>> trial = new ArrayList<>();
        content.forEach(c -> trial.add(new ArrayList<>(c)));
        trial.get(b).clear();
        moving.sort(Comparator.comparingDouble((String id) -> -size(p, items.get(id))));
        for (String id : moving) {
            int target = -1;
            double bestLoad = -1;
            for (int o = 0; o < trial.size(); o++) {
                BinType t = types.get(binType.get(o));
                if (o != b && !trial.get(o).isEmpty() && fits(p, t, trial.get(o), items.get(id), items)) {
                    double load = fill(p, t, trial.get(o), items);
                    if (load > bestLoad) {
                        target = o;
                        bestLoad = load;
                    }
                }
            }
            if (target < 0) {
                return false;
            }
            trial.get(target).add(id);
        }
        for (int i = 0; i < content.size(); i++) {
            content.set(i, trial.get(i));
        }
        return true;
    }

    private static int indexOf(List<List<String>> content, String id) {
        for (int i = 0; i < content.size(); i++) {
            if (content.get(i).contains(id)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean fits(PackingProblem p, BinType t, List<String> there, Item it, Map<String, Item> items) {
        if ((it.dedicated() && !there.isEmpty()) || (it.pinType() != null && !it.pinType().equals(t.id()))) {
            return false;
        }
        for (String other : there) {
            Item o = items.get(other);
            if (o.dedicated() || (it.group() != null && it.group().equals(o.group()))) {
                return false;
            }
        }
        int hours = p.hours();
        for (int h = 0; h < hours; h++) {
            for (int d = 0; d < p.dimensions().size(); d++) {
                double load = it.demandAt(h, d);
                for (String other : there) {
                    load += items.get(other).demandAt(h, d);
                }
                double usable = p.usableCapacity(t, d);
                if (load > usable + EPS * Math.max(1, usable)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** {@code plan}'s figures (bounds, time, stop reason) with these bin contents on {@code p}'s types. */
    static Plan rebuild(PackingProblem p, Plan plan, List<List<String>> content, List<String> binTypes) {
        Map<String, Item> items = new HashMap<>();
        p.items().forEach(i -> items.put(i.id(), i));
        Map<String, BinType> types = new HashMap<>();
        p.binTypes().forEach(t -> types.put(t.id(), t));
        return rebuild(p, plan, content, binTypes, types, items);
    }

    /** The plan with these bin contents: fills, power and objective computed as the solver does. */
    private static Plan rebuild(PackingProblem p, Plan plan, List<List<String>> content, List<String> binTypes,
                                Map<String, BinType> types, Map<String, Item> items) {
        List<PlannedBin> out = new ArrayList<>();
        double objective = 0;
        double balanceSum = 0;
        for (int i = 0; i < content.size(); i++) {
            if (content.get(i).isEmpty()) {
                continue;
            }
            BinType t = types.get(binTypes.get(i));
            PlannedBin b = bin(p, t, content.get(i).stream().sorted().toList(), items);
            objective += b.objective();
            balanceSum += b.balance();
            out.add(b);
        }
        out.sort(Comparator.comparing(PlannedBin::type).thenComparing(b -> b.items().get(0)));
        int lb = plan.lowerBound();
        double gap = lb == 0 ? 0 : (out.size() - lb) / (double) lb;
        return new Plan(List.copyOf(out), plan.objectiveKind(), objective, out.size(), lb, plan.objectiveLowerBound(), gap,
                plan.seconds(), plan.iterations(), plan.stoppedBy(), plan.seed(),
                out.isEmpty() ? 1 : balanceSum / out.size(), plan.bounds());
    }

    private static PlannedBin bin(PackingProblem p, BinType t, List<String> ids, Map<String, Item> items) {
        int dims = p.dimensions().size();
        int hours = p.hours();
        double[] peakFill = new double[dims];
        double watts = 0;
        for (int h = 0; h < hours; h++) {
            double[] load = new double[dims];
            for (String id : ids) {
                for (int d = 0; d < dims; d++) {
                    load[d] += items.get(id).demandAt(h, d);
                }
            }
            for (int d = 0; d < dims; d++) {
                double full = t.capacity()[d];
                peakFill[d] = Math.max(peakFill[d], full > 0 ? load[d] / full : 0);
            }
            int c = p.cpuDimension();
            if (t.powerCurve() != null && c >= 0) {
                watts += t.powerCurve().watts(t.capacity()[c] > 0 ? load[c] / t.capacity()[c] : 0) / hours;
            }
        }
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (double f : peakFill) {
            min = Math.min(min, f);
            max = Math.max(max, f);
        }
        double meanWatts = t.powerCurve() != null && p.cpuDimension() >= 0 ? watts : Double.NaN;
        Objective o = p.objective();
        double kwh = Objects.equals(o.kind(), Objective.Kind.BIN_COST) ? 0 : meanWatts * o.horizonHours() / 1000.0;
        double obj = switch (o.kind()) {
            case BIN_COST -> t.cost();
            case ENERGY -> kwh;
            case TOTAL_COST -> kwh * o.pricePerKwh() + t.cost();
        };
        return new PlannedBin(t.id(), ids, peakFill, p.cpuDimension() >= 0 ? peakFill[p.cpuDimension()] : Double.NaN,
                p.memDimension() >= 0 ? peakFill[p.memDimension()] : Double.NaN, max > 0 ? min / max : 1, meanWatts, obj);
    }
}
