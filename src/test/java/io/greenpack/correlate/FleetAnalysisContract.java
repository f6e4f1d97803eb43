package io.greenpack.correlate;

import io.greenpack.pipeline.AnalysisStages;
import io.greenpack.model.AppClassification;
import io.greenpack.config.Scenario;
import io.greenpack.ingest.Ingest;
import io.greenpack.ingest.IngestOptions;
import io.greenpack.ingest.IngestResult;
import io.greenpack.testing.TestSpark;
import io.greenpack.util.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The analysis checked against a generator's truth.json (DESIGN §7). Each fleet is ingested and
 * analysed once per class; every check is its own test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FleetAnalysisContract {
    IngestResult ingest;
    AnalysisResult result;
    TruthFile truth;

    /** The data directory, generated if needed. */
    abstract Path dataDir() throws Exception;

    @BeforeAll
    void analyse() throws Exception {
        Path dir = dataDir();
        truth = TruthFile.read(dir.resolve("truth.json"));
        if (dir.equals(io.greenpack.util.Home.sampleData())) {
            io.greenpack.testing.SampleAnalysis.Loaded shared = io.greenpack.testing.SampleAnalysis.get();
            ingest = shared.ingest();
            result = shared.analysis();
        } else {
            ingest = Ingest.run(TestSpark.session(), dir, new IngestOptions(300, 900, Instant.parse("2027-01-01T00:00:00Z")),
                    Progress.SILENT);
            result = AnalysisStages.run(TestSpark.session(), ingest, Scenario.defaults(), Progress.SILENT);
        }
        result.powerModels().values().forEach(m -> System.out.println(getClass().getSimpleName() + " " + m.model() + " "
                + m.curve() + " mape=" + m.mape() + " r2=" + m.r2() + " n=" + m.samples() + " " + m.reason()));
        System.out.println(getClass().getSimpleName() + " timings " + result.timings());
    }

    @Test
    void idleAndMaxWattsWithinThreePercentOfTruth() {
        truth.models().forEach((name, t) -> {
            PowerModel m = result.powerModels().get(name);
            assertThat(m.source()).as(name).isEqualTo("fitted");
            assertThat(m.idleWatts()).as(name + " idle").isCloseTo(t.idleWatts(), within(0.03 * t.idleWatts()));
            assertThat(m.maxWatts()).as(name + " max").isCloseTo(t.maxWatts(), within(0.03 * t.maxWatts()));
        });
    }

    @Test
    void fanExponentWithinATenthOfTruth() {
        truth.models().forEach((name, t) -> {
            PowerModel m = result.powerModels().get(name);
            if (t.family().equals("fan")) {
                assertThat(m.curve().exponent()).as(name + " r").isCloseTo(t.exponent(), within(0.1));
            }
        });
    }

    @Test
    void trueFamilyChosen() {
        truth.models().forEach((name, t) ->
                assertThat(result.powerModels().get(name).family().key()).as(name + ": " + result.powerModels().get(name).reason())
                        .isEqualTo(t.family()));
    }

    @Test
    void energyConservedPerHostAndInterval() {
        // Computed in Spark by the analysis (AnalysisOptions.verifyConservation, on by default).
        assertThat(result.fleet().maxConservationError()).isBetween(0.0, 0.005);
    }

    @Test
    void attributedEnergySumsToMeasuredEnergy() {
        double attributed = result.appEnergy().stream().mapToDouble(AppEnergy::kwh).sum();
        assertThat(attributed).isCloseTo(result.fleet().kwh(), within(0.005 * result.fleet().kwh()));
    }

    @Test
    void classCorrectForNinetyPercentOfApps() {
        Map<String, String> found = result.classes().stream()
                .collect(Collectors.toMap(AppClassification::app, c -> c.workloadClass().key()));
        long right = truth.appClasses().entrySet().stream().filter(e -> e.getValue().equals(found.get(e.getKey()))).count();
        List<String> wrong = truth.appClasses().entrySet().stream().filter(e -> !e.getValue().equals(found.get(e.getKey())))
                .map(e -> e.getKey() + " " + e.getValue() + "->" + found.get(e.getKey())).toList();
        assertThat((double) right / truth.appClasses().size()).as("wrong: " + wrong).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void everyComatoseHostWithUtilizationFoundAndNoActiveHostFlagged() {
        // Comatose needs utilization data (DESIGN §2): a comatose host of the truth without a single
        // utilization row (the generator writes none for a host without apps) is "no utilization data".
        java.util.Set<String> withUtilization = ingest.utilization().select("host").distinct().collectAsList().stream()
                .map(r -> r.getString(0)).collect(Collectors.toSet());
        List<String> flagged = result.hosts().stream().filter(HostEfficiency::comatose).map(HostEfficiency::host).sorted().toList();
        assertThat(flagged).containsExactlyInAnyOrderElementsOf(
                truth.comatoseHosts().stream().filter(withUtilization::contains).toList());
        result.hosts().stream().filter(h -> !withUtilization.contains(h.host())).forEach(h -> {
            assertThat(h.flag()).as(h.host()).isEqualTo("no utilization data");
            assertThat(h.idleWasteKwh()).as(h.host()).isZero();
        });
    }

    @Test
    void demandVectorsCoverEveryAppAndBuildOptimizerInput() {
        assertThat(result.demand()).hasSizeGreaterThanOrEqualTo(truth.appClasses().size());
        result.demand().forEach(d -> {
            assertThat(d.cpuCores()).isGreaterThanOrEqualTo(0);
            assertThat(io.greenpack.consolidate.DemandItems.toAppDemand(d).app()).isEqualTo(d.id());
        });
    }
}
