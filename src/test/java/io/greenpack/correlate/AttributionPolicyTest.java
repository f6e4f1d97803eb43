package io.greenpack.correlate;

import io.greenpack.pipeline.AnalysisStages;
import io.greenpack.config.IdlePolicy;
import io.greenpack.config.Scenario;
import io.greenpack.ingest.IngestResult;
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
 * Idle policies on a fleet small enough to compute by hand: host h1 (10 cores, 100 GB, nameplate
 * 100–300 W) draws 160 W for 2 hours while web uses 2 cores and db 1 core; h2 (same model) runs
 * nothing at 100 W. u never spreads, so the model falls back to nameplate: P_idle = 100 W.
 * Dynamic 60 W splits 40/20 by CPU. 1 W for 2 h = 0.002 kWh.
 */
class AttributionPolicyTest {
    @TempDir
    static Path tmp;
    static IngestResult ingest;

    @BeforeAll
    static void fleet() throws IOException {
        ingest = TinyFleet.ingest(tmp, List.of("h1,m1,10,100,100,300", "h2,m1,10,100,100,300"),
                List.of("web,shop,4,0", "db,finance,1,0"), (i, power, util) -> {
                    power.add("h1,160");
                    power.add("h2,100");
                    util.add("h1,web,2,10");
                    util.add("h1,db,1,40");
                });
    }

    static Map<String, AppEnergy> run(IdlePolicy policy) {
        Scenario d = Scenario.defaults();
        Scenario s = new Scenario("t", 0.2, "EUR", 400, List.of(), 1.5, 0.2, 95, false, 0.1, 2, List.of("all"), 3, policy, 10);
        AnalysisResult r = AnalysisStages.run(TestSpark.session(), ingest, s, Progress.SILENT);
        assertThat(r.fleet().maxConservationError()).isLessThan(1e-9);
        assertThat(r.powerModels().get("m1").source()).isEqualTo("nameplate");
        return r.appEnergy().stream().collect(Collectors.toMap(e -> e.app() + "@" + e.host(), e -> e));
    }

    @Test
    void cpuShareSplitsIdleLikeDynamic() {
        Map<String, AppEnergy> e = run(IdlePolicy.CPU_SHARE);
        assertThat(e.get("web@h1").dynamicKwh()).isCloseTo(40 * 0.002, within(1e-9));
        assertThat(e.get("web@h1").idleKwh()).isCloseTo(100 * 2 / 3.0 * 0.002, within(1e-9));
        assertThat(e.get("db@h1").kwh()).isCloseTo((20 + 100 / 3.0) * 0.002, within(1e-9));
        // The empty host's energy is its own "idle" line; cost and CO2e are of facility energy (× PUE 1.5).
        AppEnergy idle = e.get(Analysis.UNATTRIBUTED_APP + "@h2");
        assertThat(idle.kwh()).isCloseTo(0.2, within(1e-9));
        assertThat(idle.cost()).isCloseTo(0.2 * 1.5 * 0.2, within(1e-9));
        assertThat(idle.co2eKg()).isCloseTo(0.2 * 1.5 * 400 / 1000, within(1e-9));
        assertThat(e).doesNotContainKey(Analysis.UNATTRIBUTED_APP + "@h1");
    }

    @Test
    void equalSplitsIdleEvenly() {
        Map<String, AppEnergy> e = run(IdlePolicy.EQUAL);
        assertThat(e.get("web@h1").idleKwh()).isCloseTo(50 * 0.002, within(1e-9));
        assertThat(e.get("db@h1").idleKwh()).isCloseTo(50 * 0.002, within(1e-9));
    }

    @Test
    void reservedSplitsIdleByReservation() {
        Map<String, AppEnergy> e = run(IdlePolicy.RESERVED);
        assertThat(e.get("web@h1").idleKwh()).isCloseTo(80 * 0.002, within(1e-9));
        assertThat(e.get("db@h1").idleKwh()).isCloseTo(20 * 0.002, within(1e-9));
    }

    @Test
    void unattributedKeepsIdleApart() {
        Map<String, AppEnergy> e = run(IdlePolicy.UNATTRIBUTED);
        assertThat(e.get("web@h1").idleKwh()).isZero();
        assertThat(e.get(Analysis.UNATTRIBUTED_APP + "@h1").kwh()).isCloseTo(100 * 0.002, within(1e-9));
        assertThat(e.get("web@h1").kwh() + e.get("db@h1").kwh()).isCloseTo(60 * 0.002, within(1e-9));
    }
}
