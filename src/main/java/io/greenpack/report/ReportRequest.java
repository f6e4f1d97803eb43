package io.greenpack.report;

import io.greenpack.ingest.IngestOptions;

import java.nio.file.Path;
import java.util.List;

/**
 * What a report run needs.
 *
 * @param outDir      the run folder {@code <run-id>/} is created inside it
 * @param commandLine recorded in the manifest
 */
public record ReportRequest(Path dataDir, Path outDir, IngestOptions ingest, List<String> commandLine) {
    public ReportRequest {
        commandLine = List.copyOf(commandLine);
    }
}
