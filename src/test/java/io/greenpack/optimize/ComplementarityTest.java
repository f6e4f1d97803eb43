package io.greenpack.optimize;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** CPU-heavy and memory-heavy items fit on N bins only when each bin pairs one of each. */
class ComplementarityTest {

    @Test
    void pairsCpuHeavyWithMemoryHeavyOnNBins() {
        int n = 12;
        PackingProblem p = Instances.complementary(n);
        Plan plan = PackingSolver.solve(p, Instances.quick(7));

        assertThat(PlanChecker.violations(p, plan)).isEmpty();
        assertThat(plan.binsUsed()).isEqualTo(n);
        assertThat(plan.lowerBound()).isEqualTo(n);
        assertThat(plan.gap()).isZero();
        for (PlannedBin b : plan.bins()) {
            assertThat(b.items()).hasSize(2);
            assertThat(b.items()).anyMatch(id -> id.startsWith("cpu")).anyMatch(id -> id.startsWith("mem"));
            // Per-host balance shows the pairing: both resources 80 % used.
            assertThat(b.cpuFill()).isCloseTo(0.8, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(b.memFill()).isCloseTo(0.8, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(b.balance()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        }
        assertThat(plan.meanBalance()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aPlanSizedOnCpuAloneIsRejectedForOvercommittingMemory() {
        int n = 6;
        PackingProblem full = Instances.complementary(n);
        // The same items seen through the CPU dimension only.
        List<Item> cpuOnly = full.items().stream().map(i -> Item.of(i.id(), i.demand()[0])).toList();
        PackingProblem cpuProblem = PackingProblem.of(List.of("cores"), cpuOnly, List.of(BinType.of("unit", 1.0)));
        Plan cpuPlan = PackingSolver.solve(cpuProblem, Instances.quick(7));
        assertThat(PlanChecker.violations(cpuProblem, cpuPlan)).isEmpty();
        // Seen through CPU alone, 0.6 + 0.2 + 0.2 fills a bin, so some bin holds two memory-heavy
        // items: 0.2 + 0.6 + 0.6 = 1.4 of memory.
        assertThat(cpuPlan.bins()).anyMatch(b -> b.items().stream().filter(id -> id.startsWith("mem")).count() >= 2);

        List<String> violations = PlanChecker.violations(full, cpuPlan);
        assertThat(violations).isNotEmpty().anyMatch(v -> v.contains("overcommits mem_gb"));
    }
}
