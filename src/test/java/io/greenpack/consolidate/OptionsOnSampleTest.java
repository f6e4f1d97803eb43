package io.greenpack.consolidate;

import io.greenpack.config.Scenario;
import io.greenpack.optimize.HostPlan;
import io.greenpack.optimize.SolverSettings;
import io.greenpack.savings.PlanOption;
import io.greenpack.model.AppDemandVector;
import io.greenpack.testing.SampleAnalysis;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The four options on the bundled sample: each covers the whole fleet, and the verdict is one of them. */
class OptionsOnSampleTest {
    private static final SolverSettings SOLVER = new SolverSettings(7, 600, 3_000);

    @Test
    void fourOptionsOverTheWholeFleetAndOneVerdict() {
        SampleAnalysis.Loaded l = SampleAnalysis.get();
        ConsolidationOutcome o = ConsolidationStage.run(l.ingest(), l.analysis(), l.ingest().targets(),
                Scenario.defaults(), SOLVER);
        assertThat(o.verdict().options()).extracting(PlanOption::option)
                .containsExactly(PlanOption.DECOMMISSION, PlanOption.REUSE, PlanOption.REFRESH, PlanOption.BEST);
        List<String> all = l.analysis().demand().stream().map(AppDemandVector::id).toList();
        for (OptionPlan p : o.options()) {
            if (!p.planned()) {
                continue;
            }
            List<String> placed = new ArrayList<>();
            p.plan().hosts().forEach(h -> placed.addAll(h.apps()));
            assertThat(placed).as(p.name()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all);
            for (HostPlan h : p.plan().hosts()) {
                assertThat(h.cpuLoadFraction()).as(p.name() + " " + h.host()).isLessThanOrEqualTo(0.8 + 1e-9);
                assertThat(h.memLoadFraction()).as(p.name() + " " + h.host()).isLessThanOrEqualTo(0.8 + 1e-9);
            }
            assertThat(p.row().hostsBefore()).isEqualTo(40);
        }
        assertThat(o.verdict().option(PlanOption.REUSE).orElseThrow().planned()).isTrue();
        assertThat(o.verdict().option(PlanOption.REUSE).orElseThrow().capex()).isZero();
        assertThat(o.verdict().options().stream().filter(PlanOption::recommended).count()).isLessThanOrEqualTo(1);
        assertThat(o.verdict().sentence()).isNotBlank();
        // Dedicated apps keep their host on alone in every option.
        for (var kept : o.verdict().scope().keptOn()) {
            if (kept.reason().startsWith("dedicated")) {
                for (OptionPlan p : o.options().stream().filter(OptionPlan::planned).toList()) {
                    p.plan().hosts().stream().filter(h -> h.host().equals(kept.host()))
                            .forEach(h -> assertThat(h.apps()).as(p.name() + " " + kept).hasSize(1));
                }
            }
        }
        assertThat(o.otherSizing()).hasSize(4);
        assertThat(o.sizing()).isIn(ConsolidationStage.FLAT, ConsolidationStage.HOURLY);
    }
}
