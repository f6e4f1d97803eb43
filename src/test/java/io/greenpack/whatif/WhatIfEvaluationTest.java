package io.greenpack.whatif;

import io.greenpack.config.Harvest;
import io.greenpack.config.IdlePolicy;
import io.greenpack.config.Offload;
import io.greenpack.config.Scenario;
import io.greenpack.config.WhatIfPoint;
import io.greenpack.consolidate.ConsolidationOutcome;
import io.greenpack.consolidate.ConsolidationStage;
import io.greenpack.consolidate.OptionInputs;
import io.greenpack.consolidate.OptionPlan;
import io.greenpack.model.AppDemandVector;
import io.greenpack.optimize.SolverSettings;
import io.greenpack.pipeline.WhatIfRun;
import io.greenpack.savings.PlanOption;
import io.greenpack.savings.Savings;
import io.greenpack.testing.SampleAnalysis;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** What-if points on the bundled sample: parallel = sequential = the report's consolidate stage, and sanity rules. */
class WhatIfEvaluationTest {
    private static final SolverSettings SOLVER = WhatIfRun.solver(7, 3_000);
    private static OptionInputs inputs;
    private static Dataset<Row> utilization;

    @BeforeAll
    static void load() {
        SampleAnalysis.Loaded l = SampleAnalysis.get();
        inputs = ConsolidationStage.optionInputs(l.ingest(), l.analysis(), l.ingest().targets(), Scenario.defaults());
        utilization = l.ingest().utilization();
    }

    private static Scenario scenario(String name, double headroom, List<String> targets) {
        Scenario d = Scenario.defaults();
        return new Scenario(name, d.tariffPerKwh(), d.currency(), d.gridGco2ePerKwh(), d.hourlyGridGco2ePerKwh(), d.pue(),
                headroom, d.percentile(), d.hourlySizing(), d.hypervisorCpuOverhead(), d.hypervisorMemGb(), targets,
                d.horizonYears(), IdlePolicy.CPU_SHARE, d.migrationGbps());
    }

    private static Map<String, OptionInputs> byKey() {
        return Map.of(WhatIf.dataKey(Scenario.defaults()), inputs);
    }

    private static WhatIfResult evaluate(int index, WhatIfPoint p) {
        return WhatIf.result(WhatIf.plan(index, inputs, p, SOLVER), inputs, utilization);
    }

    @Test
    void sparkTasksGiveTheSameNumbersAsSequentialEvaluationAndAsTheReportsConsolidateStage() {
        Scenario base = Scenario.defaults();
        List<WhatIfPoint> points = List.of(WhatIfPoint.of(base, "base"),
                WhatIfPoint.of(scenario("r640-0.3", 0.3, List.of("Dell PowerEdge R640")), "scenario"),
                new WhatIfPoint(scenario("harvest", 0.2, List.of("all")), "scenario", null, new Harvest(0.5)),
                new WhatIfPoint(scenario("offload-analytics", 0.2, List.of("all")), "scenario",
                        new Offload(List.of(), List.of("analytics"), List.of(), 0.04, 0.005), null));
        List<WhatIfResult> parallel = WhatIfRun.evaluate(utilization, byKey(), points, SOLVER);
        List<WhatIfResult> sequential = WhatIfRun.evaluateSequentially(utilization, byKey(), points, SOLVER);
        assertThat(parallel).hasSize(4);
        for (int i = 0; i < points.size(); i++) {
            WhatIfResult p = parallel.get(i);
            WhatIfResult s = sequential.get(i);
            assertThat(p.name()).isEqualTo(points.get(i).name());
            assertThat(p.option()).as(p.name()).isNotEmpty().isEqualTo(s.option());
            assertThat(p.hostsAfter()).as(p.name()).isEqualTo(s.hostsAfter());
            assertThat(p.kwhAfter()).as(p.name()).isEqualTo(s.kwhAfter());
            assertThat(p.costSaved()).as(p.name()).isEqualTo(s.costSaved());
            assertThat(p.co2eSavedT()).as(p.name()).isEqualTo(s.co2eSavedT());
            assertThat(p.providerBill()).as(p.name()).isEqualTo(s.providerBill());
            assertThat(p.contentionShare()).as(p.name()).isEqualTo(s.contentionShare());
            assertThat(p.outcome().plan().hosts()).as(p.name()).isEqualTo(s.outcome().plan().hosts());
        }
        // A plain point is exactly what report's consolidate stage gives for that scenario: the same
        // options, the same verdict, and the row describes the option the verdict leads with.
        SampleAnalysis.Loaded l = SampleAnalysis.get();
        for (int i = 0; i < 2; i++) {
            ConsolidationOutcome report = ConsolidationStage.run(l.ingest(), l.analysis(), l.ingest().targets(),
                    points.get(i).scenario(), SOLVER);
            WhatIfResult p = parallel.get(i);
            OptionPlan lead = report.options().stream().filter(o -> o.row().option().equals(
                    report.verdict().lead().map(PlanOption::option).orElseThrow())).findFirst().orElseThrow();
            assertThat(p.outcome().verdict().sentence()).isEqualTo(report.verdict().sentence());
            assertThat(p.outcome().sizing()).isEqualTo(report.sizing());
            assertThat(p.option()).isEqualTo(lead.row().option());
            assertThat(p.recommended()).isEqualTo(lead.row().recommended());
            assertThat(p.hostsBefore()).isEqualTo(lead.row().hostsBefore());
            assertThat(p.hostsAfter()).isEqualTo(lead.row().hostsAfter());
            assertThat(p.capex()).isEqualTo(lead.row().capex());
            assertThat(p.tcoOverHorizon()).isCloseTo(lead.row().tcoOverHorizon(), within(1e-6));
            assertThat(p.costSaved()).isCloseTo(lead.row().moneySavedPerYear(), within(1e-6));
            assertThat(p.contentionShare()).isEqualTo(lead.row().contentionShare());
            assertThat(p.lowerBound()).isEqualTo(lead.row().lowerBound());
            assertThat(p.outcome().plan().hosts()).isEqualTo(report.plan().hosts());
            assertThat(p.outcome().options().stream().map(OptionPlan::row).toList())
                    .isEqualTo(report.options().stream().map(OptionPlan::row).toList());
        }
    }

    @Test
    void anInfeasiblePointIsARowWithTheReasonNotAFailedRun() {
        List<AppDemandVector> demand = new ArrayList<>(inputs.flatDemand());
        AppDemandVector v = demand.get(0);
        // Larger than its own host, every other host and every model: no option can hold it.
        AppDemandVector huge = new AppDemandVector(v.id(), v.app(), v.host(), v.percentile(), 100_000, v.memGb(), null,
                null, 100_000, v.p95MemGb(), 100_000, v.group(), v.pinHost(), v.dedicated(), v.mayShareOs(), v.workloadClass());
        demand.set(0, huge);
        OptionInputs withHuge = new OptionInputs(inputs.fleet().withDemand(demand), demand, demand, inputs.existing(),
                inputs.physical(), inputs.inventoryHosts());
        PlannedPoint planned = WhatIf.plan(3, withHuge, WhatIfPoint.of(scenario("huge", 0.2, List.of("all")), "scenario"),
                SOLVER);
        WhatIfResult r = WhatIf.result(planned, withHuge, utilization);
        assertThat(r.evaluated()).isFalse();
        assertThat(r.note()).startsWith("not feasible: ").contains(v.app());
        assertThat(r.index()).isEqualTo(3);
    }

    /** What a cluster ships to executors and back survives Java serialization and gives the same answer. */
    @Test
    void broadcastInputsPointsAndPlannedPointsSurviveSerialization() throws Exception {
        WhatIfPoint p = new WhatIfPoint(scenario("offload", 0.2, List.of("all")), "scenario",
                new Offload(List.of(), List.of("analytics"), List.of("idle"), 0.04, 0.005), null);
        OptionInputs copy = roundTrip(inputs);
        WhatIfPoint pCopy = roundTrip(p);
        WhatIfResult direct = evaluate(0, p);
        WhatIfResult viaCopy = WhatIf.result(roundTrip(WhatIf.plan(0, copy, pCopy, roundTrip(SOLVER))), inputs, utilization);
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
    void moreHeadroomNeverLowersTheLowerBoundAndTooMuchLeavesABusyAppNowhereToGo() {
        List<WhatIfPoint> points = new ArrayList<>();
        for (double h : new double[]{0.1, 0.2, 0.3, 0.4}) {
            points.add(WhatIfPoint.of(scenario("headroom=" + h, h, List.of("Dell PowerEdge R640")), "sweep"));
        }
        List<WhatIfResult> r = WhatIfRun.evaluate(utilization, byKey(), points, SOLVER);
        List<Integer> refreshBounds = r.subList(0, 3).stream().map(x -> x.outcome().options().stream()
                .filter(o -> o.name().equals(PlanOption.REFRESH)).findFirst().orElseThrow().row().lowerBound()).toList();
        for (int i = 1; i < refreshBounds.size(); i++) {
            assertThat(refreshBounds.get(i)).as(r.get(i).name()).isGreaterThanOrEqualTo(refreshBounds.get(i - 1));
        }
        assertThat(refreshBounds.get(2)).isGreaterThan(refreshBounds.get(0));
        // At 40 % headroom the busiest app fits no host and no model: a row with the reason, not a failed run.
        assertThat(r.get(3).evaluated()).isFalse();
        assertThat(r.get(3).note()).startsWith("not feasible: ").contains("does not fit");
    }

    @Test
    void offloadingEverythingLeavesNoHostAndTheProviderBillOfTheHandComputation() {
        double core = 0.04;
        double gb = 0.005;
        WhatIfPoint p = new WhatIfPoint(scenario("all-out", 0.2, List.of("all")), "scenario",
                new Offload(List.of("all"), List.of(), List.of(), core, gb), null);
        WhatIfResult r = evaluate(0, p);
        double hand = 0;
        for (AppDemandVector v : inputs.fleet().demand()) {
            hand += v.cpuCores() * 8760 * core + v.memGb() * 8760 * gb;
        }
        assertThat(r.hostsAfter()).isZero();
        assertThat(r.kwhAfter()).isZero();
        assertThat(r.offloadedApps()).hasSize(inputs.fleet().demand().size());
        assertThat(r.providerBill()).isCloseTo(hand, within(1e-6 * hand));
        assertThat(r.hostsBefore()).isEqualTo(inputs.fleet().measured().size());
        assertThat(r.costAfter()).isCloseTo(hand, within(1e-6 * hand));
        assertThat(r.costSaved()).isCloseTo(r.costBefore() - hand, within(1e-6 * hand));
        assertThat(Savings.HOURS_PER_YEAR).isEqualTo(8760);
    }

    @Test
    void harvestShareZeroIsThePlainPlanAndAnyShareCostsEnergyButNoHosts() {
        Scenario s = scenario("h", 0.2, List.of("all"));
        WhatIfResult plain = evaluate(0, WhatIfPoint.of(s, "scenario"));
        WhatIfResult zero = evaluate(1, new WhatIfPoint(s, "scenario", null, new Harvest(0)));
        WhatIfResult half = evaluate(2, new WhatIfPoint(s, "scenario", null, new Harvest(0.5)));
        WhatIfResult full = evaluate(3, new WhatIfPoint(s, "scenario", null, new Harvest(1)));
        assertThat(zero.option()).isEqualTo(plain.option());
        assertThat(zero.hostsAfter()).isEqualTo(plain.hostsAfter());
        assertThat(zero.kwhAfter()).isEqualTo(plain.kwhAfter());
        assertThat(zero.harvestCoreHours()).isZero();
        // Harvest uses the plan, it does not choose one: same option, same hosts, more energy.
        assertThat(half.option()).isEqualTo(plain.option());
        assertThat(half.hostsAfter()).isEqualTo(plain.hostsAfter());
        assertThat(half.kwhAfter()).isGreaterThan(plain.kwhAfter());
        assertThat(half.costSaved()).isLessThan(plain.costSaved());
        assertThat(full.kwhAfter()).isGreaterThan(half.kwhAfter());
        assertThat(half.harvestCoreHours()).isGreaterThan(0);
        assertThat(full.harvestCoreHours()).isCloseTo(2 * half.harvestCoreHours(), within(1e-6 * full.harvestCoreHours()));
        // Freed capacity of the plain plan, per hour of day after the VM overhead, × 365 days.
        double freeCoreHours = plain.outcome().savings().harvest().stream().mapToDouble(h -> h.freeCpuCores()).sum() * 365;
        assertThat(full.harvestCoreHours()).isCloseTo(freeCoreHours, within(1e-6 * freeCoreHours));
    }
}
