package io.greenpack.cli;

import io.greenpack.config.Scenario;
import io.greenpack.config.ScenarioFile;
import io.greenpack.optimize.SolverSettings;
import io.greenpack.report.ReportJob;
import io.greenpack.report.ReportRequest;
import io.greenpack.spark.Sparks;
import io.greenpack.util.Home;
import io.greenpack.util.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "consolidate", mixinStandardHelpOptions = true,
        description = {"Consolidation alone: read fleet data, size each application's demand, pack the applications",
                "onto fewer target hosts (targets.csv) and write <out>/<run-id>/ with plan.csv (app, from_host,",
                "to_host, to_model), migration.csv, tables/plan_summary.csv and contention.csv (the plan replayed",
                "against measured demand), the host-fill chart, savings, deck.pptx and summary.md.",
                "'report' does the same plus the efficiency analysis sections."},
        footer = {"", "Examples:",
                "  greenpack consolidate                                  # bundled sample",
                "  greenpack consolidate --data /srv/dc1 --scenario keep-30pct.yaml --time-limit 20"})
public final class ConsolidateCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;
    @Mixin
    DataOptions data;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Folder the run folder <run-id>/ is created in (default: reports/ of the greenpack checkout).")
    Path out;

    @Option(names = "--scenario", paramLabel = "FILE",
            description = "Scenario YAML with the assumptions (tariff_per_kwh, currency, grid_gco2e_per_kwh, pue, headroom, "
                    + "percentile, hourly_sizing, hypervisor, targets, horizon_years, idle_policy, migration_gbps); "
                    + "a file with a 'base:' block or flat keys. Default: built-in defaults (0.18 EUR/kWh, 350 gCO2e/kWh, "
                    + "PUE 1.6, 20 % headroom, p95).")
    Path scenarioFile;

    @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "5",
            description = "Optimizer time limit (default: ${DEFAULT-VALUE}); plans are deterministic for a seed unless this cuts them short.")
    double timeLimit;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Optimizer seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "200000",
            description = "Optimizer iteration budget (default: ${DEFAULT-VALUE}); with a generous --time-limit the plan "
                    + "depends only on input, seed and this budget, on any machine.")
    long iterations;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Progress progress = Progress.to(spec.commandLine().getErr());
        List<String> commandLine = new ArrayList<>(List.of("greenpack", "consolidate"));
        commandLine.addAll(spec.commandLine().getParseResult().originalArgs());
        Path outDir = out == null ? Home.reports() : out.toAbsolutePath().normalize();
        Scenario scenario = scenarioFile == null ? Scenario.defaults() : ScenarioFile.loadSingle(scenarioFile);
        SolverSettings solver = new SolverSettings(seed, timeLimit, iterations);
        Path run = ReportJob.run(data.spark(), new ReportRequest(data.dataDir(), outDir,
                data.ingestOptions(), scenario, solver, commandLine, false), progress);
        spec.commandLine().getOut().println("report written to " + run);
        spec.commandLine().getOut().println("open " + run.resolve("index.html"));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
