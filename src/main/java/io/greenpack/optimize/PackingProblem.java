package io.greenpack.optimize;

import io.greenpack.util.UserError;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The packing problem, apart from any solver: put every item in exactly one bin so that, in every
 * dimension and every hour, the bin's load ≤ capacity × (1 − headroom), respecting anti-affinity
 * groups, pins, dedicated items and how many bins of each type are available; minimise the
 * {@link Objective}.
 *
 * <p>The constructor checks the input and throws {@link UserError} (a message naming the item and
 * the dimension) when it cannot be solved at all: an item larger than every bin type, a pin to a
 * type that does not exist, more anti-affine replicas than bins. A {@code PackingProblem} that
 * exists is therefore one that a solver can attempt.
 *
 * @param dimensions   names of the dimensions, e.g. {@code ["cores", "mem_gb"]}
 * @param cpuDimension index of the dimension whose use drives the power curve (−1 if none)
 * @param memDimension index of the memory dimension for balance reports (−1 if none)
 */
public record PackingProblem(List<String> dimensions, List<Item> items, List<BinType> binTypes, double headroom,
                             Objective objective, int cpuDimension, int memDimension) implements java.io.Serializable {

    private static final double EPS = 1e-9;

    public PackingProblem {
        dimensions = List.copyOf(dimensions);
        items = List.copyOf(items);
        binTypes = List.copyOf(binTypes);
        validate(dimensions, items, binTypes, headroom, objective, cpuDimension);
    }

    /** Generic problem: minimise total bin cost, no headroom; dimension 0 is CPU-like, 1 memory-like. */
    public static PackingProblem of(List<String> dimensions, List<Item> items, List<BinType> binTypes) {
        return new PackingProblem(dimensions, items, binTypes, 0.0, Objective.binCost(),
                0, dimensions.size() > 1 ? 1 : -1);
    }

    public PackingProblem withHeadroom(double h) {
        return new PackingProblem(dimensions, items, binTypes, h, objective, cpuDimension, memDimension);
    }

    public PackingProblem withObjective(Objective o) {
        return new PackingProblem(dimensions, items, binTypes, headroom, o, cpuDimension, memDimension);
    }

    public PackingProblem withItems(List<Item> newItems) {
        return new PackingProblem(dimensions, newItems, binTypes, headroom, objective, cpuDimension, memDimension);
    }

    public PackingProblem withBinTypes(List<BinType> types) {
        return new PackingProblem(dimensions, items, types, headroom, objective, cpuDimension, memDimension);
    }

    /** 1 when no item has an hourly profile, otherwise the number of hours in the profiles (24). */
    public int hours() {
        for (Item i : items) {
            if (i.hourlyDemand() != null) {
                return i.hourlyDemand().length;
            }
        }
        return 1;
    }

    /** Capacity of a bin of this type that may be planned in dimension d (after headroom). */
    public double usableCapacity(BinType t, int d) {
        return t.capacity()[d] * (1 - headroom);
    }

    private static void validate(List<String> dims, List<Item> items, List<BinType> types, double headroom,
                                 Objective objective, int cpuDimension) {
        validateSettings(dims, types, headroom);
        Map<String, BinType> byId = validateBinTypes(dims, types, objective);
        if (objective.needsPower() && (cpuDimension < 0 || cpuDimension >= dims.size())) {
            throw new UserError("the objective " + objective.kind() + " needs a CPU dimension to compute load");
        }
        int hours = items.stream().filter(i -> i.hourlyDemand() != null).mapToInt(i -> i.hourlyDemand().length)
                .findFirst().orElse(-1);
        Set<String> ids = new HashSet<>();
        Map<String, Integer> groupSizes = new HashMap<>();
        for (Item it : items) {
            if (!ids.add(it.id())) {
                throw new UserError("item '" + it.id() + "' is listed twice");
            }
            validateItem(it, dims, hours);
            if (it.pinType() != null && !byId.containsKey(it.pinType())) {
                throw new UserError("item '" + it.id() + "' is pinned to '" + it.pinType()
                        + "', but there is no bin type or host of that name (known: " + byId.keySet().stream().sorted().toList() + ")");
            }
            checkFitsSomewhere(it, dims, types, headroom);
            if (it.group() != null) {
                groupSizes.merge(it.group(), 1, Integer::sum);
            }
        }
        checkEnoughBins(items, types, groupSizes);
    }

    private static void validateSettings(List<String> dims, List<BinType> types, double headroom) {
        if (dims.isEmpty()) {
            throw new UserError("a packing problem needs at least one dimension (e.g. cores)");
        }
        if (!(headroom >= 0 && headroom < 1)) {
            throw new UserError("headroom: expected a fraction in [0,1), got " + fmt(headroom)
                    + (headroom >= 1 && headroom < 100 ? " — was it a percentage? (20 % is 0.2)" : ""));
        }
        if (types.isEmpty()) {
            throw new UserError("no bin types to pack onto: give at least one");
        }
    }

    /** Checks each bin type; returns them by id. */
    private static Map<String, BinType> validateBinTypes(List<String> dims, List<BinType> types, Objective objective) {
        Map<String, BinType> byId = new HashMap<>();
        for (BinType t : types) {
            if (byId.put(t.id(), t) != null) {
                throw new UserError("bin type '" + t.id() + "' is listed twice");
            }
            if (t.capacity().length != dims.size()) {
                throw new UserError("bin type '" + t.id() + "' has " + t.capacity().length
                        + " capacities, expected one per dimension " + dims);
            }
            for (int d = 0; d < dims.size(); d++) {
                double c = t.capacity()[d];
                if (!(c >= 0) || Double.isInfinite(c)) {
                    throw new UserError("bin type '" + t.id() + "', dimension '" + dims.get(d)
                            + "': capacity must be a finite number >= 0, got " + fmt(c));
                }
            }
            if (!(t.cost() >= 0) || Double.isInfinite(t.cost())) {
                throw new UserError("bin type '" + t.id() + "': cost must be a finite number >= 0, got " + fmt(t.cost()));
            }
            if (t.available() < 0) {
                throw new UserError("bin type '" + t.id() + "': available must be >= 0, got " + t.available());
            }
            if (objective.needsPower() && t.powerCurve() == null) {
                throw new UserError("bin type '" + t.id() + "' has no power curve, but the objective "
                        + objective.kind() + " needs one (give idle and max watts or w0..w100)");
            }
        }
        return byId;
    }

    /**
     * The shape and values of one item's demand. {@code hours} is the profile length of the first
     * item that has hourly demand (-1 when none has): every profile must be that long.
     */
    private static void validateItem(Item it, List<String> dims, int hours) {
        if (it.demand().length != dims.size()) {
            throw new UserError("item '" + it.id() + "' has " + it.demand().length
                    + " demands, expected one per dimension " + dims);
        }
        if (it.hourlyDemand() != null) {
            if (it.hourlyDemand().length != hours || hours == 0) {
                throw new UserError("item '" + it.id() + "' has " + it.hourlyDemand().length
                        + " hourly vectors, expected " + hours + " like the other items");
            }
            for (double[] row : it.hourlyDemand()) {
                if (row.length != dims.size()) {
                    throw new UserError("item '" + it.id() + "': an hourly vector has " + row.length
                            + " values, expected one per dimension " + dims);
                }
            }
        }
        int h = it.hourlyDemand() == null ? 1 : it.hourlyDemand().length;
        for (int hour = 0; hour < h; hour++) {
            for (int d = 0; d < dims.size(); d++) {
                double v = it.demandAt(hour, d);
                if (!(v >= 0) || Double.isInfinite(v)) {
                    throw new UserError("item '" + it.id() + "', dimension '" + dims.get(d)
                            + "': demand must be a finite number >= 0, got " + fmt(v));
                }
            }
        }
    }

    /** Each anti-affinity group and the dedicated items need as many bins as exist in all. */
    private static void checkEnoughBins(List<Item> items, List<BinType> types, Map<String, Integer> groupSizes) {
        long totalAvailable = 0;
        for (BinType t : types) {
            totalAvailable = t.limited() ? totalAvailable + t.available() : Long.MAX_VALUE / 2;
            if (totalAvailable >= Long.MAX_VALUE / 2) {
                break;
            }
        }
        List<String> groups = new ArrayList<>(groupSizes.keySet());
        groups.sort(null);
        for (String g : groups) {
            if (groupSizes.get(g) > totalAvailable) {
                String first = items.stream().filter(i -> g.equals(i.group())).map(Item::id).sorted().findFirst().orElse("?");
                throw new UserError("anti-affinity group '" + g + "' (e.g. item '" + first + "') has "
                        + groupSizes.get(g) + " replicas that must each be on a different bin, but only "
                        + totalAvailable + " bins are available in all");
            }
        }
        long dedicated = items.stream().filter(Item::dedicated).count();
        if (dedicated > totalAvailable) {
            throw new UserError(dedicated + " items need a dedicated bin, but only " + totalAvailable
                    + " bins are available in all");
        }
    }

    /** Throws a message naming the item and the dimension when no allowed bin type can hold the item. */
    private static void checkFitsSomewhere(Item it, List<String> dims, List<BinType> types, double headroom) {
        int hours = it.hourlyDemand() == null ? 1 : it.hourlyDemand().length;
        String why = null;
        for (BinType t : types) {
            if (it.pinType() != null && !it.pinType().equals(t.id())) {
                continue;
            }
            if (t.available() == 0) {
                continue;
            }
            String fail = null;
            for (int h = 0; h < hours && fail == null; h++) {
                for (int d = 0; d < dims.size(); d++) {
                    double usable = t.capacity()[d] * (1 - headroom);
                    if (it.demandAt(h, d) > usable + EPS * Math.max(1, usable)) {
                        fail = "needs " + fmt(it.demandAt(h, d)) + " " + dims.get(d)
                                + (hours > 1 ? " at hour " + h : "") + " but bin type '" + t.id() + "' offers "
                                + fmt(usable) + (headroom > 0 ? " after " + fmt(headroom * 100) + " % headroom" : "");
                        break;
                    }
                }
            }
            if (fail == null) {
                return;
            }
            // Report against the type that is largest in the failing dimension: the most telling message.
            why = why == null ? fail : why;
        }
        if (why == null) {
            throw new UserError("item '" + it.id() + "' has no bin type it may use"
                    + (it.pinType() != null ? " (pinned to '" + it.pinType() + "', none of which is available)" : " (no type has bins available)"));
        }
        // Find the dimension where even the largest type is too small, to name it.
        for (int d = 0; d < dims.size(); d++) {
            double peak = 0;
            for (int h = 0; h < hours; h++) {
                peak = Math.max(peak, it.demandAt(h, d));
            }
            double best = 0;
            String bestType = null;
            for (BinType t : types) {
                if ((it.pinType() == null || it.pinType().equals(t.id())) && t.available() > 0
                        && t.capacity()[d] * (1 - headroom) >= best) {
                    best = t.capacity()[d] * (1 - headroom);
                    bestType = t.id();
                }
            }
            if (peak > best + EPS * Math.max(1, best)) {
                throw new UserError("item '" + it.id() + "' does not fit any bin type: it needs " + fmt(peak) + " "
                        + dims.get(d) + " (dimension '" + dims.get(d) + "'), the largest "
                        + (it.pinType() != null ? "allowed " : "") + "is '" + bestType + "' with " + fmt(best)
                        + (headroom > 0 ? " after " + fmt(headroom * 100) + " % headroom" : ""));
            }
        }
        throw new UserError("item '" + it.id() + "' does not fit any single bin type: " + why);
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
