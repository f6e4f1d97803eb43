package io.greenpack.optimize;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The stay-first construction at fleet scale and under its time limit; every plan goes through {@link PlanChecker}. */
class StayFirstScaleTest {
    private static final String DONE = "construction (stay-first)";
    private static final String CUT = "construction (stay-first, time-limit)";

    /**
     * 1,000 unique hosts, 5,000 apps with 24-hour profiles, loaded so that most hosts stay on and
     * apps that fit nowhere repair by eviction. The construction summing every bin's items per check
     * took 49 s here (1,000 × 5,000 at normal load, same machine); it now takes about 2 s, so a
     * minute is a bound the old code came close to and the new one is far from.
     */
    @Test
    void aThousandHostsAreBuiltCompletelyWellWithinAMinute() {
        StayFirstFleet f = StayFirstFleet.of(1000, 5000, 7, false, 3);
        Plan plan = StayFirst.construct(f.problem(), f.currentType(), 1, 60);

        assertThat(plan).isNotNull();
        assertThat(PlanChecker.violations(f.problem(), plan)).isEmpty();
        assertThat(plan.stoppedBy()).isEqualTo(DONE);
        assertThat(plan.seconds()).isLessThan(60);
    }

    @Test
    void pastTheTimeLimitEveryAppIsStillPlacedAndTheStopReasonSaysSo() {
        StayFirstFleet f = StayFirstFleet.of(300, 1500, 7, false, 3);
        Plan full = StayFirst.construct(f.problem(), f.currentType(), 1, Double.POSITIVE_INFINITY);
        Plan cut = StayFirst.construct(f.problem(), f.currentType(), 1, 0);

        assertThat(cut).isNotNull();
        assertThat(PlanChecker.violations(f.problem(), cut)).isEmpty();
        assertThat(cut.stoppedBy()).isEqualTo(CUT);
        assertThat(cut.bins().stream().mapToInt(b -> b.items().size()).sum()).isEqualTo(1500);
        // Emptying hosts is what the cut leaves out: never fewer hosts than with the time to do it.
        assertThat(cut.binsUsed()).isGreaterThanOrEqualTo(full.binsUsed());
        assertThat(full.stoppedBy()).isEqualTo(DONE);
    }

    /** Two hosts of 10 cores, 3 and 2 cores used: with time the lighter host is emptied onto the other, without it both stay. */
    @Test
    void theLighterHostIsEmptiedOnlyWhenTimeAllows() {
        List<BinType> hosts = List.of(new BinType("h1", new double[] {10, 10}, 1, null, 1),
                new BinType("h2", new double[] {10, 10}, 1, null, 1));
        List<Item> apps = List.of(Item.of("a", 3, 1), Item.of("b", 2, 1));
        PackingProblem p = new PackingProblem(List.of("cpu_cores", "mem_gb"), apps, hosts, 0, Objective.binCost(), 0, 1);
        Map<String, String> current = Map.of("a", "h1", "b", "h2");

        Plan full = StayFirst.construct(p, current, 1, Double.POSITIVE_INFINITY);
        Plan cut = StayFirst.construct(p, current, 1, 0);

        assertThat(full.bins()).singleElement().satisfies(b -> {
            assertThat(b.type()).isEqualTo("h1");
            assertThat(b.items()).containsExactly("a", "b");
        });
        assertThat(cut.bins()).extracting(PlannedBin::type).containsExactly("h1", "h2");
        assertThat(PlanChecker.violations(p, full)).isEmpty();
        assertThat(PlanChecker.violations(p, cut)).isEmpty();
    }
}
