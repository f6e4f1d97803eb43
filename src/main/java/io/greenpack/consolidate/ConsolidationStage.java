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
import io.greenpack.optimize.HostPlan;
import io.greenpack.model.PowerCurve;
import io.greenpack.optimize.SolverSettings;
import io.greenpack.savings.MeasuredHost;
import io.greenpack.savings.PlanOption;
import io.greenpack.savings.Verdict;
import io.greenpack.savings.VerdictRule;
import io.greenpack.model.AppDemandVector;
import io.greenpack.size.Sizing;
import io.greenpack.util.UserError;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

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
 * measured host a candidate, pinned and dedicated apps fixed to their host) with both sizings,
 * replays each against the measured demand, and picks the recommendation ({@link VerdictRule});
 * the outcome's plan is the recommended option's. It is three steps so that a what-if run can do
 * the expensive pure-Java one in Spark tasks: {@link #optionInputs} (reads the data),
 * {@link #plan} (optimizer and costs, plain values) and {@link #decide} (replay and verdict).
 */
public final class ConsolidationStage {
    private ConsolidationStage() {
    }

    public static ConsolidationOutcome run(IngestResult ingest, AnalysisResult analysis, TargetCatalog catalog,
                                           Scenario s, SolverSettings solver) {
        if (analysis.demand().isEmpty()) {
            return ConsolidationOutcome.none("no consolidation plan: no per-application utilization to size");
        }
        OptionInputs in = optionInputs(ingest, analysis, catalog, s);
        return decide(plan(in, s, solver, 0), in, ingest.utilization(), s);
    }

    public static final String FLAT = "flat";
    public static final String HOURLY = "hourly";

    /**
     * What the options are planned from. Reads the measured utilization once (a Spark job) for the
     * hour-of-day sizing when the scenario sizes at one percentile.
     */
    public static OptionInputs optionInputs(IngestResult ingest, AnalysisResult analysis, TargetCatalog catalog,
                                            Scenario s) {
        FleetInputs in = inputs(ingest, analysis, catalog);
        List<AppDemandVector> hourly = s.hourlySizing() || in.demand().isEmpty() ? in.demand() : withHourly(in.demand(),
                Sizing.hourly(ingest.utilization(), s.percentile() / 100.0, analysis.intervalSeconds()));
        Set<String> physical = new TreeSet<>();
        ingest.hosts().hosts().stream().filter(HostSpec::physical).forEach(h -> physical.add(h.host()));
        return new OptionInputs(in, flat(in.demand()), hourly, existingHosts(ingest, analysis), physical,
                ingest.hosts().hosts().size());
    }

    /**
     * The four options with both sizings, not yet replayed: pure Java on plain values.
     *
     * @param harvestShare share of each plan host's free capacity (after headroom) that batch work
     *                     uses, hour by hour; 0 for the plain plan (see {@link OptionEvaluator})
     */
    public static PlannedOptions plan(OptionInputs in, Scenario s, SolverSettings solver, double harvestShare) {
        return new PlannedOptions(sizing(in, in.flatDemand(), s, solver, harvestShare),
                sizing(in, in.hourlyDemand(), s, solver, harvestShare));
    }

    private static PlannedOptions.Sizing sizing(OptionInputs in, List<AppDemandVector> demand, Scenario s,
                                                SolverSettings solver, double harvestShare) {
        FleetOptions fleet = new FleetOptions(in.fleet().withDemand(demand), in.existing(), in.physical(), s, solver,
                harvestShare);
        return new PlannedOptions.Sizing(demand, fleet.plan(), fleet.scope(in.inventoryHosts()));
    }

    /**
     * Replays every planned option against the measured demand in {@code utilization}, picks each
     * sizing's recommendation and the sizing that leads (see {@link #hourlyWithinHeadroom}).
     */
    public static ConsolidationOutcome decide(PlannedOptions planned, OptionInputs in, Dataset<Row> utilization,
                                              Scenario s) {
        return decideAll(utilization, List.of(new ToDecide(planned, in, s))).get(0);
    }

    /** Planned options waiting for their replay and verdict, with what they were planned from. */
    public record ToDecide(PlannedOptions planned, OptionInputs in, Scenario scenario) {
    }

    /**
     * {@link #decide} for several scenarios at once (a what-if run's points): every option of every
     * scenario is replayed in one Spark job, one pass over the measured demand.
     */
    public static List<ConsolidationOutcome> decideAll(Dataset<Row> utilization, List<ToDecide> points) {
        List<PlanReplay.Replay> replays = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            ToDecide d = points.get(i);
            replays.addAll(replays(i + "/" + FLAT, d.planned().flat(), d.in(), d.scenario()));
            replays.addAll(replays(i + "/" + HOURLY, d.planned().hourly(), d.in(), d.scenario()));
        }
        Map<String, List<PlanReplay.HostRisk>> risks = PlanReplay.replayAll(utilization, replays);
        List<ConsolidationOutcome> out = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            ToDecide d = points.get(i);
            out.add(outcome(decided(i + "/" + FLAT, d.planned().flat(), risks, d.scenario()),
                    decided(i + "/" + HOURLY, d.planned().hourly(), risks, d.scenario()), d.in(), d.scenario()));
        }
        return out;
    }

    private static ConsolidationOutcome outcome(Sized byFlat, Sized byHourly, OptionInputs in, Scenario s) {
        boolean useHourly = hourlyWithinHeadroom(byHourly, s);
        Sized lead = useHourly ? byHourly : byFlat;
        Sized other = useHourly ? byFlat : byHourly;
        List<OptionPlan> plans = lead.plans();
        // The plan the outputs describe is the verdict's lead: the recommended option, else the closest one.
        String leadName = lead.verdict().lead().map(PlanOption::option).orElse(null);
        OptionPlan chosen = plans.stream().filter(p -> p.planned() && p.name().equals(leadName)).findFirst().orElse(null);
        List<TargetModel> targets = in.fleet().targets().isEmpty() ? List.of() : select(in.fleet().targets(), s);
        String sizing = useHourly ? HOURLY : FLAT;
        // Pinned and dedicated hosts are in the plan (before and after): none is left out; the verdict's scope names them.
        if (chosen == null) {
            return new ConsolidationOutcome(null, List.of(), lead.demand(), List.of(), null, targets,
                    "no consolidation plan: " + plans.get(plans.size() - 1).row().reason(), lead.verdict(), plans,
                    sizing, other.plans());
        }
        return new ConsolidationOutcome(chosen.plan(), List.of(), lead.demand(), chosen.risk(), chosen.savings(), targets,
                null, lead.verdict(), plans, sizing, other.plans());
    }

    /** The options and verdict of one sizing. */
    record Sized(List<AppDemandVector> demand, List<OptionPlan> plans, Verdict verdict) {
    }

    /** The sizing's options with their replays (see {@link #replays}) and the verdict over them. */
    private static Sized decided(String key, PlannedOptions.Sizing planned, Map<String, List<PlanReplay.HostRisk>> risks,
                                 Scenario s) {
        List<OptionPlan> plans = new ArrayList<>();
        for (int j = 0; j < planned.plans().size(); j++) {
            OptionPlan p = planned.plans().get(j);
            if (p.planned()) {
                List<PlanReplay.HostRisk> atLine = risks.get(key + "/" + j + LINE);
                p = p.withRow(p.row().withContentionShare(PlanReplay.overShare(atLine)))
                        .withRisk(risks.get(key + "/" + j + FULL), atLine);
            }
            plans.add(p);
        }
        Verdict verdict = VerdictRule.decide(plans.stream().map(OptionPlan::row).toList(), planned.scope(),
                s.horizonYears(), s.currency());
        for (int i = 0; i < plans.size(); i++) {
            plans.set(i, plans.get(i).withRow(verdict.options().get(i)));
        }
        return new Sized(planned.demand(), plans, verdict);
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

    private static final String LINE = "/line";
    private static final String FULL = "/full";

    /**
     * Every planned option of the sizing to replay against the measured demand of every interval,
     * twice: against each host's full capacity and against capacity × (1 − headroom), the line the
     * plan was sized to. The row's contention share is the latter.
     */
    private static List<PlanReplay.Replay> replays(String key, PlannedOptions.Sizing planned, OptionInputs in, Scenario s) {
        Map<String, ExistingHost> hosts = new HashMap<>();
        in.existing().forEach(h -> hosts.put(h.host(), h));
        Map<String, TargetModel> specs = new HashMap<>();
        in.fleet().targets().forEach(t -> specs.put(t.model(), t));
        Map<String, AppDemandVector> byId = new HashMap<>();
        planned.demand().forEach(v -> byId.put(v.id(), v));
        List<PlanReplay.Replay> out = new ArrayList<>();
        for (int j = 0; j < planned.plans().size(); j++) {
            OptionPlan o = planned.plans().get(j);
            if (!o.planned()) {
                continue;
            }
            List<PlanReplay.Capacity> full = new ArrayList<>();
            List<PlanReplay.Capacity> line = new ArrayList<>();
            for (HostPlan h : o.plan().hosts()) {
                ExistingHost e = hosts.get(h.host());
                TargetModel t = specs.get(h.model());
                double cores = e != null ? e.cpuCores() : t.cpuCores();
                double mem = e != null ? e.memGb() : t.memGb();
                full.add(new PlanReplay.Capacity(h.host(), cores, mem));
                line.add(new PlanReplay.Capacity(h.host(), cores * (1 - s.headroom()), mem * (1 - s.headroom())));
            }
            List<PlanReplay.Placement> placements = placements(o.plan(), byId, s);
            out.add(new PlanReplay.Replay(key + "/" + j + LINE, placements, line));
            out.add(new PlanReplay.Replay(key + "/" + j + FULL, placements, full));
        }
        return out;
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
