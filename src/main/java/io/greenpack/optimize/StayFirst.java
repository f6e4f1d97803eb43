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
     *
     * <p>Placing every item is required for a plan; repairs beyond the first few tries and the
     * emptying of bins are not, so once {@code timeLimitSeconds} have passed they stop and the plan
     * says "time-limit" in its stop reason.
     */
    static Plan construct(PackingProblem p, Map<String, String> currentType, long seed, double timeLimitSeconds) {
        long start = System.nanoTime();
        // Capped so that an unlimited time (infinity) does not overflow the nanosecond clock.
        long deadline = start + (long) Math.min(Math.max(0, timeLimitSeconds) * 1e9, 1e17);
        Packing k = new Packing(p, deadline);
        List<Item> ordered = new ArrayList<>(p.items());
        // Pinned items first (they have one place), then by decreasing size: large items claim room before small ones fill it.
        ordered.sort(Comparator.comparing((Item i) -> i.pinType() == null).thenComparingDouble(i -> -k.size(i))
                .thenComparing(Item::id));
        for (Item it : ordered) {
            if (!k.home(it, currentType) && !k.place(it) && !k.evictFor(it)) {
                return null;
            }
        }
        k.eliminate();
        List<List<String>> kept = new ArrayList<>();
        List<String> keptTypes = new ArrayList<>();
        for (Packing.Bin b : k.bins) {
            if (!b.ids.isEmpty()) {
                kept.add(b.ids);
                keptTypes.add(b.type.id());
            }
        }
        LowerBounds.Bounds bounds = LowerBounds.of(p);
        String stoppedBy = k.late ? "construction (stay-first, time-limit)" : "construction (stay-first)";
        Plan template = new Plan(List.of(), p.objective().kind(), 0, 0, bounds.best(), Double.NaN, 0,
                (System.nanoTime() - start) / 1e9, 0, stoppedBy, seed, 1, bounds);
        return rebuild(p, template, kept, keptTypes, k.types, k.items);
    }

    /**
     * The construction's bins with their load per hour and dimension kept up to date as items come
     * and go, so that checking whether an item fits costs hours × dimensions whatever the bin holds.
     * Loads are sums in the order items were added (recomputed in content order after a removal), so
     * fills equal a fresh sum over the bin's content and ties between bins break as on a fresh sum.
     */
    private static final class Packing {
        /** Repairs tried per item: the bins whose movable items are smallest are the likeliest to succeed. */
        private static final int EVICTION_TRIES = 32;
        /** Repairs tried per item once the time limit has passed. */
        private static final int EVICTION_TRIES_LATE = 4;

        private final PackingProblem p;
        private final int dims;
        private final long deadline;
        private final Map<String, Item> items = new HashMap<>();
        private final Map<String, BinType> types = new HashMap<>();
        private final Map<String, Double> sizes = new HashMap<>();
        private final Map<String, Integer> used = new HashMap<>();
        /** The open bin of each bin type available once: an app's current host is found without a scan. */
        private final Map<String, Bin> onlyBinOfType = new HashMap<>();
        private final List<Bin> bins = new ArrayList<>();
        private Trial trial;
        private boolean late;

        Packing(PackingProblem p, long deadline) {
            this.p = p;
            this.dims = p.dimensions().size();
            this.deadline = deadline;
            p.binTypes().forEach(t -> types.put(t.id(), t));
            double[] maxCapacity = new double[dims];
            for (BinType t : p.binTypes()) {
                for (int d = 0; d < dims; d++) {
                    maxCapacity[d] = Math.max(maxCapacity[d], t.capacity()[d]);
                }
            }
            for (Item it : p.items()) {
                items.put(it.id(), it);
                sizes.put(it.id(), StayFirst.size(it, maxCapacity));
            }
        }

        /** One bin: its type, its items in the order they came, and what they add up to. */
        private final class Bin {
            private final BinType type;
            private final int index;
            private final List<String> ids = new ArrayList<>();
            /** Summed demand, [hour * dimensions + dimension]. */
            private final double[] load = new double[p.hours() * dims];
            /** Peak fill of the first dimension (the one the order of "fullest" follows). */
            private double fill;
            private int dedicated;
            private final Map<String, Integer> groups = new HashMap<>();

            Bin(BinType type, int index) {
                this.type = type;
                this.index = index;
            }
        }

        /** The bins changed since a repair or an emptying began, as they were, so that a failed one can be undone. */
        private final class Trial {
            private final int binsBefore = bins.size();
            private final Map<Bin, List<String>> before = new HashMap<>();

            void rollback() {
                for (int i = bins.size() - 1; i >= binsBefore; i--) {
                    Bin b = bins.remove(i);
                    used.merge(b.type.id(), -1, Integer::sum);
                    onlyBinOfType.remove(b.type.id(), b);
                }
                before.forEach((b, ids) -> {
                    if (b.index < binsBefore) {
                        b.ids.clear();
                        b.ids.addAll(ids);
                        recompute(b);
                    }
                });
                trial = null;
            }
        }

        double size(Item it) {
            return sizes.get(it.id());
        }

        boolean pastDeadline() {
            return System.nanoTime() > deadline;
        }

        /** The item on its current host (or its pinned one) when that host may hold it. */
        boolean home(Item it, Map<String, String> currentType) {
            String home = it.pinType() != null ? it.pinType() : currentType.get(it.id());
            BinType t = home == null ? null : types.get(home);
            if (t == null || t.available() != 1) {
                return false;
            }
            Bin b = onlyBinOfType.get(home);
            if (b == null && fits(p, t, List.of(), it, items)) {
                open(t, it);
                return true;
            }
            if (b != null && takes(b, it)) {
                add(b, it);
                return true;
            }
            return false;
        }

        /** The fullest open bin that takes the item, else a new bin of the largest type still available. */
        boolean place(Item it) {
            Bin best = fullestFitting(it, null);
            if (best != null) {
                add(best, it);
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
            open(open, it);
            return true;
        }

        /**
         * The first of the fullest bins that takes the item, leaving out {@code except} and, when one
         * is being emptied, the bins already empty; null when none does.
         */
        private Bin fullestFitting(Item it, Bin except) {
            Bin best = null;
            double bestFill = -1;
            for (Bin b : bins) {
                // A bin no fuller than the best so far cannot win (the first of equals wins), so its room is not checked.
                if (b.fill > bestFill && b != except && (except == null || !b.ids.isEmpty()) && takes(b, it)) {
                    best = b;
                    bestFill = b.fill;
                }
            }
            return best;
        }

        /**
         * Repair when no bin takes the item: empty the bin (of a type that could hold the item alone)
         * whose unpinned items are smallest in total, put the item there, and place the evicted items
         * elsewhere; undone when one of them finds no place, then the next such bin is tried.
         */
        boolean evictFor(Item it) {
            List<Bin> candidates = new ArrayList<>();
            Map<Bin, Double> movable = new HashMap<>();
            for (Bin b : bins) {
                List<String> pinned = b.ids.stream().filter(id -> items.get(id).pinType() != null).toList();
                if ((it.pinType() == null || it.pinType().equals(b.type.id())) && fits(p, b.type, pinned, it, items)) {
                    candidates.add(b);
                    movable.put(b, b.ids.stream().filter(id -> items.get(id).pinType() == null)
                            .mapToDouble(id -> size(items.get(id))).sum());
                }
            }
            candidates.sort(Comparator.comparingDouble(movable::get));
            int tries = EVICTION_TRIES;
            if (candidates.size() > EVICTION_TRIES_LATE && pastDeadline()) {
                tries = EVICTION_TRIES_LATE;
                late = true;
            }
            for (Bin b : candidates.subList(0, Math.min(tries, candidates.size()))) {
                trial = new Trial();
                List<String> evicted = b.ids.stream().filter(id -> items.get(id).pinType() == null).toList();
                remove(b, evicted);
                add(b, it);
                boolean ok = true;
                for (String id : evicted) {
                    ok = ok && place(items.get(id));
                }
                if (ok) {
                    trial = null;
                    return true;
                }
                trial.rollback();
            }
            return false;
        }

        /**
         * Empties bins, least filled first, when every item of one fits on the other bins (pinned
         * items never move). After each emptied bin the order starts again: the bins that took its
         * items are fuller, and with fullest-first moves a bin that failed before can now empty, so
         * skipping it would give another plan. Each try only touches the bins it changes, and the
         * deadline ends the pass when the restarts add up.
         */
        void eliminate() {
            boolean progress = true;
            while (progress) {
                progress = false;
                List<Bin> order = new ArrayList<>();
                for (Bin b : bins) {
                    if (!b.ids.isEmpty()) {
                        order.add(b);
                    }
                }
                order.sort(Comparator.comparingDouble((Bin b) -> b.fill));
                for (Bin b : order) {
                    if (pastDeadline()) {
                        late = true;
                        return;
                    }
                    if (tryEmpty(b)) {
                        progress = true;
                        break;
                    }
                }
            }
        }

        private boolean tryEmpty(Bin b) {
            List<String> moving = new ArrayList<>(b.ids);
            if (moving.stream().anyMatch(id -> items.get(id).pinType() != null)) {
                return false;
            }
            moving.sort(Comparator.comparingDouble((String id) -> -size(items.get(id))));
            trial = new Trial();
            remove(b, moving);
            for (String id : moving) {
                Bin target = fullestFitting(items.get(id), b);
                if (target == null) {
                    trial.rollback();
                    return false;
                }
                add(target, items.get(id));
            }
            trial = null;
            return true;
        }

        private boolean takes(Bin b, Item it) {
            if ((it.dedicated() && !b.ids.isEmpty()) || (it.pinType() != null && !it.pinType().equals(b.type.id()))
                    || b.dedicated > 0 || (it.group() != null && b.groups.containsKey(it.group()))) {
                return false;
            }
            return withinCapacity(p, b.type, b.load, it);
        }

        private void open(BinType t, Item it) {
            Bin b = new Bin(t, bins.size());
            bins.add(b);
            used.merge(t.id(), 1, Integer::sum);
            if (t.available() == 1) {
                onlyBinOfType.put(t.id(), b);
            }
            add(b, it);
        }

        private void touch(Bin b) {
            if (trial != null) {
                trial.before.computeIfAbsent(b, x -> new ArrayList<>(x.ids));
            }
        }

        private void add(Bin b, Item it) {
            touch(b);
            b.ids.add(it.id());
            count(b, it);
            addDemand(b.load, it, dims);
            b.fill = fill(b);
        }

        private void remove(Bin b, List<String> leaving) {
            touch(b);
            b.ids.removeAll(leaving);
            recompute(b);
        }

        private void count(Bin b, Item it) {
            if (it.dedicated()) {
                b.dedicated++;
            }
            if (it.group() != null) {
                b.groups.merge(it.group(), 1, Integer::sum);
            }
        }

        /** Load, counts and fill summed afresh in content order (after items left the bin). */
        private void recompute(Bin b) {
            java.util.Arrays.fill(b.load, 0);
            b.dedicated = 0;
            b.groups.clear();
            for (String id : b.ids) {
                count(b, items.get(id));
                addDemand(b.load, items.get(id), dims);
            }
            b.fill = fill(b);
        }

        private double fill(Bin b) {
            double capacity = b.type.capacity()[0];
            double peak = 0;
            for (int h = 0; h < p.hours(); h++) {
                peak = Math.max(peak, capacity > 0 ? b.load[h * dims] / capacity : 0);
            }
            return peak;
        }
    }

    /** The item's largest demand relative to the largest capacity of its dimension: the order of decreasing size. */
    private static double size(Item it, double[] maxCapacity) {
        double s = 0;
        for (int d = 0; d < maxCapacity.length; d++) {
            s = Math.max(s, maxCapacity[d] > 0 ? it.demand()[d] / maxCapacity[d] : 0);
        }
        return s;
    }

    private static void addDemand(double[] load, Item it, int dims) {
        for (int h = 0; h < load.length / dims; h++) {
            for (int d = 0; d < dims; d++) {
                load[h * dims + d] += it.demandAt(h, d);
            }
        }
    }

    /** Whether the item fits, every hour and dimension within headroom, on top of {@code load} ([hour * dims + dim]). */
    private static boolean withinCapacity(PackingProblem p, BinType t, double[] load, Item it) {
        int dims = p.dimensions().size();
        for (int h = 0; h < p.hours(); h++) {
            for (int d = 0; d < dims; d++) {
                double usable = p.usableCapacity(t, d);
                if (load[h * dims + d] + it.demandAt(h, d) > usable + EPS * Math.max(1, usable)) {
                    return false;
                }
            }
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
        double[] load = new double[p.hours() * p.dimensions().size()];
        for (String other : there) {
            addDemand(load, items.get(other), p.dimensions().size());
        }
        return withinCapacity(p, t, load, it);
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
