package io.greenpack.optimize;

import org.junit.jupiter.api.Test;

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
}
