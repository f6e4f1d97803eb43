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
     * 1,000 unique hosts, 5,000 apps with 24-hour profiles, some hosts overloaded and many nearly
     * idle. The construction that summed every bin's items per check took 11.5 s on this fleet (54 s at
     * 2,000 × 10,000) and had no time limit; it now takes about 1.3 s, so under a one-minute limit it
     * must finish all its work, emptying hosts included, with no stop by the clock.
     */
    @Test
    void aThousandHostsAreBuiltCompletelyWithinAOneMinuteLimit() {
        StayFirstFleet f = StayFirstFleet.of(1000, 5000, 7, true, 1);
        Plan plan = StayFirst.construct(f.problem(), f.currentType(), 1, 60);

        assertThat(plan).isNotNull();
        assertThat(PlanChecker.violations(f.problem(), plan)).isEmpty();
        assertThat(plan.stoppedBy()).isEqualTo(DONE);
        assertThat(plan.seconds()).isLessThan(60);
        assertThat(plan.binsUsed()).isLessThan(1000);
    }

    /**
     * Hosts of 10 cores and 10 GB. a (7 cores, 1 GB) stays on h1 and b (1, 7) on h2; x (4, 4) then
     * fits on neither, so a is evicted from h1 (the first of two hosts with equally large movable
     * apps), x takes its place and a joins b on h2 (8, 8).
     */
    @Test
    void anAppThatFitsNowhereGetsInByEvictingOneThatFitsElsewhere() {
        List<BinType> hosts = List.of(host("h1"), host("h2"));
        List<Item> apps = List.of(Item.of("a", 7, 1), Item.of("b", 1, 7), Item.of("x", 4, 4));
        PackingProblem p = new PackingProblem(List.of("cpu_cores", "mem_gb"), apps, hosts, 0, Objective.binCost(), 0, 1);

        Plan plan = StayFirst.construct(p, Map.of("a", "h1", "b", "h2", "x", "h1"), 1, Double.POSITIVE_INFINITY);

        assertThat(plan.bins()).extracting(b -> b.type() + "=" + b.items()).containsExactly("h1=[x]", "h2=[a, b]");
        assertThat(PlanChecker.violations(p, plan)).isEmpty();
    }

    @Test
    void pastTheTimeLimitEveryAppIsStillPlacedAndTheStopReasonSaysSo() {
        StayFirstFleet f = StayFirstFleet.of(300, 1500, 7, true, 1);
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
        List<BinType> hosts = List.of(host("h1"), host("h2"));
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

    /** An existing host of 10 cores and 10 GB, available once. */
    private static BinType host(String name) {
        return new BinType(name, new double[] {10, 10}, 1, null, 1);
    }
}
