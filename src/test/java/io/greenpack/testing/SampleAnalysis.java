package io.greenpack.testing;

import io.greenpack.pipeline.AnalysisStages;
import io.greenpack.config.Scenario;
import io.greenpack.correlate.AnalysisResult;
import io.greenpack.ingest.Ingest;
import io.greenpack.ingest.IngestOptions;
import io.greenpack.ingest.IngestResult;
import io.greenpack.util.Home;
import io.greenpack.util.Progress;

import java.time.Instant;

/**
 * The bundled sample ingested and analysed once per test run (surefire runs all classes in one
 * JVM): several test classes check different things about the same analysis.
 */
public final class SampleAnalysis {
    public record Loaded(IngestResult ingest, AnalysisResult analysis) {
    }

    private static Loaded loaded;

    private SampleAnalysis() {
    }

    public static synchronized Loaded get() {
        // Datasets belong to the session that made them: after the shared context was stopped
        // (SparksRecoveryTest does that on purpose) they are dead, so load again in the new one.
        if (loaded == null || stale(loaded)) {
            IngestResult ingest = Ingest.run(TestSpark.session(), Home.sampleData(),
                    new IngestOptions(300, 900, Instant.parse("2027-01-01T00:00:00Z")), Progress.SILENT);
            loaded = new Loaded(ingest, AnalysisStages.run(TestSpark.session(), ingest, Scenario.defaults(), Progress.SILENT));
        }
        return loaded;
    }

    private static boolean stale(Loaded l) {
        return l.analysis().datasets().hostIntervals().sparkSession().sparkContext().isStopped();
    }
}
