package io.greenpack.optimize;

import io.greenpack.model.PowerCurve;
import io.greenpack.model.TargetModel;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/** The fleet-side API: apps and target models in, hosts with load and watts out. */
class ConsolidatorTest {
    static final TargetModel R640 = TargetModel.rack("r640", 32, 256, PowerCurve.linear(100, 300), 8000, BinType.UNLIMITED, 1);

    static ConsolidationRequest request(List<AppDemand> apps, HypervisorOverhead o) {
        return new ConsolidationRequest(apps, List.of(R640), 0.2, o, Objective.energy(8760), Instances.quick(1));
    }

    @Test
    void hostsCarryModelAppsLoadAndWatts() {
        List<AppDemand> apps = List.of(AppDemand.of("a", 8, 64), AppDemand.of("b", 8, 64));
        ConsolidationPlan plan = Consolidator.plan(request(apps, HypervisorOverhead.none()));
        assertThat(PlanChecker.violations(plan.problem(), plan.packing())).isEmpty();
        assertThat(plan.hosts()).hasSize(1);
        HostPlan h = plan.hosts().get(0);
        assertThat(h.model()).isEqualTo("r640");
        assertThat(h.apps()).containsExactly("a", "b");
        assertThat(h.cpuCoresUsed()).isCloseTo(16, offset(1e-9));
        assertThat(h.cpuLoadFraction()).isCloseTo(0.5, offset(1e-9));
        assertThat(h.predictedWatts()).isCloseTo(200, offset(1e-9));
    }

    @Test
    void hypervisorOverheadIsPaidByVmsButNotBySharedOsApps() {
        // 2 × (12 cores × 1.1) = 26.4 > 25.6 usable (32 × 0.8): two VMs cannot share a host …
        List<AppDemand> vms = List.of(AppDemand.of("a", 12, 16), AppDemand.of("b", 12, 16));
        assertThat(Consolidator.plan(request(vms, new HypervisorOverhead(0.1, 4))).hosts()).hasSize(2);
        // … but two apps that may share an OS instance can.
        List<AppDemand> shared = vms.stream().map(a -> new AppDemand(a.app(), a.cpuCores(), a.memGb(), null, null,
                null, null, false, true)).toList();
        ConsolidationPlan plan = Consolidator.plan(request(shared, new HypervisorOverhead(0.1, 4)));
        assertThat(plan.hosts()).hasSize(1);
        assertThat(plan.hosts().get(0).memGbUsed()).isCloseTo(32, offset(1e-9));
    }

    @Test
    void hourlyProfilesLetOffsetPeaksShareAHost() {
        double[] dayCpu = new double[24];
        double[] nightCpu = new double[24];
        double[] mem = new double[24];
        for (int h = 0; h < 24; h++) {
            dayCpu[h] = h >= 8 && h < 18 ? 18 : 4;
            nightCpu[h] = h >= 8 && h < 18 ? 4 : 18;
            mem[h] = 32;
        }
        List<AppDemand> apps = List.of(new AppDemand("day", 18, 32, dayCpu, mem, null, null, false, true),
                new AppDemand("night", 18, 32, nightCpu, mem, null, null, false, true));
        ConsolidationPlan plan = Consolidator.plan(request(apps, HypervisorOverhead.none()));
        assertThat(PlanChecker.violations(plan.problem(), plan.packing())).isEmpty();
        assertThat(plan.hosts()).hasSize(1);
    }
}
