package io.greenpack.optimize;

import java.util.Arrays;
import java.util.Comparator;

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
 * </ul>
 */
public final class LowerBounds {
    private static final double EPS = 1e-9;
    /** The greedy clique looks at the largest items only: big items are the ones that conflict. */
    private static final int CLIQUE_CANDIDATES = 3000;

    private LowerBounds() {
    }

    public record Bounds(int volume, int martelloToth, int conflict) implements java.io.Serializable {
        public int best() {
            return Math.max(volume, Math.max(martelloToth, conflict));
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
        return new Bounds(volume, l2, conflictBound(c));
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
        for (int t = 0; t < c.types; t++) {
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
}
