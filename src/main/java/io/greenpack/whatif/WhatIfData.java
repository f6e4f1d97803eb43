package io.greenpack.whatif;

import io.greenpack.consolidate.OptionInputs;
import io.greenpack.correlate.AnalysisResult;
import io.greenpack.ingest.IngestResult;

import java.util.Map;

/**
 * What a what-if run computes once from the data before it evaluates its points: the ingest, and
 * per data key ({@link WhatIf#dataKey}) the analysis and what the consolidate stage plans
 * the options from (plain values, broadcast to the points' Spark tasks).
 */
public record WhatIfData(IngestResult ingest, Map<String, AnalysisResult> analyses, Map<String, OptionInputs> inputs) {
}
