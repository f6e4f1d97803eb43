package io.greenpack.bench;

import io.greenpack.optimize.BinType;
import io.greenpack.optimize.Item;
import io.greenpack.optimize.PackingProblem;
import io.greenpack.optimize.PackingSolver;
import io.greenpack.optimize.Plan;
import io.greenpack.optimize.SolverSettings;
import io.greenpack.util.Home;
import io.greenpack.util.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

/**
 * {@code greenpack bench pack}: measures the packing solver against plain first-fit decreasing (by
 * the first dimension) and the lower bound on generated two-dimensional instances, all in one run,
 * and times a 10,000-item instance onto three bin types.
 */
@Command(name = "pack", mixinStandardHelpOptions = true,
        description = {"Benchmark the packing solver: mean bins for our solver, first-fit decreasing and the",
                "lower bound per instance class (uniform, correlated, anti-correlated), plus the time for a",
                "large instance. Writes pack.csv and pack.md."},
        footer = {"", "Example:", "  greenpack bench pack --instances 5 --time-limit 1 --out reports/bench"})
public final class BenchPackCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: reports/bench under the greenpack home).")
    Path out;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the instance generator and the solver (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--instances", defaultValue = "5", description = "Instances per class and size (default: ${DEFAULT-VALUE}).")
    int instances;

    @Option(names = "--sizes", split = ",", defaultValue = "25,100,500,1000",
            description = "Item counts to generate (default: ${DEFAULT-VALUE}).")
    List<Integer> sizes;

    @Option(names = "--time-limit", defaultValue = "1", paramLabel = "SECONDS",
            description = "Time limit per instance (default: ${DEFAULT-VALUE}).")
    double timeLimit;

    @Option(names = "--iterations", defaultValue = "20000", description = "Iteration budget per instance (default: ${DEFAULT-VALUE}).")
    long iterations;

    @Option(names = "--large-items", defaultValue = "10000",
            description = "Items in the timed large instance onto 3 bin types; 0 skips it (default: ${DEFAULT-VALUE}).")
    int largeItems;

    @Option(names = "--large-time-limit", defaultValue = "5", paramLabel = "SECONDS",
            description = "Time limit of the large instance (default: ${DEFAULT-VALUE}, the pack default).")
    double largeTimeLimit;

    @Option(names = "--bounded-sizes", split = ",", defaultValue = "100,200,400,800,1200,2400",
            description = "Computers in the bounded-availability (cloud balancing) class; 0 skips it (default: ${DEFAULT-VALUE}).")
    List<Integer> boundedSizes;

    @Option(names = "--bounded-time-limits", split = ",", defaultValue = "10", paramLabel = "SECONDS",
            description = "Time limits of the bounded-availability class, e.g. 10,60 (default: ${DEFAULT-VALUE}).")
    List<Double> boundedTimeLimits;

    @Option(names = "--bounded-seed", defaultValue = "47",
            description = "Seed of the bounded-availability instances; 47 draws OptaPlanner's published datasets (default: ${DEFAULT-VALUE}).")
    long boundedSeed;

    static final String[] CLASSES = {"uniform", "correlated", "anti-correlated"};
    static final List<String> DIMS = List.of("cpu", "mem");

    @Override
    public Integer call() throws IOException {
        if (instances < 1 || sizes.stream().anyMatch(s -> s < 1)) {
            throw new UserError("--instances and --sizes must be >= 1");
        }
        Path dir = out != null ? out : Home.reports().resolve("bench");
        Files.createDirectories(dir);
        StringBuilder csv = new StringBuilder("class,items,instances,mean_bins_ours,mean_bins_ffd,mean_lower_bound,"
                + "ours_vs_ffd_pct,instances_worse_than_ffd,mean_gap_pct,mean_seconds\n");
        StringBuilder md = new StringBuilder("# Packing benchmark\n\n");
        md.append(String.format(Locale.ROOT, "Two-dimensional items (sizes in per mille of a 1000 × 1000 bin), %d instances "
                + "per row, seed %d, time limit %.1f s and %d iterations per instance; FFD = first-fit decreasing by "
                + "the first dimension. Measured in one run on %d cores.%n%n", instances, seed, timeLimit, iterations,
                Runtime.getRuntime().availableProcessors()));
        md.append("| class | items | ours (mean bins) | FFD | lower bound | ours vs FFD | worse than FFD | gap to LB | s/instance |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String cls : CLASSES) {
            for (int n : sizes) {
                double ours = 0, ffd = 0, lb = 0, secs = 0, gap = 0;
                int worse = 0;
                for (int r = 0; r < instances; r++) {
                    PackingProblem p = instance(cls, n, seed * 1_000_003L + r * 7919L + n);
                    Plan a = new PackingSolver(new SolverSettings(seed, timeLimit, iterations)).solve(p);
                    Plan f = PackingSolver.firstFitDecreasing(p);
                    ours += a.binsUsed();
                    ffd += f.binsUsed();
                    lb += a.lowerBound();
                    gap += a.gap();
                    secs += a.seconds();
                    worse += a.binsUsed() > f.binsUsed() ? 1 : 0;
                }
                ours /= instances;
                ffd /= instances;
                lb /= instances;
                gap /= instances;
                secs /= instances;
                double vs = (ours - ffd) / ffd * 100;
                csv.append(String.format(Locale.ROOT, "%s,%d,%d,%.2f,%.2f,%.2f,%.2f,%d,%.2f,%.3f%n",
                        cls, n, instances, ours, ffd, lb, vs, worse, gap * 100, secs));
                md.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %+.1f %% | %d | %.1f %% | %.2f |%n",
                        cls, n, ours, ffd, lb, vs, worse, gap * 100, secs));
                spec.commandLine().getOut().printf(Locale.ROOT, "%-16s %5d items: ours %.2f, FFD %.2f, LB %.2f (%.2f s)%n",
                        cls, n, ours, ffd, lb, secs);
                spec.commandLine().getOut().flush();
            }
        }
        if (largeItems > 0) {
            PackingProblem big = largeInstance(largeItems, seed);
            long t0 = System.nanoTime();
            Plan a = new PackingSolver(new SolverSettings(seed, largeTimeLimit, SolverSettings.DEFAULT_MAX_ITERATIONS)).solve(big);
            double wall = (System.nanoTime() - t0) / 1e9;
            Plan f = PackingSolver.firstFitDecreasing(big);
            String line = String.format(Locale.ROOT, "%d items onto 3 bin types: %.2f s wall (time limit %.1f s, %d iterations, "
                            + "stopped by %s), %d bins (cost %.1f), FFD %d bins (cost %.1f), lower bound %d bins",
                    largeItems, wall, largeTimeLimit, a.iterations(), a.stoppedBy(), a.binsUsed(), a.objective(),
                    f.binsUsed(), f.objective(), a.lowerBound());
            md.append("\nLarge instance: ").append(line).append(".\n");
            csv.append(String.format(Locale.ROOT, "large-3-types,%d,1,%d,%d,%d,%.2f,%d,%.2f,%.3f%n", largeItems,
                    a.binsUsed(), f.binsUsed(), a.lowerBound(), (a.binsUsed() - f.binsUsed()) * 100.0 / f.binsUsed(),
                    a.binsUsed() > f.binsUsed() ? 1 : 0, a.gap() * 100, wall));
            spec.commandLine().getOut().println(line);
        }
        List<Integer> bounded = boundedSizes.stream().filter(n -> n > 0).toList();
        if (!bounded.isEmpty()) {
            StringBuilder boundedCsv = new StringBuilder(BenchBoundedPack.CSV_HEADER);
            BenchBoundedPack.run(bounded, boundedTimeLimits, boundedSeed, boundedCsv, md,
                    spec.commandLine().getOut());
            Files.writeString(dir.resolve("pack_bounded.csv"), boundedCsv);
        }
        Files.writeString(dir.resolve("pack.csv"), csv);
        Files.writeString(dir.resolve("pack.md"), md);
        spec.commandLine().getOut().println("wrote " + dir.resolve("pack.csv") + " and pack.md");
        return 0;
    }

    /** One generated instance of a class: sizes in per mille of a 1000 × 1000 bin. */
    static PackingProblem instance(String cls, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double a = 100 + r.nextInt(500);
            double b = switch (cls) {
                case "uniform" -> 100 + r.nextInt(500);
                case "correlated" -> clamp(a + r.nextInt(101) - 50);
                case "anti-correlated" -> clamp(700 - a + r.nextInt(101) - 50);
                default -> throw new UserError("unknown instance class " + cls);
            };
            items.add(Item.of(String.format("i%05d", i), a, b));
        }
        return PackingProblem.of(DIMS, items, List.of(BinType.of("bin", 1000, 1000)));
    }

    /** Many items onto three bin types of different shape and price. */
    static PackingProblem largeInstance(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add(Item.of(String.format("i%05d", i), 20 + r.nextInt(400), 20 + r.nextInt(400)));
        }
        List<BinType> types = List.of(BinType.of("std", 1000, 1000).withCost(1.0),
                BinType.of("cpu-rich", 2000, 1000).withCost(1.6),
                BinType.of("mem-rich", 1000, 2500).withCost(1.9));
        return PackingProblem.of(DIMS, items, types);
    }

    private static double clamp(double v) {
        return Math.max(20, Math.min(980, v));
    }
}
