package io.greenpack.consolidate;

import io.greenpack.config.Scenario;
import io.greenpack.correlate.AnalysisResult;
import io.greenpack.correlate.HostEfficiency;
import io.greenpack.correlate.PlanReplay;
import io.greenpack.ingest.IngestResult;
import io.greenpack.ingest.TargetCatalog;
import io.greenpack.model.HostSpec;
import io.greenpack.model.TargetSpec;
import io.greenpack.optimize.BinType;
import io.greenpack.optimize.ConsolidationPlan;
import io.greenpack.optimize.ConsolidationRequest;
import io.greenpack.optimize.Consolidator;
import io.greenpack.optimize.HostPlan;
import io.greenpack.optimize.HypervisorOverhead;
import io.greenpack.optimize.Objective;
import io.greenpack.optimize.PowerCurve;
import io.greenpack.optimize.SolverSettings;
import io.greenpack.optimize.TargetModel;
import io.greenpack.savings.MeasuredHost;
import io.greenpack.savings.PlannedHost;
import io.greenpack.savings.Savings;
import io.greenpack.savings.SavingsInput;
import io.greenpack.savings.TargetCatalogEntry;
import io.greenpack.savings.VmPlacement;
import io.greenpack.size.AppDemandVector;
import io.greenpack.util.UserError;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The consolidate stage: analysed demand + target catalog + scenario → a plan (optimize), its
 * replay against the measured demand (contention risk) and the projected savings.
 *
 * <p>Rules (written down because DESIGN leaves them open): apps that are pinned to a host or need
 * dedicated hardware stay where they are, and so does every app on their host — such a host is
 * "kept" and left out of both before and after. Every other app is packed onto new targets; the
 * hosts it leaves are switched off.
 */
public final class ConsolidationStage {
    private ConsolidationStage() {
    }

    public static ConsolidationOutcome run(IngestResult ingest, AnalysisResult analysis, TargetCatalog catalog,
                                           Scenario s, SolverSettings solver) {
        if (catalog.targets().isEmpty()) {
            return ConsolidationOutcome.none("no consolidation plan: the data has no usable targets.csv (the hardware to consolidate onto)");
        }
        if (analysis.demand().isEmpty()) {
            return ConsolidationOutcome.none("no consolidation plan: no per-application utilization to size");
        }
        ConsolidationOutcome o = evaluate(inputs(ingest, analysis, catalog), s, solver);
        if (!o.planned()) {
            return o;
        }
        return withReplay(ingest.utilization(), o, s);
    }

    /**
     * The outcome with its contention risk: the plan replayed against the measured per-interval
     * demand in {@code utilization} (a Spark job).
     */
    public static ConsolidationOutcome withReplay(org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> utilization,
                                                  ConsolidationOutcome o, Scenario s) {
        List<PlanReplay.Capacity> capacities = new ArrayList<>();
        Map<String, TargetSpec> specs = new HashMap<>();
        o.targets().forEach(t -> specs.put(t.model(), t));
        Map<String, AppDemandVector> byId = new HashMap<>();
        o.movedApps().forEach(v -> byId.put(v.id(), v));
        List<PlanReplay.Placement> placements = new ArrayList<>();
        for (HostPlan h : o.plan().hosts()) {
            TargetSpec t = specs.get(h.model());
            capacities.add(new PlanReplay.Capacity(h.host(), t.cores(), t.memGb()));
            for (String id : h.apps()) {
                AppDemandVector v = byId.get(id);
                boolean vm = !v.mayShareOs();
                placements.add(new PlanReplay.Placement(v.host(), v.app(), h.host(),
                        vm ? 1 + s.hypervisorCpuOverhead() : 1, vm ? s.hypervisorMemGb() : 0));
            }
        }
        List<PlanReplay.HostRisk> risk = PlanReplay.replay(utilization, placements, capacities);
        return new ConsolidationOutcome(o.plan(), o.keptHosts(), o.movedApps(), risk, o.savings(), o.targets(), o.note());
    }

    /** A host with power samples: one of "today's" servers (the report's host-fill chart uses the same rule). */
    public static boolean measured(HostEfficiency h) {
        return h.intervals() > 0;
    }

    /** What the pure-Java part of the stage needs from ingest and analysis (see {@link FleetInputs}). */
    public static FleetInputs inputs(IngestResult ingest, AnalysisResult analysis, TargetCatalog catalog) {
        Map<String, HostSpec> hostSpecs = new HashMap<>();
        ingest.hosts().hosts().forEach(h -> hostSpecs.put(h.host(), h));
        List<MeasuredHost> measured = new ArrayList<>();
        for (HostEfficiency h : analysis.hosts()) {
            if (!measured(h)) {
                continue;
            }
            HostSpec spec = hostSpecs.get(h.host());
            double ru = spec == null || spec.rackUnits() == null ? 1 : spec.rackUnits();
            measured.add(new MeasuredHost(h.host(), h.model(), h.kwh(), h.intervals() * analysis.intervalSeconds() / 3600.0,
                    ru, null));
        }
        double windowHours = (analysis.last().getEpochSecond() - analysis.first().getEpochSecond()
                + analysis.intervalSeconds()) / 3600.0;
        Map<String, Double> kwhByAppHost = new HashMap<>();
        analysis.appEnergy().forEach(e -> kwhByAppHost.merge(e.app() + "\u0000" + e.host(), e.kwh(), Double::sum));
        Map<String, Double> appKwh = new HashMap<>();
        for (AppDemandVector v : analysis.demand()) {
            appKwh.put(v.id(), kwhByAppHost.getOrDefault(v.app() + "\u0000" + v.host(), 0.0));
        }
        Map<String, String> owners = new HashMap<>();
        ingest.apps().apps().forEach(a -> {
            if (a.owner() != null && !a.owner().isBlank()) {
                owners.put(a.app(), a.owner());
            }
        });
        return new FleetInputs(analysis.demand(), measured, catalog.targets(), windowHours, modelError(analysis),
                appKwh, owners);
    }

    /**
     * The plan and savings of one scenario, without the replay (which reads the measured
     * utilization): pure Java on plain values, so a what-if run evaluates it inside Spark tasks.
     * The outcome's {@code risk} is empty. With no targets or no demand the outcome has no plan.
     */
    public static ConsolidationOutcome evaluate(FleetInputs in, Scenario s, SolverSettings solver) {
        if (in.targets().isEmpty()) {
            return ConsolidationOutcome.none("no consolidation plan: the data has no usable targets.csv (the hardware to consolidate onto)");
        }
        if (in.demand().isEmpty()) {
            return ConsolidationOutcome.none("no consolidation plan: no per-application utilization to size");
        }
        List<TargetSpec> targets = select(in.targets(), s);
        Set<String> kept = keptHosts(in.demand());
        List<AppDemandVector> moved = in.demand().stream().filter(v -> !kept.contains(v.host())).toList();
        if (moved.isEmpty()) {
            return ConsolidationOutcome.none("no consolidation plan: every host runs a pinned or dedicated app");
        }
        List<TargetModel> models = targets.stream().map(ConsolidationStage::model).toList();
        ConsolidationRequest request = new ConsolidationRequest(
                moved.stream().map(AppDemandVector::toAppDemand).toList(), models, s.headroom(),
                new HypervisorOverhead(s.hypervisorCpuOverhead(), s.hypervisorMemGb()),
                Objective.energy(s.horizonYears() * Savings.HOURS_PER_YEAR), solver);
        ConsolidationPlan plan = Consolidator.plan(request);

        Map<String, AppDemandVector> byId = new HashMap<>();
        moved.forEach(v -> byId.put(v.id(), v));
        List<VmPlacement> vms = new ArrayList<>();
        for (HostPlan h : plan.hosts()) {
            for (String id : h.apps()) {
                AppDemandVector v = byId.get(id);
                vms.add(new VmPlacement(id, v.host(), v.memGb()));
            }
        }
        SavingsInput si = SavingsInput.of(measuredOutside(in, kept), PlannedHost.from(plan),
                targets.stream().map(ConsolidationStage::entry).toList(), s, in.windowHours(), in.modelError())
                .withPlacements(vms);
        return new ConsolidationOutcome(plan, List.copyOf(kept), moved, List.of(), Savings.compute(si), targets, null);
    }

    /** Hosts that stay as they are: an app on them is pinned or needs dedicated hardware. */
    public static Set<String> keptHosts(List<AppDemandVector> demand) {
        Set<String> kept = new TreeSet<>();
        for (AppDemandVector v : demand) {
            if (v.dedicated() || (v.pinHost() != null && !v.pinHost().isBlank())) {
                kept.add(v.host());
            }
        }
        return kept;
    }

    /** Today's measured hosts less the kept ones (hosts with no app at all, comatose, are freed too). */
    public static List<MeasuredHost> measuredOutside(FleetInputs in, Set<String> kept) {
        return in.measured().stream().filter(h -> !kept.contains(h.host())).toList();
    }

    /** The scenario's targets, by name; an unknown name is the user's mistake. */
    public static List<TargetSpec> select(List<TargetSpec> all, Scenario s) {
        if (s.allTargets()) {
            return all;
        }
        List<TargetSpec> out = new ArrayList<>();
        for (String name : s.targets()) {
            TargetSpec t = all.stream().filter(x -> x.model().equals(name)).findFirst().orElseThrow(() -> new UserError(
                    "scenario " + s.name() + ": target '" + name + "' is not in targets.csv (models there: "
                            + String.join(", ", all.stream().map(TargetSpec::model).toList()) + ")"));
            out.add(t);
        }
        return out;
    }

    static TargetModel model(TargetSpec t) {
        return new TargetModel(t.model(), t.cores(), t.memGb(), new PowerCurve(t.curveWatts()), t.price(),
                t.available() == null ? BinType.UNLIMITED : t.available(), (int) Math.ceil(t.rackUnits()));
    }

    public static TargetCatalogEntry entry(TargetSpec t) {
        TargetModel m = model(t);
        return t.blade() ? TargetCatalogEntry.blade(m, t.rackUnits(), t.chassisWatts(), t.bladesPerChassis(), 0)
                : TargetCatalogEntry.of(m);
    }

    /** The fitted models' mean absolute percentage error, as a fraction, for the uncertainty band. */
    static double modelError(AnalysisResult a) {
        return a.powerModels().values().stream().filter(m -> Double.isFinite(m.mape()))
                .mapToDouble(m -> m.mape() / 100.0).average().orElse(0.05);
    }
}
