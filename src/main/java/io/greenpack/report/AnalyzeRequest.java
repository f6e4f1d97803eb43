package io.greenpack.report;

import io.greenpack.config.Scenario;
import io.greenpack.ingest.IngestOptions;

import java.nio.file.Path;
import java.util.List;

/**
 * What an analyze run needs.
 *
 * @param notebookResults where result tables are copied for notebooks (null: not copied)
 */
public record AnalyzeRequest(Path dataDir, Path outDir, IngestOptions ingest, Scenario scenario, List<String> commandLine,
                             Path notebookResults) {
    public AnalyzeRequest {
        commandLine = List.copyOf(commandLine);
    }
}
