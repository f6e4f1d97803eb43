package io.greenpack.optimize;

import io.greenpack.model.PowerCurve;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Several bin types: the energy objective picks the efficient model and mixes when it runs out. */
class HeterogeneousTest {
    // 16 cores / 64 GB, 150 W idle, 250 W full: 15.6 W per core at full load.
    static final BinType SMALL = new BinType("small", new double[]{16, 64}, 3000, PowerCurve.linear(150, 250), BinType.UNLIMITED);
    // 64 cores / 256 GB, 150 W idle, 400 W full: 6.25 W per core — the efficient one.
    static final BinType LARGE = new BinType("large", new double[]{64, 256}, 9000, PowerCurve.linear(150, 400), BinType.UNLIMITED);

    static List<Item> items(int n) {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add(Item.of(String.format("app%02d", i), 2, 8));
        }
        return items;
    }

    static PackingProblem energy(List<BinType> types) {
        return new PackingProblem(Instances.CPU_MEM, items(40), types, 0, Objective.energy(8760), 0, 1);
    }

    @Test
    void energyObjectiveUsesTheLargerMoreEfficientModel() {
        PackingProblem p = energy(List.of(SMALL, LARGE));
        Plan plan = PackingSolver.solve(p, Instances.quick(1));
        assertThat(PlanChecker.violations(p, plan)).isEmpty();
        // 80 cores: two large hosts (one full, one at 25 %: 612.5 W) rather than five small ones
        // (1,250 W) or a large and a small one (650 W).
        assertThat(plan.bins()).extracting(PlannedBin::type).containsOnly("large");
        assertThat(plan.binsUsed()).isEqualTo(2);
        double expectedKwh = (400 + (150 + 250 * 0.25)) * 8760 / 1000.0;
        assertThat(plan.objective()).isCloseTo(expectedKwh, org.assertj.core.data.Offset.offset(1e-6));
        PackingProblem smallOnly = energy(List.of(SMALL));
        Plan smallPlan = PackingSolver.solve(smallOnly, Instances.quick(1));
        assertThat(smallPlan.objective()).isGreaterThan(plan.objective());
    }

    @Test
    void availabilityLimitsMixModels() {
        PackingProblem p = energy(List.of(SMALL, LARGE.withAvailable(1)));
        Plan plan = PackingSolver.solve(p, Instances.quick(1));
        assertThat(PlanChecker.violations(p, plan)).isEmpty();
        assertThat(plan.bins()).extracting(PlannedBin::type).contains("large", "small");
        // One large host full (64 cores) and one small host for the remaining 16 cores.
        assertThat(plan.binsUsed()).isEqualTo(2);
        assertThat(plan.objective()).isCloseTo((400 + 250) * 8760 / 1000.0, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void binCostObjectivePrefersTheCheaperWayToHoldTheLoad() {
        // By hardware price, 5 small (15,000) beat 2 large (18,000).
        PackingProblem p = PackingProblem.of(Instances.CPU_MEM, items(40), List.of(SMALL, LARGE));
        Plan plan = PackingSolver.solve(p, Instances.quick(1));
        assertThat(PlanChecker.violations(p, plan)).isEmpty();
        assertThat(plan.objective()).isLessThanOrEqualTo(15000);
    }

    @Test
    void totalCostObjectiveAddsEnergyCostToHardware() {
        PackingProblem p = new PackingProblem(Instances.CPU_MEM, items(40), List.of(SMALL, LARGE), 0,
                Objective.totalCost(3 * 8760, 0.25), 0, 1);
        Plan plan = PackingSolver.solve(p, Instances.quick(1));
        assertThat(PlanChecker.violations(p, plan)).isEmpty();
        // Three years at 0.25/kWh: five small = 15,000 + 1,250 W → 23,212; two large = 18,000 + 612.5 W
        // → 22,024; one large + one small = 12,000 + 650 W → 16,271, the cheapest.
        double hours = 3 * 8760;
        double mixed = 12000 + 650 * hours / 1000 * 0.25;
        assertThat(plan.objective()).isCloseTo(mixed, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(plan.bins()).extracting(PlannedBin::type).containsExactlyInAnyOrder("large", "small");
    }
}
