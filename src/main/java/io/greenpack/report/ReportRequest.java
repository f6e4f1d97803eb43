package io.greenpack.report;

import io.greenpack.config.Scenario;
import io.greenpack.ingest.IngestOptions;
import io.greenpack.optimize.SolverSettings;

import java.nio.file.Path;
import java.util.List;

/**
 * What a report run needs.
 *
 * @param outDir      the run folder {@code <run-id>/} is created inside it
 * @param scenario    the assumptions (prices, carbon, PUE, headroom, sizing, targets)
 * @param solver      the optimizer's seed and limits
 * @param commandLine recorded in the manifest
 * @param analysisSections false for `consolidate`: the plan, savings and data quality only
 */
public record ReportRequest(Path dataDir, Path outDir, IngestOptions ingest, Scenario scenario,
                            SolverSettings solver, List<String> commandLine, boolean analysisSections) {
    public ReportRequest {
        commandLine = List.copyOf(commandLine);
    }

    /** The full report: analysis sections and consolidation. */
    public ReportRequest(Path dataDir, Path outDir, IngestOptions ingest, Scenario scenario, SolverSettings solver,
                         List<String> commandLine) {
        this(dataDir, outDir, ingest, scenario, solver, commandLine, true);
    }
}
