package io.greenpack.cli;

import io.greenpack.config.ScenarioFile;
import io.greenpack.config.ScenarioSet;
import io.greenpack.pipeline.Pipeline;
import io.greenpack.pipeline.RunRequest;
import io.greenpack.pipeline.WhatIfRun;
import io.greenpack.util.Home;
import io.greenpack.util.Progress;
import io.greenpack.util.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "whatif", mixinStandardHelpOptions = true,
        description = {"Many scenarios over the same data, side by side: read and analyse the data once, then plan and",
                "cost every point of a scenario file (base:, named scenarios:, sweep: cartesian product, offload and",
                "harvest scenarios) as parallel Spark tasks. Writes <out>/<run-id>/ with whatif.csv and whatif.parquet",
                "(one row per point), charts/, index.html (baseline highlighted, each point linked to its plan in",
                "points/<nn-name>/), deck.pptx (one slide) and manifest.json. Results are reproducible: the optimizer",
                "stops on its iteration budget, never on the clock. A pin a point's plans cannot honour as asked (an",
                "app pinned to a host too small for it) is printed with the points it applies to, shown on the page and",
                "kept in whatif.csv's warnings column."},
        footer = {"", "Scenario file (YAML):",
                "  base:                      # the baseline; keys as for report --scenario",
                "    headroom: 0.2",
                "  scenarios:                 # each overrides base; name required",
                "    - name: blades-only",
                "      targets: [\"blade-2s-56c (illustrative)\"]",
                "    - name: offload-idle     # apps, owners or classes to an outside provider",
                "      offload: {classes: [idle], price_per_core_hour: 0.04, price_per_gb_hour: 0.005}",
                "    - name: harvest-half     # keep half the free capacity on for batch work",
                "      harvest: {share: 0.5}",
                "  sweep:                     # cartesian product over base; names like headroom=0.3",
                "    headroom: [0.1, 0.2, 0.3, 0.4]",
                "",
                "Examples:",
                "  greenpack whatif                                   # bundled sample + notebooks-data/whatif-example.yaml",
                "  greenpack whatif --data /srv/dc1 --scenarios what-if.yaml --out /srv/reports",
                "  greenpack whatif --data /shared/dc1 --scenarios w.yaml --master spark://10.0.0.5:7077 --driver-host 10.0.0.9"})
public final class WhatIfCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;
    @Mixin
    DataOptions data;

    @Option(names = "--scenarios", paramLabel = "FILE",
            description = "What-if YAML: base:, scenarios: and sweep: (see below). Default: the bundled example "
                    + "notebooks-data/whatif-example.yaml. A sweep may have at most 10,000 points.")
    Path scenariosFile;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Folder the run folder <run-id>/ is created in (default: reports/ of the greenpack checkout). "
                    + "Checked before any work (a writable folder, not under /proc, /sys or /dev); hidden .<run-id>.partial "
                    + "folders that killed runs left in it are removed.")
    Path out;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Optimizer seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "" + WhatIfRun.DEFAULT_ITERATIONS,
            description = "Optimizer iteration budget per point (default: ${DEFAULT-VALUE}); there is no time limit, so "
                    + "the numbers depend only on data, file, seed and this budget.")
    long iterations;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (iterations < 1) {
            throw new UserError("--iterations: expected a number of iterations >= 1, got " + iterations);
        }
        Progress progress = Progress.to(spec.commandLine().getErr());
        List<String> commandLine = new ArrayList<>(List.of("greenpack", "whatif"));
        commandLine.addAll(spec.commandLine().getParseResult().originalArgs());
        Path file = scenariosFile == null ? Home.dir().resolve("notebooks-data/whatif-example.yaml")
                : scenariosFile.toAbsolutePath().normalize();
        ScenarioSet set = ScenarioFile.load(file);
        Path outDir = RunFolderOptions.prepare(spec, out == null ? Home.reports() : out.toAbsolutePath().normalize());
        long t0 = System.nanoTime();
        Path run = Pipeline.run(data.spark(), RunRequest.whatIf(data.dataDir(), outDir, data.ingestOptions(), file, set,
                WhatIfRun.solver(seed, iterations), commandLine), progress);
        spec.commandLine().getOut().printf("what-if of %d points written to %s (%.1f s)%n", set.whatIf().size(), run,
                (System.nanoTime() - t0) / 1e9);
        spec.commandLine().getOut().println("open " + run.resolve("index.html"));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
