package io.greenpack.generate;

import io.greenpack.optimize.BinType;
import io.greenpack.optimize.Item;
import io.greenpack.optimize.PackingProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded packing instances shaped like the cloud-balancing example of OptaPlanner / Timefold:
 * computers that each exist once (a bin type with {@code available = 1}) with CPU (GHz), memory (GB)
 * and network (GB per hour) capacities and a cost, and three processes per computer with small
 * demands. The objective is the total cost of the computers that run at least one process.
 *
 * <p>The price tables, the demand maxima and the shapes of the two distributions (a computer's
 * memory and network tier stay near its CPU tier; demands are skewed towards 1) are the published
 * ones of {@code CloudBalancingGenerator}, repository apache/incubator-kie-optaplanner, path
 * optaplanner-examples/src/main/java/org/optaplanner/examples/cloudbalancing/persistence/CloudBalancingGenerator.java.
 * Like there, computers are upgraded at random until the total capacity covers the total demand
 * in every dimension. The code here is written apart; with seed 47 it draws in the same order.
 */
public final class CloudBalancing {
    public static final List<String> DIMENSIONS = List.of("cpu_ghz", "memory_gb", "network_gb_per_hour");

    /** Tiers: {capacity, cost}. CPU power in GHz. */
    private static final int[][] CPU_TIERS = {{3, 110}, {4, 140}, {6, 180}, {8, 270}, {12, 400}, {16, 1000}, {24, 3000}};
    /** Memory in GB. */
    private static final int[][] MEMORY_TIERS = {{2, 140}, {4, 180}, {8, 220}, {16, 300}, {32, 400}, {64, 600}, {96, 1000}};
    /** Network bandwidth in GB per hour. */
    private static final int[][] NETWORK_TIERS = {{2, 100}, {4, 200}, {6, 300}, {8, 400}, {12, 600}, {16, 800}, {20, 1000}};
    private static final int MAX_CPU_GHZ = 12;
    private static final int MAX_MEMORY_GB = 32;
    private static final int MAX_NETWORK_GB_PER_HOUR = 12;
    /** Base of the exponential that skews demands towards small values. */
    private static final double SKEW_BASE = 2000.0;
    public static final int PROCESSES_PER_COMPUTER = 3;

    private CloudBalancing() {
    }

    /** {@code computers} computers and three processes per computer. */
    public static PackingProblem instance(int computers, long seed) {
        return instance(computers, computers * PROCESSES_PER_COMPUTER, seed);
    }

    public static PackingProblem instance(int computers, int processes, long seed) {
        if (computers < 1 || processes < 0) {
            throw new IllegalArgumentException("need at least one computer and no negative process count");
        }
        Random r = new Random(seed);
        int[][] caps = new int[computers][3];
        int[] cost = new int[computers];
        for (int c = 0; c < computers; c++) {
            int cpuTier = r.nextInt(CPU_TIERS.length);
            int memTier = nearTier(r, cpuTier, MEMORY_TIERS.length);
            int netTier = nearTier(r, cpuTier, NETWORK_TIERS.length);
            caps[c] = new int[]{CPU_TIERS[cpuTier][0], MEMORY_TIERS[memTier][0], NETWORK_TIERS[netTier][0]};
            cost[c] = CPU_TIERS[cpuTier][1] + MEMORY_TIERS[memTier][1] + NETWORK_TIERS[netTier][1];
        }
        int[][] demand = new int[processes][];
        long[] total = new long[3];
        for (int p = 0; p < processes; p++) {
            demand[p] = new int[]{skewed(r, MAX_CPU_GHZ), skewed(r, MAX_MEMORY_GB), skewed(r, MAX_NETWORK_GB_PER_HOUR)};
            for (int d = 0; d < 3; d++) {
                total[d] += demand[p][d];
            }
        }
        for (int d = 0; d < 3; d++) {
            long lacking = total[d];
            for (int[] cap : caps) {
                lacking -= cap[d];
            }
            while (lacking > 0) {
                int step = lacking >= 8 ? 8 : lacking >= 4 ? 4 : lacking >= 2 ? 2 : 1;
                caps[r.nextInt(computers)][d] += step;
                lacking -= step;
            }
        }
        List<BinType> bins = new ArrayList<>();
        for (int c = 0; c < computers; c++) {
            bins.add(new BinType(String.format("c%04d", c), new double[]{caps[c][0], caps[c][1], caps[c][2]},
                    cost[c], null, 1));
        }
        List<Item> items = new ArrayList<>();
        for (int p = 0; p < processes; p++) {
            items.add(Item.of(String.format("p%05d", p), demand[p][0], demand[p][1], demand[p][2]));
        }
        return PackingProblem.of(DIMENSIONS, items, bins);
    }

    /** A tier near the reference tier: one down with probability 1/4, one up with 1/4, rarely further. */
    private static int nearTier(Random r, int reference, int tiers) {
        int tier = reference;
        double u = r.nextDouble();
        double down = 0.25;
        while (u < down && tier >= 1) {
            tier--;
            down *= 0.10;
        }
        double up = 0.75;
        while (u >= up && tier <= tiers - 2) {
            tier++;
            up = 1.0 - (1.0 - up) * 0.10;
        }
        return tier;
    }

    /** An integer in [1, max], skewed towards 1: (B^u − 1)/(B − 1) is in [0, 1) and mostly small. */
    private static int skewed(Random r, int max) {
        double x = (Math.pow(SKEW_BASE, r.nextDouble()) - 1.0) / (SKEW_BASE - 1.0);
        return (int) Math.floor(x * max) + 1;
    }
}
