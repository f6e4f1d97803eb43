package io.greenpack.whatif;

import io.greenpack.consolidate.FleetInputs;
import io.greenpack.correlate.AnalysisResult;
import io.greenpack.ingest.IngestResult;

import java.util.Map;

/**
 * What a what-if run computes once from the data before it evaluates its points: the ingest, and
 * per data key ({@link WhatIf#dataKey}) the analysis and the consolidate stage's plain inputs.
 */
public record WhatIfData(IngestResult ingest, Map<String, AnalysisResult> analyses, Map<String, FleetInputs> inputs) {
}
