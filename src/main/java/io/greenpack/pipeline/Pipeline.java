package io.greenpack.pipeline;

import io.greenpack.util.Progress;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Runs the stages in DESIGN order — ingest → correlate → classify → size → consolidate → savings
 * → render — for one {@link RunRequest}; the only place that knows the order. Each command's run
 * writes one run folder atomically and returns its path.
 */
public final class Pipeline {
    private Pipeline() {
    }

    public static Path run(SparkSession spark, RunRequest request, Progress progress) throws IOException {
        return switch (request.command()) {
            case REPORT, CONSOLIDATE -> ReportRun.run(spark, request, progress);
            case ANALYZE -> AnalyzeRun.run(spark, request, progress);
            case WHATIF -> WhatIfRun.run(spark, request, progress);
        };
    }
}
