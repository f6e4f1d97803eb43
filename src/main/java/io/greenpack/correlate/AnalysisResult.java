package io.greenpack.correlate;

import io.greenpack.config.Scenario;
import io.greenpack.model.AppClassification;
import io.greenpack.model.AppDemandVector;
import io.greenpack.model.AppUsage;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the correlate, classify and size stages found (DESIGN §3, §4), as plain values.
 * Correlate fills all but {@code classes} and {@code demand} (and the class columns of
 * {@code appEnergy}); {@link #classifiedAndSized} adds what classify and size found.
 *
 * @param powerModels by hardware model name
 * @param appEnergy   per app and host, plus one {@value Analysis#UNATTRIBUTED_APP} line per host with unattributed energy
 * @param timings     seconds per step
 * @param datasets    the lazy Spark datasets behind the figures, for checks and further queries
 */
public record AnalysisResult(Scenario scenario, Map<String, PowerModel> powerModels, List<HostEfficiency> hosts,
                             List<AppEnergy> appEnergy, List<AppUsage> usage, List<AppClassification> classes,
                             List<AppDemandVector> demand, List<OwnerShowback> showback, FleetEfficiency fleet,
                             List<ScatterPoint> scatter, Instant first, Instant last, long intervalSeconds,
                             Map<String, Double> timings, Datasets datasets) {

    /**
     * @param hostIntervals host, ts, model, watts, u, cpu_sum, n_apps, idle_w, dyn_w, un_idle_w, un_dyn_w (one row per measured host-interval)
     * @param attributed    host, app, ts, dyn_app_w, idle_app_w (one row per utilization sample)
     * @param persisted     what the analysis persisted under them; {@link AnalysisResult#release()} unpersists it
     */
    public record Datasets(Dataset<Row> hostIntervals, Dataset<Row> attributed, List<Dataset<Row>> persisted) {
        public Datasets {
            persisted = List.copyOf(persisted);
        }
    }

    /**
     * Unpersists what the analysis cached. Call it when the run is done with the datasets (the
     * report releases after its last stage); the datasets stay usable, later queries recompute them.
     * Idempotent.
     */
    public void release() {
        datasets.persisted().forEach(AnalysisCaches::release);
    }

    /** For try-with-resources: {@code try (var r = analysis.releasing()) { ... }}. */
    public Releasing releasing() {
        return this::release;
    }

    /** An {@link AutoCloseable} that releases the analysis' cache and throws nothing. */
    public interface Releasing extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * This result with classify's classes and labelled energy lines and size's demand; the steps'
     * timings are added after correlate's.
     */
    public AnalysisResult classifiedAndSized(List<AppClassification> classified, List<AppEnergy> labelledEnergy,
                                             List<AppDemandVector> sized, Map<String, Double> moreTimings) {
        Map<String, Double> allTimings = new java.util.LinkedHashMap<>(timings);
        allTimings.putAll(moreTimings);
        return new AnalysisResult(scenario, powerModels, hosts, labelledEnergy, usage, classified, sized, showback,
                fleet, scatter, first, last, intervalSeconds, allTimings, datasets);
    }

    /** Hosts whose energy comes from their power samples. */
    public long meteredHosts() {
        return hosts.stream().filter(HostEfficiency::metered).count();
    }

    /** Hosts without power samples whose energy is modelled from utilization ("modelled (no meter)"). */
    public long modelledHosts() {
        return hosts.size() - meteredHosts();
    }

    public AnalysisResult {
        powerModels = Map.copyOf(powerModels);
        hosts = List.copyOf(hosts);
        appEnergy = List.copyOf(appEnergy);
        usage = List.copyOf(usage);
        classes = List.copyOf(classes);
        demand = List.copyOf(demand);
        showback = List.copyOf(showback);
        scatter = List.copyOf(scatter);
        timings = Map.copyOf(timings);
    }
}
