package io.greenpack.optimize;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One test per constraint: each would be violated by the cheapest packing if the solver ignored it. */
class ConstraintTest {
    private static final List<BinType> UNIT = List.of(BinType.of("unit", 1, 1));

    private static Plan solveAndCheck(PackingProblem p) {
        Plan plan = PackingSolver.solve(p, Instances.quick(3));
        assertThat(PlanChecker.violations(p, plan)).isEmpty();
        return plan;
    }

    @Test
    void antiAffinityGroupKeepsReplicasApart() {
        List<Item> items = List.of(Item.of("web1", 0.1, 0.1).withGroup("web"), Item.of("web2", 0.1, 0.1).withGroup("web"),
                Item.of("web3", 0.1, 0.1).withGroup("web"), Item.of("db", 0.1, 0.1));
        Plan plan = solveAndCheck(PackingProblem.of(Instances.CPU_MEM, items, UNIT));
        assertThat(plan.binsUsed()).isEqualTo(3);
        assertThat(plan.lowerBound()).isEqualTo(3);
    }

    @Test
    void pinnedItemGoesToItsType() {
        List<BinType> types = List.of(BinType.of("big", 2, 2), BinType.of("host-7", 1, 1).withAvailable(1));
        List<Item> items = List.of(Item.of("a", 0.3, 0.3).withPin("host-7"), Item.of("b", 0.3, 0.3));
        Plan plan = solveAndCheck(PackingProblem.of(Instances.CPU_MEM, items, types));
        assertThat(plan.binOf("a")).get().extracting(PlannedBin::type).isEqualTo("host-7");
    }

    @Test
    void dedicatedItemGetsABinToItself() {
        List<Item> items = List.of(Item.of("licensed", 0.1, 0.1).asDedicated(), Item.of("x", 0.1, 0.1), Item.of("y", 0.1, 0.1));
        Plan plan = solveAndCheck(PackingProblem.of(Instances.CPU_MEM, items, UNIT));
        assertThat(plan.binsUsed()).isEqualTo(2);
        assertThat(plan.binOf("licensed")).get().extracting(PlannedBin::items).isEqualTo(List.of("licensed"));
    }

    @Test
    void availabilityLimitIsRespected() {
        // The cheap type could hold everything in 3 bins but only 2 exist; the rest go to the dear type.
        List<BinType> types = List.of(BinType.of("cheap", 1, 1).withCost(1).withAvailable(2),
                BinType.of("dear", 1, 1).withCost(5));
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            items.add(Item.of("i" + i, 0.5, 0.5));
        }
        Plan plan = solveAndCheck(PackingProblem.of(Instances.CPU_MEM, items, types));
        assertThat(plan.bins().stream().filter(b -> b.type().equals("cheap"))).hasSize(2);
        assertThat(plan.binsUsed()).isEqualTo(3);
        assertThat(plan.objective()).isEqualTo(1 + 1 + 5);
    }

    @Test
    void headroomKeepsAShareOfEveryBinFree() {
        List<Item> items = List.of(Item.of("a", 0.45, 0.1), Item.of("b", 0.45, 0.1));
        PackingProblem tight = PackingProblem.of(Instances.CPU_MEM, items, UNIT);
        assertThat(solveAndCheck(tight).binsUsed()).isEqualTo(1);
        PackingProblem withHeadroom = tight.withHeadroom(0.2); // 0.9 > 0.8 usable
        assertThat(solveAndCheck(withHeadroom).binsUsed()).isEqualTo(2);
    }

    @Test
    void everyDimensionIsChecked() {
        // A third dimension (disk) is the binding one.
        List<Item> items = List.of(Item.of("a", 0.1, 0.1, 0.7), Item.of("b", 0.1, 0.1, 0.7));
        PackingProblem p = PackingProblem.of(List.of("cores", "mem_gb", "disk_iops"), items,
                List.of(BinType.of("unit", 1, 1, 1)));
        assertThat(solveAndCheck(p).binsUsed()).isEqualTo(2);
    }

    @Test
    void sameSeedGivesTheSamePlan() {
        PackingProblem p = Instances.triplets(15, 5);
        Plan a = PackingSolver.solve(p, new SolverSettings(11, 60, 2000));
        Plan b = PackingSolver.solve(p, new SolverSettings(11, 60, 2000));
        assertThat(a.stoppedBy()).isNotEqualTo("time-limit");
        assertThat(a.bins()).extracting(PlannedBin::items).isEqualTo(b.bins().stream().map(PlannedBin::items).toList());
    }
}
