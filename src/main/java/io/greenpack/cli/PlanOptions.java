package io.greenpack.cli;

import io.greenpack.config.Scenario;
import io.greenpack.config.ScenarioFile;
import io.greenpack.optimize.SolverSettings;
import io.greenpack.pipeline.Pipeline;
import io.greenpack.pipeline.RunRequest;
import io.greenpack.util.Home;
import io.greenpack.util.Progress;
import io.greenpack.util.UserError;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;

/** Options of the commands that plan a consolidation (report, consolidate): the scenario and the optimizer's limits. */
public final class PlanOptions {
    @Option(names = "--scenario", paramLabel = "FILE",
            description = "Scenario YAML with the assumptions (the scenario keys listed below); "
                    + "a file with a 'base:' block or flat keys. Default: built-in defaults (0.18 EUR/kWh, 350 gCO2e/kWh, "
                    + "PUE 1.6, 20 %% headroom, p95).")
    Path scenarioFile;

    @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "5",
            description = "Optimizer time limit per plan (default: ${DEFAULT-VALUE}), a cap for large fleets: on the "
                    + "bundled sample the iteration budget ends each plan in about a second, so plans are the same on "
                    + "every run; where the clock stops a plan first, the report says 'Solver: time' and a rerun may differ.")
    double timeLimit;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Optimizer seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "20000",
            description = "Optimizer iteration budget per plan (default: ${DEFAULT-VALUE}, the same as whatif's, so "
                    + "whatif's base point has the report's plan); with a generous --time-limit the plan depends only "
                    + "on input, seed and this budget, on any machine.")
    long iterations;

    /** The scenario file's single scenario, or the built-in defaults. */
    public Scenario scenario() {
        return scenarioFile == null ? Scenario.defaults() : ScenarioFile.loadSingle(scenarioFile);
    }

    /** The optimizer's settings; a zero or negative budget or limit is refused (the solver would do nothing). */
    public SolverSettings solver() {
        if (!(timeLimit > 0) || Double.isInfinite(timeLimit)) {
            throw new UserError("--time-limit: expected a number of seconds > 0, got " + timeLimit);
        }
        if (iterations < 1) {
            throw new UserError("--iterations: expected a number of iterations >= 1, got " + iterations);
        }
        return new SolverSettings(seed, timeLimit, iterations);
    }

    /**
     * Runs the report job for {@code report} (with the analysis sections) or {@code consolidate}
     * (without), prints where it went and returns the exit code.
     */
    int runReport(CommandSpec spec, DataOptions data, RunFolderOptions runFolder, boolean analysisSections)
            throws IOException {
        SolverSettings solver = solver();
        Scenario scenario = scenario();
        Path outDir = RunFolderOptions.prepare(spec, runFolder.outDir());
        Progress progress = Progress.to(spec.commandLine().getErr());
        Path run = Pipeline.run(data.spark(), RunRequest.report(analysisSections, data.dataDir(), outDir,
                data.ingestOptions(), scenario, solver, RunFolderOptions.commandLine(spec), Home.notebookResults()),
                progress);
        RunFolderOptions.printWritten(spec, "report", run);
        return 0;
    }
}
