package io.greenpack.optimize;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Test instances with known structure. */
final class Instances {
    private Instances() {
    }

    static final List<String> CPU_MEM = List.of("cores", "mem_gb");

    /** N CPU-heavy (0.6, 0.2) and N memory-heavy (0.2, 0.6) items on unit bins. */
    static PackingProblem complementary(int n) {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add(Item.of(String.format("cpu%03d", i), 0.6, 0.2));
            items.add(Item.of(String.format("mem%03d", i), 0.2, 0.6));
        }
        return PackingProblem.of(CPU_MEM, items, List.of(BinType.of("unit", 1.0, 1.0)));
    }

    /**
     * Falkenauer-style triplets in two dimensions: each of {@code bins} bins of capacity 1000 × 1000
     * is filled exactly by three items, so the optimum is {@code bins}. Items are shuffled with the seed.
     */
    static PackingProblem triplets(int bins, long seed) {
        Random r = new Random(seed);
        List<Item> items = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            int[] a = split(r);
            int[] m = split(r);
            for (int q = 0; q < 3; q++) {
                items.add(Item.of("t" + b + "_" + q, a[q], m[(q + 1) % 3]));
            }
        }
        java.util.Collections.shuffle(items, r);
        List<Item> renamed = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            renamed.add(Item.of(String.format("i%04d", i), it.demand()));
        }
        return PackingProblem.of(CPU_MEM, renamed, List.of(BinType.of("b", 1000, 1000)));
    }

    /** Three integers in [250, 500) that sum to 1000. */
    private static int[] split(Random r) {
        while (true) {
            int x = 250 + r.nextInt(250);
            int y = 250 + r.nextInt(250);
            int z = 1000 - x - y;
            if (z >= 250 && z < 500) {
                return new int[]{x, y, z};
            }
        }
    }

    static SolverSettings quick(long seed) {
        return new SolverSettings(seed, 30, 3000);
    }
}
