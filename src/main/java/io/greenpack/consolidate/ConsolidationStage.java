package io.greenpack.consolidate;

import io.greenpack.config.Scenario;
import io.greenpack.correlate.AnalysisResult;
import io.greenpack.correlate.HostEfficiency;
import io.greenpack.correlate.PlanReplay;
import io.greenpack.correlate.PowerModel;
import io.greenpack.ingest.IngestResult;
import io.greenpack.ingest.catalog.TargetCatalog;
import io.greenpack.model.HostSpec;
import io.greenpack.model.TargetModel;
import io.greenpack.optimize.ConsolidationPlan;
import io.greenpack.optimize.ConsolidationRequest;
import io.greenpack.optimize.Consolidator;
import io.greenpack.optimize.HostPlan;
import io.greenpack.optimize.HypervisorOverhead;
import io.greenpack.optimize.Objective;
import io.greenpack.model.PowerCurve;
import io.greenpack.optimize.SolverSettings;
import io.greenpack.savings.MeasuredHost;
import io.greenpack.savings.PlanOption;
import io.greenpack.savings.PlannedHost;
import io.greenpack.savings.Savings;
import io.greenpack.savings.SavingsInput;
import io.greenpack.savings.Verdict;
import io.greenpack.savings.VerdictRule;
import io.greenpack.savings.VmPlacement;
import io.greenpack.model.AppDemandVector;
import io.greenpack.size.Sizing;
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
 * <p>{@link #run} plans the four options of {@link FleetOptions} over the whole fleet (every
 * measured host a candidate, pinned and dedicated apps fixed to their host), replays each against
 * the measured demand, and picks the recommendation ({@link VerdictRule}); the outcome's plan is
 * the recommended option's. {@link #evaluate} (what-if runs) keeps the single-plan rule: hosts with
 * a pinned or dedicated app are left out of before and after, every other app goes onto new targets.
 */
public final class ConsolidationStage {
    private ConsolidationStage() {
    }

    public static ConsolidationOutcome run(IngestResult ingest, AnalysisResult analysis, TargetCatalog catalog,
                                           Scenario s, SolverSettings solver) {
        if (analysis.demand().isEmpty()) {
            return ConsolidationOutcome.none("no consolidation plan: no per-application utilization to size");
        }
        FleetInputs in = inputs(ingest, analysis, catalog);
        List<AppDemandVector> flat = flat(in.demand());
        List<AppDemandVector> hourly = s.hourlySizing() ? in.demand() : withHourly(in.demand(),
                Sizing.hourly(ingest.utilization(), s.percentile() / 100.0, analysis.intervalSeconds()));
        List<ExistingHost> existing = existingHosts(ingest, analysis);
        Sized byFlat = sized(ingest, in.withDemand(flat), existing, s, solver);
        Sized byHourly = sized(ingest, in.withDemand(hourly), existing, s, solver);
        boolean useHourly = hourlyWithinHeadroom(byHourly, s);
        Sized lead = useHourly ? byHourly : byFlat;
        Sized other = useHourly ? byFlat : byHourly;
        List<OptionPlan> plans = lead.plans();
        // The plan the outputs describe is the verdict's lead: the recommended option, else the closest one.
        String leadName = lead.verdict().lead().map(PlanOption::option).orElse(null);
        OptionPlan chosen = plans.stream().filter(p -> p.planned() && p.name().equals(leadName)).findFirst().orElse(null);
        List<TargetModel> targets = in.targets().isEmpty() ? List.of() : select(in.targets(), s);
        String sizing = useHourly ? HOURLY : FLAT;
        // Pinned and dedicated hosts are in the plan now (before and after): none is left out; the verdict's scope names them.
        if (chosen == null) {
            return new ConsolidationOutcome(null, List.of(), lead.demand(), List.of(), null, targets,
                    "no consolidation plan: " + plans.get(plans.size() - 1).row().reason(), lead.verdict(), plans,
                    sizing, other.plans());
        }
        return new ConsolidationOutcome(chosen.plan(), List.of(), lead.demand(), chosen.risk(), chosen.savings(), targets,
                null, lead.verdict(), plans, sizing, other.plans());
    }

    public static final String FLAT = "flat";
    public static final String HOURLY = "hourly";

    /** The options and verdict of one sizing. */
    record Sized(List<AppDemandVector> demand, List<OptionPlan> plans, Verdict verdict) {
    }

    static Sized sized(IngestResult ingest, FleetInputs in, List<ExistingHost> existing, Scenario s, SolverSettings solver) {
        Set<String> physical = new TreeSet<>();
        ingest.hosts().hosts().stream().filter(HostSpec::physical).forEach(h -> physical.add(h.host()));
        FleetOptions fleet = new FleetOptions(in, existing, physical, s, solver);
        List<OptionPlan> plans = new ArrayList<>();
        for (OptionPlan p : fleet.plan()) {
            plans.add(p.planned() ? replayed(ingest, p, in.demand(), in.targets(), s) : p);
        }
        Verdict verdict = VerdictRule.decide(plans.stream().map(OptionPlan::row).toList(),
                fleet.scope(ingest.hosts().hosts().size()), s.horizonYears(), s.currency());
        for (int i = 0; i < plans.size(); i++) {
            plans.set(i, plans.get(i).withRow(verdict.options().get(i)));
        }
        return new Sized(in.demand(), plans, verdict);
    }

    /**
     * Hourly sizing leads when the option it recommends, replayed against the measured demand, goes
     * over a host's full capacity in no more host-intervals than sizing at the percentile already
     * accepts per app (1 − percentile: 5 % at p95) — the headroom absorbed the rest.
     */
    static boolean hourlyWithinHeadroom(Sized hourly, Scenario s) {
        return hourly.plans().stream().filter(p -> p.row().recommended()).findFirst()
                .map(p -> PlanReplay.overShare(p.risk()) <= 1 - s.percentile() / 100.0).orElse(false);
    }

    /** The demand without hour-of-day profiles: one percentile over the window. */
    static List<AppDemandVector> flat(List<AppDemandVector> demand) {
        return demand.stream().map(v -> new AppDemandVector(v.id(), v.app(), v.host(), v.percentile(), v.cpuCores(),
                v.memGb(), null, null, v.p95CpuCores(), v.p95MemGb(), v.meanCpuCores(), v.group(), v.pinHost(),
                v.dedicated(), v.mayShareOs(), v.workloadClass())).toList();
    }

    /** The demand with one vector per hour of day (hours without samples take the window's percentile). */
    static List<AppDemandVector> withHourly(List<AppDemandVector> demand, Map<String, double[][]> hourly) {
        List<AppDemandVector> out = new ArrayList<>();
        for (AppDemandVector v : demand) {
            double[][] h = hourly.get(v.app() + "\u0000" + v.host());
            if (h == null) {
                out.add(v);
                continue;
            }
            double[] c = new double[24];
            double[] m = new double[24];
            for (int i = 0; i < 24; i++) {
                c[i] = Double.isNaN(h[0][i]) ? v.cpuCores() : h[0][i];
                m[i] = Double.isNaN(h[1][i]) ? v.memGb() : h[1][i];
            }
            out.add(new AppDemandVector(v.id(), v.app(), v.host(), v.percentile(), v.cpuCores(), v.memGb(), c, m,
                    v.p95CpuCores(), v.p95MemGb(), v.meanCpuCores(), v.group(), v.pinHost(), v.dedicated(),
                    v.mayShareOs(), v.workloadClass()));
        }
        return out;
    }

    /**
     * The option's plan replayed against the measured demand of every interval, twice: against each
     * host's full capacity and against capacity × (1 − headroom), the line the plan was sized to.
     * The row's contention share is the latter.
     */
    static OptionPlan replayed(IngestResult ingest, OptionPlan o, List<AppDemandVector> demand, List<TargetModel> catalog,
                               Scenario s) {
        Map<String, HostSpec> hosts = new HashMap<>();
        ingest.hosts().hosts().forEach(h -> hosts.put(h.host(), h));
        Map<String, TargetModel> specs = new HashMap<>();
        catalog.forEach(t -> specs.put(t.model(), t));
        Map<String, AppDemandVector> byId = new HashMap<>();
        demand.forEach(v -> byId.put(v.id(), v));
        List<PlanReplay.Capacity> full = new ArrayList<>();
        List<PlanReplay.Capacity> line = new ArrayList<>();
        for (HostPlan h : o.plan().hosts()) {
            HostSpec e = hosts.get(h.host());
            TargetModel t = specs.get(h.model());
            double cores = e != null ? e.cores() : t.cpuCores();
            double mem = e != null ? e.memGb() : t.memGb();
            full.add(new PlanReplay.Capacity(h.host(), cores, mem));
            line.add(new PlanReplay.Capacity(h.host(), cores * (1 - s.headroom()), mem * (1 - s.headroom())));
        }
        List<PlanReplay.Placement> placements = placements(o.plan(), byId, s);
        List<PlanReplay.HostRisk> atLine = PlanReplay.replay(ingest.utilization(), placements, line);
        return o.withRow(o.row().withContentionShare(PlanReplay.overShare(atLine)))
                .withRisk(PlanReplay.replay(ingest.utilization(), placements, full), atLine);
    }

    /** Today's measured hosts that hosts.csv describes, as candidates with their fitted power curves. */
    static List<ExistingHost> existingHosts(IngestResult ingest, AnalysisResult analysis) {
        Map<String, HostSpec> specs = new HashMap<>();
        ingest.hosts().hosts().forEach(h -> specs.put(h.host(), h));
        List<ExistingHost> out = new ArrayList<>();
        for (HostEfficiency h : analysis.hosts()) {
            HostSpec spec = specs.get(h.host());
            if (!measured(h) || spec == null) {
                continue;
            }
            out.add(new ExistingHost(h.host(), spec.model(), spec.cores(), spec.memGb(), spec.sockets(), spec.physical(),
                    spec.rackUnits() == null ? 1 : spec.rackUnits(), spec.supportPerYear(), curve(analysis, h, spec),
                    h.comatose()));
        }
        return out;
    }

    /**
     * The host's power curve: its model's fitted curve; without one, a line between the nameplate
     * idle and max watts of hosts.csv; without those, its measured mean power at every load (what it
     * drew over the window).
     */
    static PowerCurve curve(AnalysisResult analysis, HostEfficiency h, HostSpec spec) {
        PowerModel m = analysis.powerModels().get(spec.model());
        if (m != null) {
            return m.curve().toPowerCurve();
        }
        if (spec.idleWatts() != null && spec.maxWatts() != null) {
            return PowerCurve.linear(spec.idleWatts(), spec.maxWatts());
        }
        double hours = h.intervals() * analysis.intervalSeconds() / 3600.0;
        double meanWatts = h.kwh() * 1000 / hours;
        return PowerCurve.linear(meanWatts, meanWatts);
    }

    /**
     * The replayed contention risk of a single-plan outcome ({@link #evaluate}, as a what-if point
     * has): its plan against the measured per-interval demand in {@code utilization} (a Spark job),
     * at each new host's full capacity.
     */
    public static List<PlanReplay.HostRisk> replayRisk(org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> utilization,
                                                       ConsolidationOutcome o, Scenario s) {
        List<PlanReplay.Capacity> capacities = new ArrayList<>();
        Map<String, TargetModel> specs = new HashMap<>();
        o.targets().forEach(t -> specs.put(t.model(), t));
        Map<String, AppDemandVector> byId = new HashMap<>();
        o.movedApps().forEach(v -> byId.put(v.id(), v));
        for (HostPlan h : o.plan().hosts()) {
            TargetModel t = specs.get(h.model());
            capacities.add(new PlanReplay.Capacity(h.host(), t.cpuCores(), t.memGb()));
        }
        return PlanReplay.replay(utilization, placements(o.plan(), byId, s), capacities);
    }

    /** Every app of the plan on its new host, a VM paying the scenario's hypervisor overhead. */
    private static List<PlanReplay.Placement> placements(ConsolidationPlan plan, Map<String, AppDemandVector> byId,
                                                         Scenario s) {
        List<PlanReplay.Placement> out = new ArrayList<>();
        for (HostPlan h : plan.hosts()) {
            for (String id : h.apps()) {
                AppDemandVector v = byId.get(id);
                boolean vm = !v.mayShareOs();
                out.add(new PlanReplay.Placement(v.host(), v.app(), h.host(),
                        vm ? 1 + s.hypervisorCpuOverhead() : 1, vm ? s.hypervisorMemGb() : 0));
            }
        }
        return out;
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
                    ru, null, h.metered()));
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
        List<TargetModel> targets = select(in.targets(), s);
        Set<String> kept = keptHosts(in.demand());
        List<AppDemandVector> moved = in.demand().stream().filter(v -> !kept.contains(v.host())).toList();
        if (moved.isEmpty()) {
            return ConsolidationOutcome.none("no consolidation plan: every host runs a pinned or dedicated app");
        }
        ConsolidationRequest request = new ConsolidationRequest(
                moved.stream().map(DemandItems::toAppDemand).toList(), targets, s.headroom(),
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
    public static List<TargetModel> select(List<TargetModel> all, Scenario s) {
        if (s.allTargets()) {
            return all;
        }
        List<TargetModel> out = new ArrayList<>();
        for (String name : s.targets()) {
            TargetModel t = all.stream().filter(x -> x.model().equals(name)).findFirst().orElseThrow(() -> new UserError(
                    "scenario " + s.name() + ": target '" + name + "' is not in targets.csv (models there: "
                            + String.join(", ", all.stream().map(TargetModel::model).toList()) + ")"));
            out.add(t);
        }
        return out;
    }

    /**
     * The target as the savings count its space: a rack server fills whole rack units (a fraction of
     * a unit is rounded up); a blade keeps its share of the chassis, which is counted per chassis.
     */
    public static TargetModel entry(TargetModel t) {
        return t.blade() ? t : t.withRackUnits(Math.ceil(t.rackUnits()));
    }

    /** The fitted models' mean absolute percentage error, as a fraction, for the uncertainty band. */
    static double modelError(AnalysisResult a) {
        return a.powerModels().values().stream().filter(m -> Double.isFinite(m.mape()))
                .mapToDouble(m -> m.mape() / 100.0).average().orElse(0.05);
    }
}
