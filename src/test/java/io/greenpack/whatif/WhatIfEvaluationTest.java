package io.greenpack.whatif;

import io.greenpack.config.Harvest;
import io.greenpack.config.IdlePolicy;
import io.greenpack.config.Offload;
import io.greenpack.config.Scenario;
import io.greenpack.config.WhatIfPoint;
import io.greenpack.consolidate.ConsolidationOutcome;
import io.greenpack.consolidate.ConsolidationStage;
import io.greenpack.consolidate.FleetInputs;
import io.greenpack.optimize.SolverSettings;
import io.greenpack.pipeline.WhatIfRun;
import io.greenpack.savings.Savings;
import io.greenpack.model.AppDemandVector;
import io.greenpack.testing.SampleAnalysis;
import io.greenpack.testing.TestSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** What-if points on the bundled sample: parallel = sequential = the consolidate stage, and sanity rules. */
class WhatIfEvaluationTest {
    private static final SolverSettings SOLVER = WhatIfRun.solver(7, 3_000);
    private static FleetInputs inputs;

    @BeforeAll
    static void load() {
        SampleAnalysis.Loaded l = SampleAnalysis.get();
        inputs = ConsolidationStage.inputs(l.ingest(), l.analysis(), l.ingest().targets());
    }

    private static Scenario scenario(String name, double headroom, List<String> targets) {
        Scenario d = Scenario.defaults();
        return new Scenario(name, d.tariffPerKwh(), d.currency(), d.gridGco2ePerKwh(), d.hourlyGridGco2ePerKwh(), d.pue(),
                headroom, d.percentile(), d.hourlySizing(), d.hypervisorCpuOverhead(), d.hypervisorMemGb(), targets,
                d.horizonYears(), IdlePolicy.CPU_SHARE, d.migrationGbps());
    }

    private static Map<String, FleetInputs> byKey() {
        return Map.of("percentile=95.0,hourly_sizing=false,idle_policy=cpu-share", inputs);
    }

    @Test
    void sparkTasksGiveTheSameNumbersAsSequentialEvaluationAndAsTheConsolidateStage() {
        Scenario base = Scenario.defaults();
        List<WhatIfPoint> points = List.of(WhatIfPoint.of(base, "base"),
                WhatIfPoint.of(scenario("r640-0.3", 0.3, List.of("Dell PowerEdge R640")), "scenario"),
                new WhatIfPoint(scenario("harvest", 0.2, List.of("all")), "scenario", null, new Harvest(0.5)),
                new WhatIfPoint(scenario("offload-analytics", 0.2, List.of("all")), "scenario",
                        new Offload(List.of(), List.of("analytics"), List.of(), 0.04, 0.005), null));
        List<WhatIfResult> parallel = WhatIfRun.evaluate(TestSpark.session(), byKey(), points, SOLVER);
        List<WhatIfResult> sequential = WhatIfRun.evaluateSequentially(byKey(), points, SOLVER);
        assertThat(parallel).hasSize(4);
        for (int i = 0; i < points.size(); i++) {
            WhatIfResult p = parallel.get(i);
            WhatIfResult s = sequential.get(i);
            assertThat(p.name()).isEqualTo(points.get(i).name());
            assertThat(p.hostsAfter()).as(p.name()).isEqualTo(s.hostsAfter());
            assertThat(p.kwhAfter()).as(p.name()).isEqualTo(s.kwhAfter());
            assertThat(p.costSaved()).as(p.name()).isEqualTo(s.costSaved());
            assertThat(p.co2eSavedT()).as(p.name()).isEqualTo(s.co2eSavedT());
            assertThat(p.providerBill()).as(p.name()).isEqualTo(s.providerBill());
            assertThat(p.outcome().plan().hosts()).as(p.name()).isEqualTo(s.outcome().plan().hosts());
        }
        // A plain point is exactly the stage's single-plan evaluation of that scenario (plan and savings);
        // report itself plans the four options over the whole fleet (FleetOptions).
        for (int i = 0; i < 2; i++) {
            SampleAnalysis.Loaded l = SampleAnalysis.get();
            ConsolidationOutcome direct = ConsolidationStage.evaluate(
                    ConsolidationStage.inputs(l.ingest(), l.analysis(), l.ingest().targets()), points.get(i).scenario(), SOLVER);
            WhatIfResult p = parallel.get(i);
            assertThat(p.hostsAfter()).isEqualTo(direct.savings().serversAfter());
            assertThat(p.hostsBefore()).isEqualTo(direct.savings().serversBefore());
            assertThat(p.kwhAfter()).isEqualTo(direct.savings().afterFacilityKwhPerYear());
            assertThat(p.kwhBefore()).isEqualTo(direct.savings().beforeFacilityKwhPerYear());
            assertThat(p.costSaved()).isEqualTo(direct.savings().moneySavedPerYear());
            assertThat(p.lowerBound()).isEqualTo(direct.plan().packing().lowerBound());
            assertThat(p.outcome().plan().hosts()).isEqualTo(direct.plan().hosts());
        }
    }

    @Test
    void anInfeasiblePointIsARowWithTheReasonNotAFailedRun() {
        List<io.greenpack.model.TargetModel> tiny = new ArrayList<>(inputs.targets());
        tiny.add(io.greenpack.model.TargetModel.rack("tiny", 1, 2, new io.greenpack.model.PowerCurve(
                new double[]{10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20}), 100, io.greenpack.model.TargetModel.UNLIMITED, 1));
        FleetInputs withTiny = new FleetInputs(inputs.demand(), inputs.measured(), tiny, inputs.windowHours(),
                inputs.modelError(), inputs.appKwh(), inputs.owners());
        WhatIfResult r = WhatIf.evaluate(3, withTiny, WhatIfPoint.of(scenario("tiny-only", 0.2, List.of("tiny")), "scenario"),
                SOLVER);
        assertThat(r.evaluated()).isFalse();
        assertThat(r.note()).startsWith("not feasible: ").contains("does not fit");
        assertThat(r.index()).isEqualTo(3);
    }

    /** What a cluster ships to executors and back survives Java serialization and gives the same answer. */
    @Test
    void broadcastInputsPointsAndResultsSurviveSerialization() throws Exception {
        WhatIfPoint p = new WhatIfPoint(scenario("offload", 0.2, List.of("all")), "scenario",
                new Offload(List.of(), List.of("analytics"), List.of("idle"), 0.04, 0.005), null);
        FleetInputs copy = roundTrip(inputs);
        WhatIfPoint pCopy = roundTrip(p);
        WhatIfResult direct = WhatIf.evaluate(0, inputs, p, SOLVER);
        WhatIfResult viaCopy = roundTrip(WhatIf.evaluate(0, copy, pCopy, roundTrip(SOLVER)));
        assertThat(viaCopy.costSaved()).isEqualTo(direct.costSaved());
        assertThat(viaCopy.kwhAfter()).isEqualTo(direct.kwhAfter());
        assertThat(viaCopy.outcome().plan().hosts()).isEqualTo(direct.outcome().plan().hosts());
        assertThat(viaCopy.offloadedApps()).isEqualTo(direct.offloadedApps());
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    @Test
    void moreHeadroomNeverNeedsFewerHostsOnOneTargetModel() {
        List<WhatIfPoint> points = new ArrayList<>();
        for (double h : new double[]{0.1, 0.2, 0.3, 0.4}) {
            points.add(WhatIfPoint.of(scenario("headroom=" + h, h, List.of("Dell PowerEdge R640")), "sweep"));
        }
        List<WhatIfResult> r = WhatIfRun.evaluate(TestSpark.session(), byKey(), points, SOLVER);
        for (int i = 1; i < r.size(); i++) {
            assertThat(r.get(i).hostsAfter()).as(r.get(i).name()).isGreaterThanOrEqualTo(r.get(i - 1).hostsAfter());
            assertThat(r.get(i).lowerBound()).isGreaterThanOrEqualTo(r.get(i - 1).lowerBound());
        }
        assertThat(r.get(3).hostsAfter()).isGreaterThan(r.get(0).hostsAfter());
    }

    @Test
    void offloadingEverythingLeavesNoHostAndTheProviderBillOfTheHandComputation() {
        double core = 0.04;
        double gb = 0.005;
        WhatIfPoint p = new WhatIfPoint(scenario("all-out", 0.2, List.of("all")), "scenario",
                new Offload(List.of("all"), List.of(), List.of(), core, gb), null);
        WhatIfResult r = WhatIf.evaluate(0, inputs, p, SOLVER);
        double hand = 0;
        for (AppDemandVector v : inputs.demand()) {
            hand += v.cpuCores() * 8760 * core + v.memGb() * 8760 * gb;
        }
        assertThat(r.hostsAfter()).isZero();
        assertThat(r.kwhAfter()).isZero();
        assertThat(r.offloadedApps()).hasSize(inputs.demand().size());
        assertThat(r.providerBill()).isCloseTo(hand, within(1e-6 * hand));
        assertThat(r.hostsBefore()).isEqualTo(inputs.measured().size());
        assertThat(r.costAfter()).isCloseTo(hand, within(1e-6 * hand));
        assertThat(r.costSaved()).isCloseTo(r.costBefore() - hand, within(1e-6 * hand));
        assertThat(Savings.HOURS_PER_YEAR).isEqualTo(8760);
    }

    @Test
    void harvestShareZeroIsThePlainPlanAndAnyShareCostsEnergyButNoHosts() {
        Scenario s = scenario("h", 0.2, List.of("all"));
        WhatIfResult plain = WhatIf.evaluate(0, inputs, WhatIfPoint.of(s, "scenario"), SOLVER);
        WhatIfResult zero = WhatIf.evaluate(1, inputs, new WhatIfPoint(s, "scenario", null, new Harvest(0)), SOLVER);
        WhatIfResult half = WhatIf.evaluate(2, inputs, new WhatIfPoint(s, "scenario", null, new Harvest(0.5)), SOLVER);
        WhatIfResult full = WhatIf.evaluate(3, inputs, new WhatIfPoint(s, "scenario", null, new Harvest(1)), SOLVER);
        assertThat(zero.hostsAfter()).isEqualTo(plain.hostsAfter());
        assertThat(zero.kwhAfter()).isEqualTo(plain.kwhAfter());
        assertThat(zero.harvestCoreHours()).isZero();
        assertThat(half.hostsAfter()).isEqualTo(plain.hostsAfter());
        assertThat(half.kwhAfter()).isGreaterThan(plain.kwhAfter());
        assertThat(full.kwhAfter()).isGreaterThan(half.kwhAfter());
        assertThat(half.harvestCoreHours()).isGreaterThan(0);
        assertThat(full.harvestCoreHours()).isCloseTo(2 * half.harvestCoreHours(), within(1e-6 * full.harvestCoreHours()));
        // Freed capacity of the plain plan, per hour of day after the VM overhead, × 365 days.
        double freeCoreHours = plain.outcome().savings().harvest().stream().mapToDouble(h -> h.freeCpuCores()).sum() * 365;
        assertThat(full.harvestCoreHours()).isCloseTo(freeCoreHours, within(1e-6 * freeCoreHours));
    }
}
