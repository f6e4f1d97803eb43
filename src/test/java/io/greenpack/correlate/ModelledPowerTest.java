package io.greenpack.correlate;

import io.greenpack.config.Scenario;
import io.greenpack.consolidate.ConsolidationStage;
import io.greenpack.ingest.IngestResult;
import io.greenpack.ingest.catalog.TargetCatalog;
import io.greenpack.savings.MeasuredHost;
import io.greenpack.testing.TestSpark;
import io.greenpack.util.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Hosts without power samples get modelled power; hosts without utilization samples get no
 * utilization verdict. Two hours (24 intervals of 5 minutes), so 1 W over the window = 0.002 kWh:
 * <ul>
 * <li>h1 metered: 200 W, 5 of 10 cores busy;</li>
 * <li>h2 no meter, nameplate 100–300 W in hosts.csv, 2.5 of 10 cores busy: 150 W;</li>
 * <li>h3 no meter, no nameplate, model "cat" with a targets.csv line 50–250 W, 5 of 10 cores: 150 W;</li>
 * <li>h4 no meter, no nameplate, unknown model, 16 cores, 4 busy: the default curve at u = 0.25;</li>
 * <li>h5 metered at 120 W, no utilization samples at all: "no utilization data", never comatose.</li>
 * </ul>
 */
class ModelledPowerTest {
    @TempDir
    static Path tmp;
    static IngestResult ingest;
    static AnalysisResult result;
    static Map<String, HostEfficiency> hosts;

    @BeforeAll
    static void fleet() throws IOException {
        ingest = TinyFleet.ingest(tmp, List.of("h1,m1,10,100,100,300", "h2,m1,10,100,100,300", "h3,cat,10,100,,",
                        "h4,unknown-16c,16,100,,", "h5,m5,10,100,,"),
                List.of(), (i, power, util) -> {
                    power.add("h1,200");
                    power.add("h5,120");
                    util.add("h1,web,5,10");
                    util.add("h2,web2,2.5,10");
                    util.add("h3,db,5,10");
                    util.add("h4,batch,4,10");
                });
        AnalysisOptions opt = AnalysisOptions.defaults().withCatalog(Map.of("cat", FittedCurve.linear(50, 250)));
        result = Analysis.run(TestSpark.session(), ingest, Scenario.defaults(), opt, Progress.SILENT);
        hosts = result.hosts().stream().collect(Collectors.toMap(HostEfficiency::host, h -> h));
    }

    @Test
    void everyHostWithUtilizationOrPowerIsCountedMeteredOrModelled() {
        assertThat(hosts).containsOnlyKeys("h1", "h2", "h3", "h4", "h5");
        assertThat(result.meteredHosts()).isEqualTo(2);
        assertThat(result.modelledHosts()).isEqualTo(3);
        assertThat(hosts.get("h1").power()).isEqualTo("metered");
        assertThat(hosts.get("h2").power()).isEqualTo("modelled (no meter)");
    }

    @Test
    void modelledEnergyFollowsTheFallbackOrder() {
        assertThat(hosts.get("h2").kwh()).as("hosts.csv 100 + 200 × 0.25").isCloseTo(150 * 0.002, within(1e-9));
        assertThat(hosts.get("h3").kwh()).as("targets.csv 50 + 200 × 0.5").isCloseTo(150 * 0.002, within(1e-9));
        assertThat(hosts.get("h4").kwh()).as("default curve, 16 cores, u = 0.25")
                .isCloseTo(DefaultPowerCurve.forCores(16).watts(0.25) * 0.002, within(1e-9));
        assertThat(hosts.get("h2").intervals()).isEqualTo(24);
        assertThat(hosts.get("h2").idleKwh()).as("its own curve's idle 100 W").isCloseTo(100 * 0.002, within(1e-9));
        // Attribution of modelled power conserves it too.
        assertThat(result.fleet().maxConservationError()).isLessThan(1e-9);
        assertThat(result.fleet().kwh()).isCloseTo((200 + 120 + 150 + 150 + DefaultPowerCurve.forCores(16).watts(0.25)) * 0.002,
                within(1e-9));
    }

    @Test
    void modelledSamplesNeverFeedAPowerModelFit() {
        // m1 has one metered host (h1, u = 0.5 only) and one modelled one (h2, u = 0.25): fitted on h1's
        // 24 samples alone they are too few, so m1 falls back to its nameplate curve, and says so.
        PowerModel m1 = result.powerModels().get("m1");
        assertThat(m1.samples()).isEqualTo(24);
        assertThat(m1.source()).isEqualTo("nameplate");
        assertThat(m1.reason()).startsWith("fallback: ");
        assertThat(result.scatter()).allMatch(p -> p.model().equals("m1") && p.util() == 0.5);
    }

    @Test
    void aHostWithPowerAndNoUtilizationIsNeverComatose() {
        HostEfficiency h5 = hosts.get("h5");
        assertThat(h5.comatose()).isFalse();
        assertThat(h5.hasUtilization()).isFalse();
        assertThat(h5.flag()).isEqualTo("no utilization data");
        assertThat(h5.idleWasteKwh()).as("idle waste needs utilization").isZero();
        assertThat(h5.kwh()).isCloseTo(120 * 0.002, within(1e-9));
        assertThat(result.fleet().comatoseHosts()).isZero();
        assertThat(result.fleet().idleWasteKwh()).isZero();
    }

    @Test
    void modelledHostsAreTodaysServersAndSaySo() {
        List<MeasuredHost> today = ConsolidationStage.inputs(ingest, result, TargetCatalog.empty()).measured();
        assertThat(today).extracting(MeasuredHost::host).containsExactlyInAnyOrder("h1", "h2", "h3", "h4", "h5");
        assertThat(today.stream().filter(h -> !h.metered()).map(MeasuredHost::host)).containsExactlyInAnyOrder("h2", "h3", "h4");
    }
}
