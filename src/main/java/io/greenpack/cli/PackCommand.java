package io.greenpack.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.greenpack.optimize.PackCsv;
import io.greenpack.optimize.PackingProblem;
import io.greenpack.optimize.PackingSolver;
import io.greenpack.optimize.Plan;
import io.greenpack.optimize.PlannedBin;
import io.greenpack.optimize.SolverSettings;
import io.greenpack.util.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "pack", mixinStandardHelpOptions = true,
        description = {"Pack items with demand vectors into as few (or as cheap) bins as possible, with the",
                "optimizer alone on generic CSV input. Reports objective, bins used, a lower bound and the gap."},
        footer = {"",
                "items.csv: id, one numeric column per dimension (any names), optional group, pin, dedicated.",
                "bins.csv:  type, the same dimension columns as capacities, optional cost (default 1), available.",
                "",
                "Example:",
                "  greenpack pack --items items.csv --bins bins.csv --headroom 0.2 --time-limit 10 --out plan.json",
                "",
                "Plans are deterministic for a given input and --seed unless the time limit cuts the search",
                "(the JSON says stopped_by: time-limit); bound the work with --iterations for exact repeats."})
public final class PackCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--items", required = true, paramLabel = "FILE", description = "Items CSV: id, dimension columns, optional group.")
    Path items;

    @Option(names = "--bins", required = true, paramLabel = "FILE", description = "Bin types CSV: type, capacities, optional cost, available.")
    Path bins;

    @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "5",
            description = "Stop improving after this many seconds (default: ${DEFAULT-VALUE}).")
    double timeLimit;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "200000",
            description = "Stop improving after this many search iterations (default: ${DEFAULT-VALUE}).")
    long iterations;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Random seed of the search (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--headroom", paramLabel = "FRACTION", defaultValue = "0",
            description = "Fraction of every bin kept free, in [0,1) (default: ${DEFAULT-VALUE}).")
    double headroom;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the plan JSON here (default: print it).")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (!(timeLimit > 0)) {
            throw new UserError("--time-limit: expected seconds > 0, got " + timeLimit);
        }
        if (iterations < 0) {
            throw new UserError("--iterations: expected a number >= 0, got " + iterations);
        }
        PackingProblem problem = PackCsv.read(items, bins, headroom);
        Plan plan = new PackingSolver(new SolverSettings(seed, timeLimit, iterations)).solve(problem);
        String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(toJson(problem, plan));
        if (out == null) {
            spec.commandLine().getOut().println(json);
        } else {
            Path abs = out.toAbsolutePath();
            Files.createDirectories(abs.getParent());
            // Written aside and renamed, so a failed run never leaves half a plan over a good one.
            Path tmp = Files.createTempFile(abs.getParent(), ".plan", ".json.tmp");
            Files.writeString(tmp, json + System.lineSeparator());
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            spec.commandLine().getOut().printf("%d bins (lower bound %d, gap %.1f %%), objective %s -> %s%n",
                    plan.binsUsed(), plan.lowerBound(), plan.gap() * 100, plan.objective(), out);
        }
        return 0;
    }

    static Map<String, Object> toJson(PackingProblem problem, Plan plan) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("objective", plan.objective());
        m.put("bins_used", plan.binsUsed());
        m.put("lower_bound", plan.lowerBound());
        m.put("gap", plan.gap());
        m.put("seconds", plan.seconds());
        m.put("objective_kind", plan.objectiveKind().name().toLowerCase());
        m.put("lower_bounds", Map.of("volume", plan.bounds().volume(), "martello_toth", plan.bounds().martelloToth(),
                "conflict", plan.bounds().conflict(), "big_pairs", plan.bounds().bigPairs()));
        m.put("iterations", plan.iterations());
        m.put("stopped_by", plan.stoppedBy());
        m.put("seed", plan.seed());
        m.put("dimensions", problem.dimensions());
        m.put("mean_balance", plan.meanBalance());
        List<Map<String, Object>> bins = new ArrayList<>();
        for (PlannedBin b : plan.bins()) {
            Map<String, Object> bm = new LinkedHashMap<>();
            bm.put("type", b.type());
            bm.put("items", b.items());
            Map<String, Double> fill = new LinkedHashMap<>();
            for (int d = 0; d < problem.dimensions().size(); d++) {
                fill.put(problem.dimensions().get(d), b.peakFill()[d]);
            }
            bm.put("fill", fill);
            bm.put("balance", b.balance());
            bins.add(bm);
        }
        m.put("bins", bins);
        return m;
    }
}
