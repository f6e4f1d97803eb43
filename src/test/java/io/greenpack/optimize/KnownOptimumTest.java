package io.greenpack.optimize;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Triplets that fill bins exactly: the optimum is known, so the plan's distance from it is too. */
class KnownOptimumTest {

    @Test
    void tripletsReachOrComeCloseToTheKnownOptimum() {
        int optimum = 40;
        double worstGap = 0;
        for (long seed = 1; seed <= 3; seed++) {
            PackingProblem p = Instances.triplets(optimum, seed);
            Plan plan = PackingSolver.solve(p, new SolverSettings(seed, 30, 20_000));
            assertThat(PlanChecker.violations(p, plan)).isEmpty();
            assertThat(plan.lowerBound()).isEqualTo(optimum); // volume is exact here
            double gap = (plan.binsUsed() - optimum) / (double) optimum;
            System.out.printf("triplets seed %d: %d bins for optimum %d (%.1f %% over), %d iterations, %.2f s%n",
                    seed, plan.binsUsed(), optimum, gap * 100, plan.iterations(), plan.seconds());
            worstGap = Math.max(worstGap, gap);
            assertThat(plan.binsUsed()).isLessThanOrEqualTo(optimum + 2); // within 5 %
        }
        assertThat(worstGap).isLessThanOrEqualTo(0.05);
    }

    /**
     * Bins that hold two items at most: 10 flexible CPU-big items (0.9, 0.05) that share with any of
     * 20 memory-big ones (0.1, 0.6), and 10 rigid CPU-big ones (0.6, 0.45) that share with none.
     * Optimum 10 + 10 + (20 − 10) = 30; volume, Martello–Toth and the greedy clique see less.
     */
    @Test
    void pairsInstanceBoundIsTheOptimumAndTheSolverReachesIt() {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            items.add(Item.of(String.format("flex%02d", i), 0.9, 0.05));
            items.add(Item.of(String.format("rigid%02d", i), 0.6, 0.45));
        }
        for (int i = 0; i < 20; i++) {
            items.add(Item.of(String.format("mem%02d", i), 0.1, 0.6));
        }
        PackingProblem p = PackingProblem.of(Instances.CPU_MEM, items, List.of(BinType.of("unit", 1, 1)));
        LowerBounds.Bounds b = LowerBounds.of(p);
        // volume 17, Martello–Toth 25 (memory: 20 at 0.6 alone, the 0.45s need 5 more), greedy clique 20
        assertThat(Math.max(b.volume(), Math.max(b.martelloToth(), b.conflict()))).isLessThan(30);
        assertThat(b.bigPairs()).isEqualTo(30);
        Plan plan = PackingSolver.solve(p, new SolverSettings(1, 30, 20_000));
        assertThat(PlanChecker.violations(p, plan)).isEmpty();
        assertThat(plan.binsUsed()).isEqualTo(30);
        assertThat(plan.lowerBound()).isEqualTo(30); // proven optimal: gap 0
    }
}
