package io.greenpack.optimize;

import io.greenpack.model.PowerCurve;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Random instances with every kind of constraint: every plan passes the independent checker. */
class SolverPropertiesTest {

    /** A random feasible-by-construction instance: groups, pins, dedicated items, limited types, hours. */
    static PackingProblem randomProblem(long seed, int n, boolean hourly) {
        Random r = new Random(seed);
        double headroom = 0.1 * r.nextInt(3);
        List<BinType> types = new ArrayList<>();
        types.add(new BinType("std", new double[]{16, 64}, 1, PowerCurve.linear(100, 250), BinType.UNLIMITED));
        types.add(new BinType("big", new double[]{48, 256}, 2.5, PowerCurve.linear(150, 450), 1 + r.nextInt(3)));
        types.add(new BinType("host-x", new double[]{8, 32}, 0.5, PowerCurve.linear(80, 150), 1));
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double cpu = 0.5 + r.nextDouble() * 7;
            double mem = 1 + r.nextDouble() * 30;
            Item it = Item.of(String.format("a%03d", i), cpu, mem);
            if (hourly) {
                double[][] v = new double[24][2];
                int peak = r.nextInt(24);
                for (int h = 0; h < 24; h++) {
                    double f = Math.abs(h - peak) < 4 ? 1.0 : 0.3;
                    v[h][0] = cpu * f;
                    v[h][1] = mem * (0.5 + 0.5 * f);
                }
                it = it.withHourly(v);
            }
            int kind = r.nextInt(12);
            if (kind == 0) {
                it = it.asDedicated();
            } else if (kind <= 3) {
                it = it.withGroup("g" + r.nextInt(3));
            } else if (kind == 4) {
                it = it.withPin("host-x");
            }
            items.add(it);
        }
        // Keep the pinned load within the one host-x: unpin the excess.
        double pinnedCpu = 0;
        double pinnedMem = 0;
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            if ("host-x".equals(it.pinType())) {
                if (pinnedCpu + it.demand()[0] > 8 * (1 - headroom) || pinnedMem + it.demand()[1] > 32 * (1 - headroom)) {
                    items.set(i, it.withPin(null));
                } else {
                    pinnedCpu += it.demand()[0];
                    pinnedMem += it.demand()[1];
                }
            }
        }
        Objective[] objectives = {Objective.binCost(), Objective.energy(8760), Objective.totalCost(8760, 0.2)};
        return new PackingProblem(Instances.CPU_MEM, items, types, headroom, objectives[r.nextInt(3)], 0, 1);
    }

    @Property(tries = 40)
    void everyPlanIsFeasible(@ForAll long seed, @ForAll @IntRange(min = 0, max = 60) int n, @ForAll boolean hourly) {
        PackingProblem p = randomProblem(seed, n, hourly);
        Plan plan = PackingSolver.solve(p, new SolverSettings(seed, 30, 500));
        assertThat(PlanChecker.violations(p, plan)).isEmpty();
        assertThat(plan.binsUsed()).isGreaterThanOrEqualTo(plan.lowerBound());
        assertThat(plan.gap()).isGreaterThanOrEqualTo(0);
    }

    @Property(tries = 15)
    void sameSeedSamePlan(@ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int n) {
        PackingProblem p = randomProblem(seed, n, false);
        SolverSettings s = new SolverSettings(seed, 60, 800);
        Plan a = PackingSolver.solve(p, s);
        Plan b = PackingSolver.solve(p, s);
        assertThat(a.stoppedBy()).isNotEqualTo("time-limit");
        assertThat(a.bins().stream().map(x -> x.type() + x.items()).toList())
                .isEqualTo(b.bins().stream().map(x -> x.type() + x.items()).toList());
        assertThat(a.objective()).isEqualTo(b.objective());
    }

    @Property(tries = 25)
    void neverMoreBinsThanFirstFitDecreasing(@ForAll long seed, @ForAll @IntRange(min = 1, max = 80) int n) {
        Random r = new Random(seed);
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add(Item.of("i" + i, 0.05 + r.nextDouble() * 0.6, 0.05 + r.nextDouble() * 0.6));
        }
        PackingProblem p = PackingProblem.of(Instances.CPU_MEM, items, List.of(BinType.of("unit", 1, 1)));
        Plan ours = PackingSolver.solve(p, new SolverSettings(seed, 30, 500));
        Plan ffd = PackingSolver.firstFitDecreasing(p);
        assertThat(PlanChecker.violations(p, ffd)).isEmpty();
        assertThat(ours.binsUsed()).isLessThanOrEqualTo(ffd.binsUsed());
    }
}
