package io.greenpack.pipeline;

import io.greenpack.config.Scenario;
import io.greenpack.config.ScenarioSet;
import io.greenpack.ingest.IngestOptions;
import io.greenpack.optimize.SolverSettings;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One run of the pipeline, for every command that writes a run folder.
 *
 * @param command         which stages run and what is rendered
 * @param outDir          the run folder {@code <run-id>/} is created inside it
 * @param scenario        the assumptions (prices, carbon, PUE, headroom, sizing, targets); for
 *                        {@code whatif} the scenario set's base
 * @param scenariosFile   {@code whatif} only: the YAML the points came from (checksummed into the manifest)
 * @param scenarios       {@code whatif} only: the base and the points
 * @param solver          the optimizer's seed and limits; unused by {@code analyze}
 * @param commandLine     recorded in the manifest
 * @param notebookResults where result tables are copied for notebooks (null: not copied)
 */
public record RunRequest(Command command, Path dataDir, Path outDir, IngestOptions ingest, Scenario scenario,
                         Path scenariosFile, ScenarioSet scenarios, SolverSettings solver, List<String> commandLine,
                         Path notebookResults) {

    /** What a run does after ingest. */
    public enum Command {
        /** correlate → classify → size → consolidate → savings, every section rendered. */
        REPORT,
        /** The same stages; the page leaves out the analysis sections. */
        CONSOLIDATE,
        /** correlate → classify → size; the analysis sections and tables only. */
        ANALYZE,
        /** correlate → classify → size once per data key, then consolidate → savings per point as Spark tasks. */
        WHATIF
    }

    public RunRequest {
        Objects.requireNonNull(command, "command");
        commandLine = List.copyOf(commandLine);
        if (command == Command.WHATIF && (scenarios == null || scenariosFile == null)) {
            throw new IllegalArgumentException("a what-if run needs its scenario set and file");
        }
    }

    /** {@code report} (with the analysis sections) or {@code consolidate} (without). */
    public static RunRequest report(boolean analysisSections, Path dataDir, Path outDir, IngestOptions ingest,
                                    Scenario scenario, SolverSettings solver, List<String> commandLine,
                                    Path notebookResults) {
        return new RunRequest(analysisSections ? Command.REPORT : Command.CONSOLIDATE, dataDir, outDir, ingest, scenario,
                null, null, solver, commandLine, notebookResults);
    }

    public static RunRequest analyze(Path dataDir, Path outDir, IngestOptions ingest, Scenario scenario,
                                     List<String> commandLine, Path notebookResults) {
        return new RunRequest(Command.ANALYZE, dataDir, outDir, ingest, scenario, null, null, null, commandLine,
                notebookResults);
    }

    public static RunRequest whatIf(Path dataDir, Path outDir, IngestOptions ingest, Path scenariosFile,
                                    ScenarioSet scenarios, SolverSettings solver, List<String> commandLine) {
        return new RunRequest(Command.WHATIF, dataDir, outDir, ingest, scenarios.base(), scenariosFile, scenarios, solver,
                commandLine, null);
    }

    /** True when the page has the analysis sections (report, analyze). */
    public boolean analysisSections() {
        return command == Command.REPORT || command == Command.ANALYZE;
    }
}
