package io.greenpack.config;

import io.greenpack.util.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The what-if side of scenario files: sweeps, named scenarios, offload and harvest, and their messages. */
class WhatIfScenarioFileTest {
    @TempDir
    Path dir;

    private Path file(String yaml) throws IOException {
        Path f = dir.resolve("w.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void sweepIsTheCartesianProductFirstKeySlowestAfterBaseAndNamedScenarios() throws IOException {
        ScenarioSet set = ScenarioFile.load(file("""
                base: {headroom: 0.2}
                scenarios:
                  - name: harvest-half
                    harvest: {share: 0.5}
                sweep:
                  headroom: [0.1, 0.3, 0.4]
                  pue: [1.4, 1.6]
                """));
        assertThat(set.whatIf()).hasSize(1 + 1 + 6);
        assertThat(set.whatIf().stream().map(WhatIfPoint::name).toList()).containsExactly("base", "harvest-half",
                "headroom=0.1,pue=1.4", "headroom=0.1,pue=1.6", "headroom=0.3,pue=1.4", "headroom=0.3,pue=1.6",
                "headroom=0.4,pue=1.4", "headroom=0.4,pue=1.6");
        assertThat(set.whatIf().stream().map(WhatIfPoint::kind).toList())
                .containsExactly("base", "scenario", "sweep", "sweep", "sweep", "sweep", "sweep", "sweep");
        assertThat(set.whatIf().get(1).harvest().share()).isEqualTo(0.5);
        assertThat(set.whatIf().get(4).scenario().headroom()).isEqualTo(0.3);
        assertThat(set.whatIf().get(4).scenario().pue()).isEqualTo(1.4);
        assertThat(set.points()).hasSize(8);
    }

    @Test
    void harvestShareCanBeSwept() throws IOException {
        ScenarioSet set = ScenarioFile.load(file("sweep:\n  harvest.share: [0, 0.5]\n"));
        assertThat(set.whatIf().stream().map(p -> p.harvest() == null ? -1 : p.harvest().share()).toList())
                .containsExactly(-1.0, 0.0, 0.5);
    }

    @Test
    void offloadIsReadWithItsPricesAndPicksAppsOwnersAndClasses() throws IOException {
        WhatIfPoint p = ScenarioFile.load(file("""
                scenarios:
                  - name: to-cloud
                    offload:
                      apps: [app-0001]
                      owners: [analytics]
                      classes: [idle]
                      price_per_core_hour: 0.04
                      price_per_gb_hour: 0.005
                """)).whatIf().get(1);
        Offload o = p.offload();
        assertThat(o.pricePerCoreHour()).isEqualTo(0.04);
        assertThat(o.pricePerGbHour()).isEqualTo(0.005);
        assertThat(o.picks("app-0001", null, null)).isTrue();
        assertThat(o.picks("x", "analytics", "cpu-bound")).isTrue();
        assertThat(o.picks("x", "crm", "idle")).isTrue();
        assertThat(o.picks("x", "crm", "cpu-bound")).isFalse();
        assertThat(p.parameters().get("offload")).contains("owners analytics").contains("0.04/core-h");
    }

    @Test
    void unknownKeysSuggestTheClosestKnownOne() throws IOException {
        assertThatThrownBy(() -> ScenarioFile.load(file("scenarios:\n  - name: a\n    headrom: 0.3\n")))
                .isInstanceOf(UserError.class).hasMessageContaining("scenarios[0].headrom")
                .hasMessageContaining("did you mean 'headroom'?");
        assertThatThrownBy(() -> ScenarioFile.load(file("sweep:\n  pue_: [1.2]\n")))
                .hasMessageContaining("sweep.pue_").hasMessageContaining("did you mean 'pue'?");
        assertThatThrownBy(() -> ScenarioFile.load(file("sweep:\n  harvest.shar: [0.2]\n")))
                .hasMessageContaining("did you mean 'harvest.share'?");
        assertThatThrownBy(() -> ScenarioFile.load(file(
                "scenarios:\n  - name: a\n    offload: {clases: [idle], price_per_core_hour: 1}\n")))
                .hasMessageContaining("scenarios[0].offload.clases").hasMessageContaining("did you mean 'classes'?");
        assertThatThrownBy(() -> ScenarioFile.load(file("scenarios:\n  - name: a\n    harvest: {shares: 0.2}\n")))
                .hasMessageContaining("did you mean 'share'?");
    }

    @Test
    void badValuesNameTheFieldAndWhatIsAllowed() throws IOException {
        assertThatThrownBy(() -> ScenarioFile.load(file("sweep:\n  headroom: [0.1, 30]\n")))
                .hasMessageContaining("sweep.headroom[1]").hasMessageContaining("expected a fraction in [0,1), got 30")
                .hasMessageContaining("was it a percentage?");
        assertThatThrownBy(() -> ScenarioFile.load(file("scenarios:\n  - name: a\n    idle_policy: shared\n")))
                .hasMessageContaining("scenarios[0].idle_policy")
                .hasMessageContaining("expected one of cpu-share, equal, reserved, unattributed");
        assertThatThrownBy(() -> ScenarioFile.load(file("scenarios:\n  - name: a\n    harvest: {share: 50}\n")))
                .hasMessageContaining("scenarios[0].harvest.share").hasMessageContaining("expected a fraction in [0, 1], got 50");
        assertThatThrownBy(() -> ScenarioFile.load(file(
                "scenarios:\n  - name: a\n    offload: {classes: [idel], price_per_core_hour: 0.1}\n")))
                .hasMessageContaining("expected workload classes from cpu-bound, memory-bound, io-bound, idle, balanced")
                .hasMessageContaining("did you mean 'idle'?");
    }

    @Test
    void offloadAndHarvestAreValidated() throws IOException {
        assertThatThrownBy(() -> ScenarioFile.load(file("scenarios:\n  - name: a\n    offload: {price_per_core_hour: 0.1}\n")))
                .hasMessageContaining("names what moves out: apps, owners or classes");
        assertThatThrownBy(() -> ScenarioFile.load(file("scenarios:\n  - name: a\n    offload: {apps: [x]}\n")))
                .hasMessageContaining("needs price_per_core_hour");
        assertThatThrownBy(() -> ScenarioFile.load(file(
                "scenarios:\n  - name: a\n    offload: {apps: [x], price_per_core_hour: -1}\n")))
                .hasMessageContaining("offload.price_per_core_hour").hasMessageContaining("in [0, 1000]");
        assertThatThrownBy(() -> ScenarioFile.load(file("scenarios:\n  - name: a\n    harvest: {}\n")))
                .hasMessageContaining("a harvest needs share");
        assertThatThrownBy(() -> ScenarioFile.load(file(
                "scenarios:\n  - name: a\n    harvest: {share: 0.1}\n    offload: {apps: [x], price_per_core_hour: 1}\n")))
                .hasMessageContaining("either an offload or a harvest");
        assertThatThrownBy(() -> ScenarioFile.load(file("base:\n  harvest: {share: 0.1}\n")))
                .hasMessageContaining("base.harvest").hasMessageContaining("named scenario");
        assertThatThrownBy(() -> ScenarioFile.loadSingle(file("offload: {apps: [x], price_per_core_hour: 1}\n")))
                .hasMessageContaining("greenpack whatif");
        assertThatThrownBy(() -> ScenarioFile.load(file("sweep:\n  offload: [1]\n")))
                .hasMessageContaining("cannot be swept");
    }

    @Test
    void theBundledExampleLoads() {
        ScenarioSet set = ScenarioFile.load(Path.of("notebooks-data/whatif-example.yaml"));
        assertThat(set.whatIf()).hasSize(9);
        assertThat(set.whatIf().stream().filter(p -> p.offload() != null).count()).isEqualTo(1);
        assertThat(set.whatIf().stream().filter(p -> p.harvest() != null).count()).isEqualTo(1);
        assertThat(List.of(set.whatIf().get(1).scenario().targets())).isNotEmpty();
    }
}
