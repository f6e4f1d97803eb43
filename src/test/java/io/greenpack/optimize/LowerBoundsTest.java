package io.greenpack.optimize;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The bounds never exceed the optimum, and the stronger ones beat the volume bound where they should. */
class LowerBoundsTest {

    /** Exact optimum by exhaustive search (items into existing bins or one new bin, symmetry broken). */
    static int bruteForceOptimum(double[][] items, double[] cap) {
        int[] best = {items.length};
        search(items, cap, 0, new ArrayList<>(), best);
        return best[0];
    }

    private static void search(double[][] items, double[] cap, int i, List<double[]> bins, int[] best) {
        if (bins.size() >= best[0]) {
            return;
        }
        if (i == items.length) {
            best[0] = bins.size();
            return;
        }
        int open = bins.size();
        for (int b = 0; b < open; b++) {
            double[] load = bins.get(b);
            if (fits(load, items[i], cap)) {
                add(load, items[i], 1);
                search(items, cap, i + 1, bins, best);
                add(load, items[i], -1);
            }
        }
        bins.add(items[i].clone());
        search(items, cap, i + 1, bins, best);
        bins.remove(bins.size() - 1);
    }

    private static boolean fits(double[] load, double[] item, double[] cap) {
        for (int d = 0; d < cap.length; d++) {
            if (load[d] + item[d] > cap[d] + 1e-9) {
                return false;
            }
        }
        return true;
    }

    private static void add(double[] load, double[] item, int sign) {
        for (int d = 0; d < load.length; d++) {
            load[d] += sign * item[d];
        }
    }

    @Property(tries = 60)
    void boundsNeverExceedTheBruteForceOptimumAndTheSolverReachesIt(
            @ForAll @IntRange(min = 1, max = 9) int n, @ForAll long seed,
            @ForAll @DoubleRange(min = 0.05, max = 0.9) double maxSize) {
        Random r = new Random(seed);
        double[][] sizes = new double[n][2];
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sizes[i][0] = Math.round((0.02 + r.nextDouble() * maxSize) * 100) / 100.0;
            sizes[i][1] = Math.round((0.02 + r.nextDouble() * maxSize) * 100) / 100.0;
            items.add(Item.of("i" + i, sizes[i]));
        }
        PackingProblem p = PackingProblem.of(Instances.CPU_MEM, items, List.of(BinType.of("unit", 1, 1)));
        int optimum = bruteForceOptimum(sizes, new double[]{1, 1});
        LowerBounds.Bounds b = LowerBounds.of(p);
        assertThat(b.volume()).isLessThanOrEqualTo(optimum);
        assertThat(b.martelloToth()).isLessThanOrEqualTo(optimum);
        assertThat(b.conflict()).isLessThanOrEqualTo(optimum);
        assertThat(b.bigPairs()).isLessThanOrEqualTo(optimum);
        Plan plan = PackingSolver.solve(p, Instances.quick(seed));
        assertThat(PlanChecker.violations(p, plan)).isEmpty();
        assertThat(plan.binsUsed()).isGreaterThanOrEqualTo(optimum).isLessThanOrEqualTo(optimum + 1);
    }

    /** Mostly big items (above half a bin in one dimension or both): where the big-pairs bound works. */
    @Property(tries = 200)
    void bigPairsNeverExceedsTheBruteForceOptimum(@ForAll @IntRange(min = 1, max = 9) int n, @ForAll long seed) {
        Random r = new Random(seed);
        double[][] sizes = new double[n][2];
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int bigIn = r.nextInt(4); // 0: CPU, 1: memory, 2: both, 3: neither
            for (int d = 0; d < 2; d++) {
                boolean big = bigIn == d || bigIn == 2;
                double v = big ? 0.5 + r.nextDouble() * 0.45 : 0.02 + r.nextDouble() * 0.5;
                sizes[i][d] = Math.round(v * 100) / 100.0;
            }
            items.add(Item.of("i" + i, sizes[i]));
        }
        PackingProblem p = PackingProblem.of(Instances.CPU_MEM, items, List.of(BinType.of("unit", 1, 1)));
        int optimum = bruteForceOptimum(sizes, new double[]{1, 1});
        LowerBounds.Bounds b = LowerBounds.of(p);
        assertThat(b.bigPairs()).isLessThanOrEqualTo(optimum);
        assertThat(b.best()).isLessThanOrEqualTo(optimum);
    }

    @Test
    void bigPairsSeesWhatTheGreedyCliqueMisses() {
        // a1 is the largest and shares with any memory-big b; a2 and a3 share with nothing.
        // Optimum 5 (a1+b1, b2, b3, a2, a3); the greedy clique takes a2, a3, a1 and stops at 3.
        List<Item> items = List.of(Item.of("a1", 0.9, 0.05), Item.of("a2", 0.6, 0.45), Item.of("a3", 0.6, 0.45),
                Item.of("b1", 0.1, 0.6), Item.of("b2", 0.1, 0.6), Item.of("b3", 0.1, 0.6));
        PackingProblem p = PackingProblem.of(Instances.CPU_MEM, items, List.of(BinType.of("unit", 1, 1)));
        LowerBounds.Bounds b = LowerBounds.of(p);
        assertThat(b.volume()).isEqualTo(3);
        assertThat(b.martelloToth()).isEqualTo(4); // memory: three 0.6 alone, the two 0.45 need one more
        assertThat(b.conflict()).isEqualTo(3);
        assertThat(b.bigPairs()).isEqualTo(5);
        assertThat(b.best()).isEqualTo(5);
        assertThat(bruteForceOptimum(items.stream().map(Item::demand).toArray(double[][]::new), new double[]{1, 1}))
                .isEqualTo(5);
    }

    @Property(tries = 100)
    void martelloTothIsValidInOneDimension(@ForAll @Size(min = 1, max = 9) List<@DoubleRange(min = 0.01, max = 1.0) Double> sizes) {
        double[][] items = sizes.stream().map(s -> new double[]{s}).toArray(double[][]::new);
        double[] w = sizes.stream().mapToDouble(Double::doubleValue).toArray();
        int optimum = bruteForceOptimum(items, new double[]{1});
        assertThat(LowerBounds.martelloTothL2(w)).isLessThanOrEqualTo(optimum);
        assertThat(LowerBounds.martelloTothL2(w)).isGreaterThanOrEqualTo(LowerBounds.volumeBound(w));
    }

    @Test
    void strongerBoundsBeatTheVolumeBoundOnItemsThatCannotPair() {
        // Three items of 0.6: volume says 2 bins, but no two can share one.
        List<Item> items = List.of(Item.of("a", 0.6, 0.1), Item.of("b", 0.6, 0.1), Item.of("c", 0.6, 0.1));
        PackingProblem p = PackingProblem.of(Instances.CPU_MEM, items, List.of(BinType.of("unit", 1, 1)));
        LowerBounds.Bounds b = LowerBounds.of(p);
        assertThat(b.volume()).isEqualTo(2);
        assertThat(b.martelloToth()).isEqualTo(3);
        assertThat(b.conflict()).isEqualTo(3);
        assertThat(b.best()).isEqualTo(3);
    }

    @Test
    void theConflictBoundSeesAcrossDimensions() {
        // Each pair is too big together in one dimension or the other: a CPU-big and a memory-big
        // item (0.6/0.45 vs 0.45/0.6) can share, but here every pair collides somewhere.
        List<Item> items = List.of(Item.of("a", 0.55, 0.3), Item.of("b", 0.3, 0.55), Item.of("c", 0.5, 0.5));
        PackingProblem p = PackingProblem.of(Instances.CPU_MEM, items, List.of(BinType.of("unit", 1, 1)));
        LowerBounds.Bounds b = LowerBounds.of(p);
        assertThat(b.volume()).isEqualTo(2);
        assertThat(b.martelloToth()).isEqualTo(2);
        assertThat(b.conflict()).isEqualTo(2); // a+b fits; a+c and b+c do not: clique of 2
        // Anti-affinity makes all three pairwise conflicting.
        PackingProblem grouped = p.withItems(items.stream().map(i -> i.withGroup("g")).toList());
        assertThat(LowerBounds.of(grouped).conflict()).isEqualTo(3);
    }

    @Test
    void volumeBoundUsesTheLargestBinTypeAndEveryHour() {
        List<Item> items = List.of(Item.of("a", 30, 10), Item.of("b", 30, 10), Item.of("c", 30, 10));
        PackingProblem p = PackingProblem.of(Instances.CPU_MEM, items,
                List.of(BinType.of("small", 20, 100), BinType.of("big", 64, 100)));
        assertThat(LowerBounds.of(p).volume()).isEqualTo(2); // 90 cores / 64
    }
}
