package io.greenpack.report;

import io.greenpack.chart.HostFillChart.HostFill;
import io.greenpack.consolidate.ConsolidationOutcome;
import io.greenpack.correlate.AnalysisResult;
import io.greenpack.correlate.HostEfficiency;
import io.greenpack.model.HostSpec;
import io.greenpack.savings.SmallFleet;
import io.greenpack.model.AppDemandVector;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The "today" side of the host-fill chart holds the hosts the savings count as "servers today". */
class HostFillBeforeTest {

    private static HostEfficiency measured(String host, long intervals, boolean comatose) {
        return new HostEfficiency(host, "m", intervals, 0.1, 0.2, 10, 5, 0.5, 4, 0.5, 1, comatose, 16, 3, 5);
    }

    private static AppDemandVector app(String id, String host, double cores, double memGb) {
        return new AppDemandVector(id, id, host, 0.95, cores, memGb, null, null, cores, memGb, cores, null, null, false,
                false, "balanced");
    }

    private static HostSpec spec(String host) {
        return new HostSpec(host, "m", 2, 40, 200, "hypervisor", "fra1", 1.0, 100.0, 300.0);
    }

    @Test
    void aMeasuredHostWithoutAppsShowsEmptyAndKeptOrSilentHostsAreLeftOut() {
        AnalysisResult a = new AnalysisResult(SmallFleet.scenario(), Map.of(),
                List.of(measured("busy", 2016, false), measured("comatose", 2016, true), measured("kept", 2016, false),
                        measured("silent", 0, false)),
                List.of(), List.of(), List.of(), List.of(), List.of(), null, List.of(), null, null, 300, Map.of(), null);
        ConsolidationOutcome o = new ConsolidationOutcome(null, List.of("kept"),
                List.of(app("a1", "busy", 10, 50), app("a2", "busy", 4, 30)), List.of(), null, List.of(), null);
        List<HostFill> fill = PlanOutputs.fillBefore(a, o,
                List.of(spec("busy"), spec("comatose"), spec("kept"), spec("silent")));
        assertThat(fill).extracting(HostFill::host).containsExactly("busy", "comatose");
        assertThat(fill.get(0).cpuFraction()).isEqualTo(14 / 40.0);
        assertThat(fill.get(0).memFraction()).isEqualTo(80 / 200.0);
        assertThat(fill.get(1).cpuFraction()).isZero();
        assertThat(fill.get(1).memFraction()).isZero();
    }
}
