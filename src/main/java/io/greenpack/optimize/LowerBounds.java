package io.greenpack.optimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Lower bounds on the number of bins any feasible plan needs. Each is a relaxation, so each is
 * valid for heterogeneous bin types too: it pretends every bin has, in each dimension and hour,
 * the largest usable capacity of any type (dimensions taken one at a time). Availability limits
 * are ignored (a relaxation as well).
 *
 * <ul>
 *   <li>{@code volume}: max over dimensions and hours of ⌈total demand / largest capacity⌉.</li>
 *   <li>{@code martelloToth}: the Martello–Toth L2 bound per dimension and hour, which also counts
 *       items larger than half a bin that cannot share one.</li>
 *   <li>{@code conflict}: a clique of items that pairwise cannot share any bin (too big together in
 *       some dimension for every type, same anti-affinity group, dedicated, pinned to different
 *       types), found greedily from the largest item; and dedicated items + the volume of the rest.</li>
 *   <li>{@code bigPairs}: for two dimensions (or hours) x and y, the items bigger than half the
 *       largest capacity in x pairwise cannot share a bin, nor those bigger than half in y. So a bin
 *       holds at most two of them, one big in x only and one big in y only, and only when the two
 *       fit together: bins ≥ |big items| − (a maximum matching of the pairs that fit). Strong where
 *       most bins can hold only two items (a CPU-heavy and a memory-heavy one), where the
 *       one-dimension bounds see half-full bins.</li>
 * </ul>
 */
public final class LowerBounds {
    private static final double EPS = 1e-9;
    /** The greedy clique looks at the largest items only: big items are the ones that conflict. */
    private static final int CLIQUE_CANDIDATES = 3000;

    private LowerBounds() {
    }

    /** Beyond this many candidate pairs of big items a dimension pair is skipped (the bound stays valid, only weaker). */
    private static final long BIG_PAIRS_MAX_EDGES = 4_000_000;

    public record Bounds(int volume, int martelloToth, int conflict, int bigPairs) implements java.io.Serializable {
        public Bounds(int volume, int martelloToth, int conflict) {
            this(volume, martelloToth, conflict, 0);
        }

        public int best() {
            return Math.max(Math.max(volume, martelloToth), Math.max(conflict, bigPairs));
        }
    }

    public static Bounds of(PackingProblem p) {
        return of(new CompiledProblem(p));
    }

    static Bounds of(CompiledProblem c) {
        if (c.n == 0) {
            return new Bounds(0, 0, 0);
        }
        int volume = 0;
        int l2 = 0;
        double[] w = new double[c.n];
        for (int x = 0; x < c.k; x++) {
            if (c.maxCapacity[x] <= 0) {
                continue; // validated: nothing demands a dimension no bin has
            }
            for (int i = 0; i < c.n; i++) {
                w[i] = c.demand[i][x] / c.maxCapacity[x];
            }
            volume = Math.max(volume, volumeBound(w));
            l2 = Math.max(l2, martelloTothL2(w));
        }
        return new Bounds(volume, l2, conflictBound(c), bigPairsBound(c));
    }

    /**
     * max over pairs of dimensions x ≠ y of |B| − ν, where B = items above half the largest capacity
     * in x or in y, and ν = a maximum matching between the items big in x only and those big in y
     * only that can share a bin (an item big in both shares with none of B). Any bin holds at most
     * one item big in x and one big in y, so the bins B needs are at least |B| − ν.
     */
    static int bigPairsBound(CompiledProblem c) {
        boolean[][] big = new boolean[c.k][c.n];
        int[] count = new int[c.k];
        for (int x = 0; x < c.k; x++) {
            if (c.maxCapacity[x] <= 0) {
                continue;
            }
            double half = c.maxCapacity[x] / 2;
            for (int i = 0; i < c.n; i++) {
                if (c.demand[i][x] > half + EPS * Math.max(1, half)) {
                    big[x][i] = true;
                    count[x]++;
                }
            }
        }
        int best = 0;
        for (int x = 0; x < c.k; x++) {
            best = Math.max(best, count[x]); // one dimension: pairwise conflicting
            for (int y = x + 1; y < c.k; y++) {
                if (count[x] == 0 || count[y] == 0 || count[x] + count[y] <= best) {
                    continue; // cannot beat the best so far
                }
                List<Integer> onlyX = new ArrayList<>();
                List<Integer> onlyY = new ArrayList<>();
                int both = 0;
                for (int i = 0; i < c.n; i++) {
                    if (big[x][i] && big[y][i]) {
                        both++;
                    } else if (big[x][i]) {
                        onlyX.add(i);
                    } else if (big[y][i]) {
                        onlyY.add(i);
                    }
                }
                int total = both + onlyX.size() + onlyY.size();
                if (total <= best || (long) onlyX.size() * onlyY.size() > BIG_PAIRS_MAX_EDGES) {
                    continue;
                }
                best = Math.max(best, total - maximumMatching(c, onlyX, onlyY));
            }
        }
        return best;
    }

    /** Kuhn's augmenting paths on the bipartite graph "can share a bin" between {@code left} and {@code right}. */
    private static int maximumMatching(CompiledProblem c, List<Integer> left, List<Integer> right) {
        int[][] adj = new int[left.size()][];
        for (int a = 0; a < left.size(); a++) {
            int[] row = new int[right.size()];
            int m = 0;
            for (int b = 0; b < right.size(); b++) {
                if (!conflict(c, left.get(a), right.get(b))) {
                    row[m++] = b;
                }
            }
            adj[a] = Arrays.copyOf(row, m);
        }
        int[] matchOfRight = new int[right.size()];
        Arrays.fill(matchOfRight, -1);
        int matched = 0;
        int[] seen = new int[right.size()];
        for (int a = 0; a < left.size(); a++) {
            if (augment(a, adj, matchOfRight, seen, a + 1)) {
                matched++;
            }
        }
        return matched;
    }

    /** An augmenting path from left vertex {@code a}, iterative (no deep recursion on large instances). */
    private static boolean augment(int start, int[][] adj, int[] matchOfRight, int[] seen, int stamp) {
        // Depth-first search with an explicit stack of (left vertex, next edge index).
        int n = adj.length;
        int[] stackA = new int[n + 1];
        int[] stackE = new int[n + 1];
        int[] via = new int[n + 1]; // the right vertex taken to reach stack level d + 1
        int d = 0;
        stackA[0] = start;
        stackE[0] = 0;
        while (d >= 0) {
            int a = stackA[d];
            if (stackE[d] >= adj[a].length) {
                d--;
                continue;
            }
            int b = adj[a][stackE[d]++];
            if (seen[b] == stamp) {
                continue;
            }
            seen[b] = stamp;
            if (matchOfRight[b] < 0) {
                // Flip the path: right vertices via[0..d-1] then b.
                matchOfRight[b] = a;
                for (int level = d - 1; level >= 0; level--) {
                    matchOfRight[via[level]] = stackA[level];
                }
                return true;
            }
            via[d] = b;
            d++;
            stackA[d] = matchOfRight[b];
            stackE[d] = 0;
        }
        return false;
    }

    /** ⌈Σ w⌉ for sizes normalised to a capacity of 1. */
    static int volumeBound(double[] w) {
        double sum = 0;
        for (double v : w) {
            sum += v;
        }
        return (int) Math.ceil(sum - EPS * Math.max(1, sum));
    }

    /**
     * Martello & Toth (1990) L2 for one dimension, sizes normalised to capacity 1: for each
     * threshold K ≤ ½, items above 1−K each need their own bin, items in (½, 1−K] too, and items in
     * [K, ½] can only use the room the latter leave. O(n log n) with sorting and prefix sums.
     */
    static int martelloTothL2(double[] sizes) {
        double[] w = sizes.clone();
        Arrays.sort(w); // ascending
        int n = w.length;
        double[] prefix = new double[n + 1];
        for (int i = 0; i < n; i++) {
            prefix[i + 1] = prefix[i] + w[i];
        }
        int best = 0;
        int half = upperIndex(w, 0.5); // first index with w > 0.5
        // Candidate thresholds: 0 and every distinct size ≤ ½.
        for (int j = -1; j < half; j++) {
            double kk = j < 0 ? 0 : w[j];
            if (j > 0 && w[j] == w[j - 1]) {
                continue;
            }
            int j1Start = upperIndex(w, 1 - kk);          // w > 1−K
            int j2Start = half;                            // w > ½
            int j3Start = lowerIndex(w, kk);               // w ≥ K
            int n1 = n - j1Start;
            int n2 = j1Start - j2Start;
            double sum2 = prefix[j1Start] - prefix[j2Start];
            double sum3 = prefix[j2Start] - prefix[j3Start];
            double free = n2 - sum2;
            double extra = Math.max(0, Math.ceil(sum3 - free - EPS * Math.max(1, sum3)));
            best = Math.max(best, n1 + n2 + (int) extra);
        }
        return best;
    }

    /** First index i with w[i] > v + tiny (w ascending). */
    private static int upperIndex(double[] w, double v) {
        int lo = 0, hi = w.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (w[mid] > v + EPS) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** First index i with w[i] ≥ v − tiny (w ascending). */
    private static int lowerIndex(double[] w, double v) {
        int lo = 0, hi = w.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (w[mid] >= v - EPS) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private static int conflictBound(CompiledProblem c) {
        Integer[] order = new Integer[c.n];
        for (int i = 0; i < c.n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -c.size[i]).thenComparing(i -> c.ids[i]));
        int[] clique = new int[Math.min(c.n, CLIQUE_CANDIDATES)];
        int size = 0;
        for (int r = 0; r < Math.min(c.n, CLIQUE_CANDIDATES); r++) {
            int i = order[r];
            boolean all = true;
            for (int q = 0; q < size && all; q++) {
                all = conflict(c, i, clique[q]);
            }
            if (all) {
                clique[size++] = i;
            }
        }
        // Dedicated items need a bin each; everything else needs at least its volume besides.
        int dedicated = 0;
        double[] rest = new double[c.k];
        for (int i = 0; i < c.n; i++) {
            if (c.dedicated[i]) {
                dedicated++;
            } else {
                for (int x = 0; x < c.k; x++) {
                    rest[x] += c.demand[i][x];
                }
            }
        }
        int restBins = 0;
        for (int x = 0; x < c.k; x++) {
            if (c.maxCapacity[x] > 0) {
                double v = rest[x] / c.maxCapacity[x];
                restBins = Math.max(restBins, (int) Math.ceil(v - EPS * Math.max(1, v)));
            }
        }
        // Replicas of one anti-affinity group pairwise conflict: the largest group is a clique too.
        java.util.Map<Integer, Integer> groupSizes = new java.util.HashMap<>();
        int largestGroup = 0;
        for (int i = 0; i < c.n; i++) {
            if (c.group[i] >= 0) {
                largestGroup = Math.max(largestGroup, groupSizes.merge(c.group[i], 1, Integer::sum));
            }
        }
        return Math.max(Math.max(size, largestGroup), dedicated + restBins);
    }

    /** True when items i and j can never be in the same bin. */
    static boolean conflict(CompiledProblem c, int i, int j) {
        if (c.dedicated[i] || c.dedicated[j]) {
            return true;
        }
        if (c.group[i] >= 0 && c.group[i] == c.group[j]) {
            return true;
        }
        for (int t : c.typesLargestFirst) {
            if (!c.allowed[i][t] || !c.allowed[j][t] || c.available[t] == 0) {
                continue;
            }
            boolean fits = true;
            for (int x = 0; x < c.k && fits; x++) {
                fits = c.demand[i][x] + c.demand[j][x] <= c.capacity[t][x] + EPS * Math.max(1, c.capacity[t][x]);
            }
            if (fits) {
                return false;
            }
        }
        return true;
    }

    /**
     * A lower bound on the total bin cost (the {@link Objective.Kind#BIN_COST} objective) with
     * bounded availability: the LP relaxation "choose fractions y_t ∈ [0, available_t] of each type
     * so that the chosen capacity covers the total demand in every dimension and hour, and at least
     * {@code minBins} bins", bounded from below through its Lagrangian dual. For multipliers λ ≥ 0 on
     * the cover constraints, g(λ) = Σ_x λ_x·D_x + Σ_t available_t·min(0, cost_t − λ·cap_t) is at most
     * the LP optimum, hence at most any plan's cost. With one λ_x non-zero, g is the fractional
     * knapsack of dimension x (the cheapest cost per unit of capacity, filled greedily over the
     * available supply); coordinate ascent from the best of those raises it further. Pins, groups and
     * item sizes are ignored (a relaxation); types with unlimited availability are capped at the
     * number of items, which is also a valid plan bound.
     */
    public static double costBound(PackingProblem p, int minBins) {
        return costBound(new CompiledProblem(p), minBins);
    }

    static double costBound(CompiledProblem c, int minBins) {
        return costBound(c, minBins, null);
    }

    /** As {@link #costBound(PackingProblem, int)}; fills {@code pricesOut} (k + 1: capacity rows, then the bin count) with the best multipliers. */
    static double costBound(CompiledProblem c, int minBins, double[] pricesOut) {
        if (c.n == 0 || c.problem.objective().kind() != Objective.Kind.BIN_COST) {
            return c.n == 0 ? 0 : Double.NaN;
        }
        Cover lp = Cover.of(c, minBins);
        int m = lp.need.length;
        double[] lambda = new double[m];
        double best = 0;
        double[] bestLambda = new double[m];
        for (int round = 0; round < COST_BOUND_ROUNDS; round++) {
            double before = best;
            for (int x = 0; x < m; x++) {
                lambda[x] = bestMultiplier(x, lambda, lp);
                double g = dual(lambda, lp);
                if (g > best) {
                    best = g;
                    System.arraycopy(lambda, 0, bestLambda, 0, m);
                }
            }
            if (best <= before + 1e-9 * Math.max(1, best)) {
                break;
            }
        }
        if (pricesOut != null) {
            System.arraycopy(bestLambda, 0, pricesOut, 0, m);
        }
        best = Math.max(best, singleRowBound(lp));
        return best * (1 - 1e-9); // guard against rounding: the bound must never exceed the optimum
    }

    /** The best one-dimension fractional knapsack alone (the weaker bound, reported for comparison). */
    public static double costBoundPerDimension(PackingProblem p) {
        CompiledProblem c = new CompiledProblem(p);
        if (c.n == 0 || p.objective().kind() != Objective.Kind.BIN_COST) {
            return c.n == 0 ? 0 : Double.NaN;
        }
        return singleRowBound(Cover.of(c, 0)) * (1 - 1e-9);
    }

    /**
     * The covering LP: rows = every dimension-hour (need = total demand), then the bin count (need =
     * a bound on the number of bins, capacity 1 per bin); per type its capacity in each row, its
     * cost and its supply (availability, at most one bin per item).
     */
    private record Cover(double[] need, double[][] cap, double[] supply, double[] cost) {
        static Cover of(CompiledProblem c, int minBins) {
            int m = c.k + 1;
            double[] need = new double[m];
            double[][] cap = new double[c.types][m];
            double[] supply = new double[c.types];
            double[] cost = new double[c.types];
            for (int i = 0; i < c.n; i++) {
                for (int x = 0; x < c.k; x++) {
                    need[x] += c.demand[i][x];
                }
            }
            need[c.k] = minBins;
            for (int t = 0; t < c.types; t++) {
                System.arraycopy(c.capacity[t], 0, cap[t], 0, c.k);
                cap[t][c.k] = 1;
                supply[t] = Math.min(c.available[t], c.n);
                cost[t] = c.problem.binTypes().get(t).cost();
            }
            return new Cover(need, cap, supply, cost);
        }
    }

    /** The single-row bounds (fractional knapsacks) are dual points too: the best of them. */
    private static double singleRowBound(Cover lp) {
        double best = 0;
        for (int x = 0; x < lp.need.length; x++) {
            double[] only = new double[lp.need.length];
            only[x] = bestMultiplier(x, only, lp);
            best = Math.max(best, dual(only, lp));
        }
        return best;
    }

    private static final int COST_BOUND_ROUNDS = 200;

    /** g(λ), the Lagrangian dual value. */
    private static double dual(double[] lambda, Cover lp) {
        double[] need = lp.need;
        double[][] cap = lp.cap;
        double[] supply = lp.supply;
        double[] cost = lp.cost;
        double g = 0;
        for (int x = 0; x < need.length; x++) {
            g += lambda[x] * need[x];
        }
        for (int t = 0; t < cost.length; t++) {
            double value = 0;
            for (int x = 0; x < need.length; x++) {
                value += lambda[x] * cap[t][x];
            }
            g += supply[t] * Math.min(0, cost[t] - value);
        }
        return g;
    }

    /**
     * The λ_x that maximises g with the other multipliers fixed: each type pays off once λ_x passes
     * its break-even point (cost − the other rows' value) / cap_x; g rises while the types already
     * paying off cover less than the need of row x. A fractional knapsack in row x.
     */
    private static double bestMultiplier(int x, double[] lambda, Cover lp) {
        double[] need = lp.need;
        double[][] cap = lp.cap;
        double[] supply = lp.supply;
        double[] cost = lp.cost;
        int types = cost.length;
        double covered = 0;
        List<double[]> breaks = new ArrayList<>();
        for (int t = 0; t < types; t++) {
            if (cap[t][x] <= 0 || supply[t] <= 0) {
                continue;
            }
            double others = 0;
            for (int y = 0; y < need.length; y++) {
                others += y == x ? 0 : lambda[y] * cap[t][y];
            }
            double breakEven = (cost[t] - others) / cap[t][x];
            if (breakEven <= 0) {
                covered += supply[t] * cap[t][x]; // pays off at any λ_x ≥ 0
            } else {
                breaks.add(new double[]{breakEven, supply[t] * cap[t][x]});
            }
        }
        if (covered >= need[x]) {
            return 0;
        }
        breaks.sort(Comparator.comparingDouble(b -> b[0]));
        for (double[] b : breaks) {
            covered += b[1];
            if (covered >= need[x]) {
                return b[0];
            }
        }
        // The supply cannot cover row x: g grows without bound, but the problem is then infeasible;
        // stay at the last break-even point (any λ is a valid bound).
        return breaks.isEmpty() ? 0 : breaks.get(breaks.size() - 1)[0];
    }
}
