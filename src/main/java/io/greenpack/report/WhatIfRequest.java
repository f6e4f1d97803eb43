package io.greenpack.report;

import io.greenpack.config.ScenarioSet;
import io.greenpack.ingest.IngestOptions;
import io.greenpack.optimize.SolverSettings;

import java.nio.file.Path;
import java.util.List;

/**
 * What a what-if run needs.
 *
 * @param scenariosFile the YAML the points came from (checksummed into the manifest)
 * @param solver        seed and iteration budget; what-if runs give the clock no say (see {@link WhatIfJob})
 */
public record WhatIfRequest(Path dataDir, Path outDir, IngestOptions ingest, Path scenariosFile, ScenarioSet scenarios,
                            SolverSettings solver, List<String> commandLine) {
    public WhatIfRequest {
        commandLine = List.copyOf(commandLine);
    }
}
