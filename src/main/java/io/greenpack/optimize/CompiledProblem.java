package io.greenpack.optimize;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The problem as flat arrays for the solver's inner loops. Each item and bin type has one vector of
 * length K = hours × dimensions (index h·D + d); items without an hourly profile repeat their demand
 * in every hour so that one loop checks every dimension and hour.
 */
final class CompiledProblem {
    static final double EPS = 1e-9;

    final PackingProblem problem;
    final int n;
    final int types;
    final int dims;
    final int hours;
    final int k;
    final String[] ids;
    final double[][] demand;      // [item][k]
    final double[][] capacity;    // [type][k], usable (after headroom)
    final double[] maxCapacity;   // [k], largest usable capacity over types
    final boolean[][] allowed;    // [item][type], false when pinned elsewhere
    final int[] allowedCount;     // [item], how many types the item may use (a sort key: fewer = place first)
    final int[] group;            // group index or −1
    final boolean[] dedicated;
    final int[] available;
    final double[] typeRate;      // objective per unit of capacity at planned-full load: lower = more efficient
    /** Cost per unit of capacity valued at the cover LP's prices (see {@link #rateByPrices}), or null. */
    double[] priceRate;
    final int[] typesLargestFirst; // type indices by decreasing normalised capacity (pair checks find room first there)
    final double[] size;          // item size, normalised to the largest capacities (sort key)
    final boolean uniformCost;    // BIN_COST with all costs equal: objective = count × cost

    CompiledProblem(PackingProblem p) {
        this.problem = p;
        List<Item> items = p.items();
        List<BinType> bt = p.binTypes();
        n = items.size();
        types = bt.size();
        dims = p.dimensions().size();
        hours = p.hours();
        k = hours * dims;
        ids = new String[n];
        demand = new double[n][k];
        capacity = new double[types][k];
        maxCapacity = new double[k];
        allowed = new boolean[n][types];
        allowedCount = new int[n];
        group = new int[n];
        dedicated = new boolean[n];
        available = new int[types];
        typeRate = new double[types];
        size = new double[n];

        fillCapacities(bt);
        fillItems(items, bt);
        uniformCost = rateTypes(bt);
        typesLargestFirst = typesLargestFirst();
    }

    private void fillCapacities(List<BinType> bt) {
        for (int t = 0; t < types; t++) {
            BinType b = bt.get(t);
            available[t] = b.available();
            for (int h = 0; h < hours; h++) {
                for (int d = 0; d < dims; d++) {
                    capacity[t][h * dims + d] = problem.usableCapacity(b, d);
                    maxCapacity[h * dims + d] = Math.max(maxCapacity[h * dims + d], capacity[t][h * dims + d]);
                }
            }
        }
    }

    private void fillItems(List<Item> items, List<BinType> bt) {
        Map<String, Integer> groupIndex = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Item it = items.get(i);
            ids[i] = it.id();
            for (int h = 0; h < hours; h++) {
                for (int d = 0; d < dims; d++) {
                    // An item without a profile uses its flat demand in every hour.
                    demand[i][h * dims + d] = it.hourlyDemand() == null ? it.demand()[d] : it.hourlyDemand()[h][d];
                }
            }
            for (int t = 0; t < types; t++) {
                allowed[i][t] = it.pinType() == null || it.pinType().equals(bt.get(t).id());
                allowedCount[i] += allowed[i][t] ? 1 : 0;
            }
            group[i] = it.group() == null ? -1 : groupIndex.computeIfAbsent(it.group(), g -> groupIndex.size());
            dedicated[i] = it.dedicated();
            size[i] = normalisedPeakSize(i);
        }
    }

    /** Sum over dimensions of the item's peak demand as a share of the largest capacity. */
    private double normalisedPeakSize(int i) {
        double s = 0;
        for (int d = 0; d < dims; d++) {
            double peak = 0;
            for (int h = 0; h < hours; h++) {
                peak = Math.max(peak, demand[i][h * dims + d]);
            }
            s += maxCapacity[d] > 0 ? peak / maxCapacity[d] : 0;
        }
        return s;
    }

    /** Fills {@link #typeRate}; true when the objective is bin cost and every type costs the same. */
    private boolean rateTypes(List<BinType> bt) {
        boolean uniform = problem.objective().kind() == Objective.Kind.BIN_COST;
        for (int t = 0; t < types; t++) {
            double capShare = 0;
            for (int d = 0; d < dims; d++) {
                capShare += maxCapacity[d] > 0 ? capacity[t][d] / maxCapacity[d] : 0;
            }
            capShare = Math.max(capShare / dims, 1e-12);
            // What a full bin of this type costs, per unit of (normalised) capacity it offers.
            typeRate[t] = fullBinObjective(t) / capShare;
            if (bt.get(t).cost() != bt.get(0).cost()) {
                uniform = false;
            }
        }
        return uniform;
    }

    private int[] typesLargestFirst() {
        Integer[] bySize = new Integer[types];
        double[] share = new double[types];
        for (int t = 0; t < types; t++) {
            bySize[t] = t;
            for (int x = 0; x < k; x++) {
                share[t] += maxCapacity[x] > 0 ? capacity[t][x] / maxCapacity[x] : 0;
            }
        }
        java.util.Arrays.sort(bySize, java.util.Comparator.comparingDouble(t -> -share[t]));
        int[] out = new int[types];
        for (int q = 0; q < types; q++) {
            out[q] = bySize[q];
        }
        return out;
    }

    /**
     * Rates the types by the cover LP's prices instead of mean capacity: with costs and bounded
     * supply, a type's value is what its capacity is worth at the dual prices of the dimensions
     * (a scarce dimension is priced high, a plentiful one at zero). Lower cost per value is opened first.
     */
    void rateByPrices(double[] pricePerUnit, double pricePerBin) {
        priceRate = typeRate.clone();
        for (int t = 0; t < types; t++) {
            double value = pricePerBin;
            for (int x = 0; x < k; x++) {
                value += pricePerUnit[x] * capacity[t][x];
            }
            if (value > 0) {
                priceRate[t] = problem.binTypes().get(t).cost() / value;
            }
        }
    }

    /** The objective of one bin of type t loaded to its usable capacity in every hour. */
    private double fullBinObjective(int t) {
        double[] load = capacity[t].clone();
        return binObjective(t, load);
    }

    /** This bin's contribution to the objective. */
    double binObjective(int t, double[] load) {
        BinType b = problem.binTypes().get(t);
        Objective o = problem.objective();
        if (o.kind() == Objective.Kind.BIN_COST) {
            return b.cost();
        }
        double kwh = energyKwh(t, load);
        return o.kind() == Objective.Kind.ENERGY ? kwh : kwh * o.pricePerKwh() + b.cost();
    }

    /** Energy of one bin over the horizon: the power curve at each hour's CPU load. */
    double energyKwh(int t, double[] load) {
        return meanWatts(t, load) * problem.objective().horizonHours() / 1000.0;
    }

    double meanWatts(int t, double[] load) {
        BinType b = problem.binTypes().get(t);
        if (b.powerCurve() == null || problem.cpuDimension() < 0) {
            return Double.NaN;
        }
        int c = problem.cpuDimension();
        double full = b.capacity()[c];
        double sum = 0;
        for (int h = 0; h < hours; h++) {
            double u = full > 0 ? load[h * dims + c] / full : 0;
            sum += b.powerCurve().watts(u);
        }
        return sum / hours;
    }

    boolean fitsCapacity(int item, int t, double[] load) {
        double[] dem = demand[item];
        double[] cap = capacity[t];
        for (int x = 0; x < k; x++) {
            if (load[x] + dem[x] > cap[x] + EPS * Math.max(1, cap[x])) {
                return false;
            }
        }
        return true;
    }

    boolean loadFits(int t, double[] load) {
        double[] cap = capacity[t];
        for (int x = 0; x < k; x++) {
            if (load[x] > cap[x] + EPS * Math.max(1, cap[x])) {
                return false;
            }
        }
        return true;
    }
}
