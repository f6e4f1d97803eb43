package io.greenpack.consolidate;

import io.greenpack.config.IdlePolicy;
import io.greenpack.config.Scenario;
import io.greenpack.correlate.PlanReplay;
import io.greenpack.optimize.HostPlan;
import io.greenpack.optimize.SolverSettings;
import io.greenpack.model.AppDemandVector;
import io.greenpack.testing.SampleAnalysis;
import io.greenpack.util.UserError;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The consolidate stage on the bundled sample: plan, replay and savings fit together. */
class ConsolidationStageTest {
    /** Deterministic: bounded by iterations, not by the clock. */
    private static final SolverSettings SOLVER = new SolverSettings(7, 600, 3_000);

    /** One target model, so that the host count is comparable across headrooms. */
    private static Scenario withHeadroom(double headroom) {
        Scenario d = Scenario.defaults();
        return new Scenario("headroom=" + headroom, d.tariffPerKwh(), d.currency(), d.gridGco2ePerKwh(),
                d.hourlyGridGco2ePerKwh(), d.pue(), headroom, d.percentile(), d.hourlySizing(), d.hypervisorCpuOverhead(),
                d.hypervisorMemGb(), List.of("Dell PowerEdge R640"), d.horizonYears(), IdlePolicy.CPU_SHARE,
                d.migrationGbps());
    }

    private static ConsolidationOutcome run(Scenario s) {
        SampleAnalysis.Loaded l = SampleAnalysis.get();
        return ConsolidationStage.run(l.ingest(), l.analysis(), l.ingest().targets(), s, SOLVER);
    }

    @Test
    void everyMovedAppIsPlacedOnceAndKeptHostsKeepTheirApps() {
        ConsolidationOutcome o = run(Scenario.defaults());
        assertThat(o.planned()).isTrue();
        List<String> placed = new ArrayList<>();
        o.plan().hosts().forEach(h -> placed.addAll(h.apps()));
        assertThat(placed).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(o.movedApps().stream().map(AppDemandVector::id).toList());
        // The whole fleet is in scope: no host is left out; those a dedicated or pinned app keeps on are named.
        assertThat(o.keptHosts()).isEmpty();
        assertThat(o.verdict().scope().keptOn()).isNotEmpty();
        for (HostPlan h : o.plan().hosts()) {
            assertThat(h.cpuLoadFraction()).as(h.host()).isLessThanOrEqualTo(0.8 + 1e-9);
            assertThat(h.memLoadFraction()).as(h.host()).isLessThanOrEqualTo(0.8 + 1e-9);
        }
        assertThat(o.savings().serversAfter()).isLessThan(o.savings().serversBefore());
        assertThat(o.savings().afterItKwhPerYear()).isLessThan(o.savings().beforeItKwhPerYear());
        assertThat(o.risk()).hasSize(o.plan().hosts().size());
    }

    @Test
    void lessHeadroomPacksTighterAndShowsMoreContentionRisk() {
        double previousRisk = -1;
        double previousPeak = -1;
        int previousHosts = Integer.MAX_VALUE;
        List<String> trace = new ArrayList<>();
        // From 30 %: with the whole fleet in scope, app-0009 (35 cores at p95, 38.8 in its peak hour) fits no
        // host and no R640 at 40 % or 50 % headroom, and such a run stops naming the app.
        for (double headroom : new double[]{0.3, 0.2, 0.1, 0.0}) {
            ConsolidationOutcome outcome = run(withHeadroom(headroom));
            // The refresh option at flat sizing: one target model, every app packed, as headroom alone changes.
            List<OptionPlan> flat = outcome.sizing().equals(ConsolidationStage.FLAT) ? outcome.options() : outcome.otherSizing();
            OptionPlan o = flat.stream().filter(p -> p.name().equals("refresh")).findFirst().orElseThrow();
            double risk = PlanReplay.overShare(o.risk());
            double peak = o.risk().stream().mapToDouble(r -> Math.max(r.peakCpuFraction(), r.peakMemFraction())).max().orElse(0);
            int hosts = o.plan().hosts().size();
            trace.add("headroom " + headroom + ": " + hosts + " hosts, risk " + risk + ", peak " + peak);
            assertThat(risk).as(String.join("; ", trace)).isGreaterThanOrEqualTo(previousRisk);
            assertThat(hosts).as(String.join("; ", trace)).isLessThanOrEqualTo(previousHosts);
            // The replayed peak is the continuous side of the same risk: how close the worst interval
            // came to a host's full capacity. It must rise strictly as headroom is given up.
            assertThat(peak).as(String.join("; ", trace)).isGreaterThan(previousPeak);
            previousRisk = risk;
            previousPeak = peak;
            previousHosts = hosts;
        }
        assertThat(previousPeak).as("with no headroom the worst interval nearly fills a host: " + trace).isGreaterThan(0.9);
    }

    @Test
    void sameInputAndSeedGiveTheSamePlan() {
        assertThat(run(Scenario.defaults()).plan().hosts()).isEqualTo(run(Scenario.defaults()).plan().hosts());
    }

    @Test
    void unknownTargetNameIsAUserErrorListingTheModels() {
        Scenario d = Scenario.defaults();
        Scenario s = new Scenario("x", d.tariffPerKwh(), d.currency(), d.gridGco2ePerKwh(), d.hourlyGridGco2ePerKwh(),
                d.pue(), d.headroom(), d.percentile(), d.hourlySizing(), d.hypervisorCpuOverhead(), d.hypervisorMemGb(),
                List.of("Dell PowerEdge R9999"), d.horizonYears(), d.idlePolicy(), d.migrationGbps());
        assertThatThrownBy(() -> run(s)).isInstanceOf(UserError.class)
                .hasMessageContaining("'Dell PowerEdge R9999' is not in targets.csv").hasMessageContaining("Dell PowerEdge R640");
    }
}
