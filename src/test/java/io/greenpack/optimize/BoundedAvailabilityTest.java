package io.greenpack.optimize;

import io.greenpack.generate.CloudBalancing;
import io.greenpack.util.UserError;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bins of limited availability (unique existing hosts, a few of each model) and their costs. */
class BoundedAvailabilityTest {
    private static final List<String> THREE = List.of("cpu", "mem", "net");

    /**
     * Random bins, each type available 1 to 3 times, with costs; items up to the size of some type,
     * so the problem is valid but may still be too tight to pack.
     */
    static PackingProblem randomBounded(long seed, int n, int typeCount) {
        Random r = new Random(seed);
        List<BinType> types = new ArrayList<>();
        for (int t = 0; t < typeCount; t++) {
            double[] cap = {4 + r.nextInt(20), 4 + r.nextInt(60), 2 + r.nextInt(16)};
            types.add(new BinType("host" + t, cap, 1 + r.nextInt(50), null, 1 + r.nextInt(3)));
        }
        // Anti-affine pairs need two bins.
        boolean pairs = types.stream().mapToInt(BinType::available).sum() >= 2;
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] cap = types.get(r.nextInt(typeCount)).capacity();
            double share = 0.05 + 0.6 * r.nextDouble() * r.nextDouble();
            Item it = Item.of(String.format("a%03d", i), Math.max(0.5, Math.floor(cap[0] * share)),
                    Math.max(0.5, Math.floor(cap[1] * share * (0.5 + r.nextDouble()))), Math.max(0.5, Math.floor(cap[2] * share)));
            if (pairs && r.nextInt(5) == 0) {
                it = it.withGroup("g" + i / 2);
            }
            items.add(it);
        }
        return PackingProblem.of(THREE, items, types);
    }

    static Optional<Plan> attempt(java.util.function.Supplier<Plan> solve) {
        try {
            return Optional.of(solve.get());
        } catch (UserError e) {
            return Optional.empty();
        }
    }

    @Property(tries = 120)
    void whenFirstFitDecreasingPlacesEveryItemTheSolverDoesToo(@ForAll long seed, @ForAll @IntRange(min = 1, max = 45) int n,
                                                               @ForAll @IntRange(min = 1, max = 12) int typeCount) {
        PackingProblem p = randomBounded(seed, n, typeCount);
        Optional<Plan> ffd = attempt(() -> PackingSolver.firstFitDecreasing(p));
        Optional<Plan> listed = attempt(() -> PackingSolver.firstFitDecreasingListed(p));
        Optional<Plan> ours = attempt(() -> PackingSolver.solve(p, new SolverSettings(seed, 30, 300)));
        ffd.ifPresent(f -> assertThat(PlanChecker.violations(p, f)).isEmpty());
        listed.ifPresent(f -> assertThat(PlanChecker.violations(p, f)).isEmpty());
        if (ffd.isPresent() || listed.isPresent()) {
            assertThat(ours).as("FFD placed every item, so must the solver").isPresent();
        }
        ours.ifPresent(plan -> {
            // The checker counts every type's use against its availability, among all other rules.
            assertThat(PlanChecker.violations(p, plan)).isEmpty();
            assertThat(plan.objective()).isGreaterThanOrEqualTo(plan.objectiveLowerBound());
            ffd.ifPresent(f -> assertThat(plan.objective()).isLessThanOrEqualTo(f.objective() + 1e-9));
            listed.ifPresent(f -> assertThat(plan.objective()).isLessThanOrEqualTo(f.objective() + 1e-9));
        });
    }

    @Property(tries = 150)
    void theCostBoundNeverExceedsTheBruteForceOptimum(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int n,
                                                      @ForAll @IntRange(min = 1, max = 4) int typeCount) {
        PackingProblem p = randomBounded(seed, n, typeCount);
        OptionalCost optimum = bruteForceCost(p);
        if (optimum.cost == Double.POSITIVE_INFINITY) {
            return; // no plan exists: nothing to bound
        }
        double bound = LowerBounds.costBound(p, LowerBounds.of(p).best());
        assertThat(bound).isLessThanOrEqualTo(optimum.cost + 1e-9);
        Plan plan = PackingSolver.solve(p, new SolverSettings(seed, 30, 2000));
        assertThat(plan.objective()).isGreaterThanOrEqualTo(optimum.cost - 1e-9);
    }

    private record OptionalCost(double cost) {
    }

    /** Every assignment of items to the individual bins (each type repeated by its availability). */
    private static OptionalCost bruteForceCost(PackingProblem p) {
        List<BinType> bins = new ArrayList<>();
        for (BinType t : p.binTypes()) {
            for (int q = 0; q < Math.min(t.available(), p.items().size()); q++) {
                bins.add(t);
            }
        }
        double[] best = {Double.POSITIVE_INFINITY};
        assign(p, bins, 0, new int[p.items().size()], best);
        return new OptionalCost(best[0]);
    }

    private static void assign(PackingProblem p, List<BinType> bins, int i, int[] where, double[] best) {
        if (i == where.length) {
            Map<Integer, double[]> load = new HashMap<>();
            Map<Integer, List<String>> groups = new HashMap<>();
            for (int j = 0; j < where.length; j++) {
                Item it = p.items().get(j);
                double[] l = load.computeIfAbsent(where[j], b -> new double[3]);
                for (int d = 0; d < 3; d++) {
                    l[d] += it.demand()[d];
                }
                List<String> g = groups.computeIfAbsent(where[j], b -> new ArrayList<>());
                if (it.group() != null && g.contains(it.group())) {
                    return;
                }
                g.add(it.group());
            }
            double cost = 0;
            for (Map.Entry<Integer, double[]> e : load.entrySet()) {
                BinType t = bins.get(e.getKey());
                for (int d = 0; d < 3; d++) {
                    if (e.getValue()[d] > t.capacity()[d] + 1e-9) {
                        return;
                    }
                }
                cost += t.cost();
            }
            best[0] = Math.min(best[0], cost);
            return;
        }
        for (int b = 0; b < bins.size(); b++) {
            where[i] = b;
            assign(p, bins, i + 1, where, best);
        }
    }

    @Test
    void theCostBoundIsTheCheapestCapacityFilledGreedilyInTheTightDimension() {
        // Need 10 cores. Type a: 4 cores for 8 (2 per core), two available; type b: 10 cores for 30
        // (3 per core). Fractional knapsack: 8 cores of a (16) + 2 cores of b (6) = 22.
        List<BinType> types = List.of(new BinType("a", new double[]{4}, 8, null, 2),
                new BinType("b", new double[]{10}, 30, null, 1));
        List<Item> items = List.of(Item.of("x", 3), Item.of("y", 3), Item.of("z", 4));
        PackingProblem p = PackingProblem.of(List.of("cores"), items, types);
        assertThat(LowerBounds.costBound(p, 0)).isCloseTo(22, org.assertj.core.data.Offset.offset(1e-6));
        // An a holds one item (3 + 3 > 4), so two a's leave one item for b (46), b with an a costs
        // 38, and b alone holds all three (10 cores): the optimum is 30.
        Plan plan = PackingSolver.solve(p, Instances.quick(1));
        assertThat(plan.objective()).isEqualTo(30);
        assertThat(plan.objectiveLowerBound()).isLessThanOrEqualTo(30).isGreaterThanOrEqualTo(22 - 1e-6);
    }

    @Test
    void aCloudBalancingInstanceOfOneHundredComputersIsPackedAndCheaperThanFirstFitDecreasing() {
        // Every computer exists once; the earlier construction stopped with "could not place item"
        // on this very instance, and the type-rule FFD still does.
        PackingProblem p = CloudBalancing.instance(100, 47);
        assertThatThrownBy(() -> PackingSolver.firstFitDecreasing(p)).isInstanceOf(UserError.class)
                .hasMessageContaining("could not place item");
        Plan listed = PackingSolver.firstFitDecreasingListed(p);
        Plan plan = PackingSolver.solve(p, new SolverSettings(1, 60, 3000));
        assertThat(PlanChecker.violations(p, listed)).isEmpty();
        assertThat(PlanChecker.violations(p, plan)).isEmpty();
        assertThat(plan.bins().stream().mapToInt(b -> b.items().size()).sum()).isEqualTo(300);
        assertThat(plan.objective()).isLessThan(listed.objective()).isGreaterThanOrEqualTo(plan.objectiveLowerBound());
        assertThat(plan.objectiveLowerBound()).isGreaterThan(0.8 * plan.objective());
    }

    @Test
    void whenNoConstructionCanPlaceAnItemTheMessageNamesItAndTheShortDimension() {
        // Two unique hosts of 10 cores; three items of 6: the volume (18 <= 20) fits, no packing does.
        List<BinType> types = List.of(new BinType("h1", new double[]{10, 64}, 1, null, 1),
                new BinType("h2", new double[]{10, 64}, 1, null, 1));
        List<Item> items = List.of(Item.of("a", 6, 1), Item.of("b", 6, 1), Item.of("c", 6, 1));
        PackingProblem p = PackingProblem.of(Instances.CPU_MEM, items, types);
        assertThatThrownBy(() -> PackingSolver.solve(p, Instances.quick(1))).isInstanceOf(UserError.class)
                .hasMessageMatching("(?s)could not place item '[abc]'.*")
                .hasMessageContaining("cores: needs 6, the most any bin has left is 4");
    }
}
