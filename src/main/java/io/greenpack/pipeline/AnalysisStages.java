package io.greenpack.pipeline;

import io.greenpack.classify.Classifier;
import io.greenpack.config.Scenario;
import io.greenpack.correlate.Analysis;
import io.greenpack.correlate.AnalysisOptions;
import io.greenpack.correlate.AnalysisResult;
import io.greenpack.correlate.AppEnergy;
import io.greenpack.ingest.IngestResult;
import io.greenpack.model.AppClassification;
import io.greenpack.model.AppDemandVector;
import io.greenpack.model.HostSpec;
import io.greenpack.size.Sizing;
import io.greenpack.util.Progress;
import org.apache.spark.sql.SparkSession;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Spark stages after ingest, in DESIGN order: correlate → classify → size. Correlate finds
 * power models, energy and usage; classify gives every app a class and a virtualisation verdict
 * (and labels its energy lines with them); size turns usage into demand vectors.
 */
public final class AnalysisStages {
    private AnalysisStages() {
    }

    public static AnalysisResult run(SparkSession spark, IngestResult in, Scenario sc, Progress progress) {
        return run(spark, in, sc, AnalysisOptions.defaults(), progress);
    }

    public static AnalysisResult run(SparkSession spark, IngestResult in, Scenario sc, AnalysisOptions opt,
                                     Progress progress) {
        AnalysisResult correlated = Analysis.run(spark, in, sc, opt, progress);
        Map<String, HostSpec> hosts = new LinkedHashMap<>();
        in.hosts().hosts().forEach(h -> hosts.put(h.host(), h));
        Map<String, AppClassification> classes = Classifier.classifyAll(correlated.usage(), hosts, in.apps());
        List<AppEnergy> labelled = Classifier.label(correlated.appEnergy(), classes);

        Map<String, Double> timings = new LinkedHashMap<>();
        Map<String, double[][]> hourly = Map.of();
        if (sc.hourlySizing()) {
            long t0 = System.nanoTime();
            hourly = progress.step("analysis: hourly demand",
                    () -> Sizing.hourly(in.utilization(), sc.percentile() / 100.0, in.intervalSeconds()));
            timings.put("hourly demand", (System.nanoTime() - t0) / 1e9);
        }
        List<AppDemandVector> demand = Sizing.vectors(correlated.usage(), hourly, classes, in.apps());
        return correlated.classifiedAndSized(new ArrayList<>(classes.values()), labelled, demand, timings);
    }
}
