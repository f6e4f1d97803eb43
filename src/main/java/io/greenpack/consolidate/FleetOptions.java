package io.greenpack.consolidate;

import io.greenpack.config.Scenario;
import io.greenpack.model.TargetModel;
import io.greenpack.optimize.AppDemand;
import io.greenpack.optimize.BinType;
import io.greenpack.optimize.ConsolidationPlan;
import io.greenpack.optimize.ConsolidationRequest;
import io.greenpack.optimize.Consolidator;
import io.greenpack.optimize.HypervisorOverhead;
import io.greenpack.optimize.Item;
import io.greenpack.optimize.Objective;
import io.greenpack.optimize.PackingProblem;
import io.greenpack.optimize.SolverSettings;
import io.greenpack.savings.PlanOption;
import io.greenpack.savings.Savings;
import io.greenpack.savings.Scope;
import io.greenpack.model.AppDemandVector;
import io.greenpack.util.UserError;
import io.greenpack.util.Words;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The four options of a run (DESIGN §5), each planned over the whole fleet with the total cost of
 * ownership over the horizon as the objective:
 * <ul>
 * <li>{@code decommission}: comatose hosts are not offered, and neither are hosts that run at most
 *     {@value #FEW_APPS} apps; those apps may move, every other app stays where it is;</li>
 * <li>{@code reuse}: the existing hosts only;</li>
 * <li>{@code refresh}: the catalog's models, plus the hosts a pinned or dedicated app keeps on;</li>
 * <li>{@code best}: the existing hosts and the catalog's models together.</li>
 * </ul>
 * A pinned app is placed on its host (which may take other apps); a dedicated app is placed on its
 * host alone. An app that stays on a host that stays on is no move.
 */
public final class FleetOptions {
    /** A host with this many apps or fewer is a candidate to empty in {@code decommission}: a few moves free it. */
    static final int FEW_APPS = 2;

    private final FleetInputs in;
    private final Map<String, ExistingHost> existing = new LinkedHashMap<>();
    private final Set<String> physical;
    private final Scenario s;
    private final SolverSettings solver;
    private final double harvestShare;
    private final Map<String, String> pinnedTo = new HashMap<>();
    private final Map<String, String> keptReason = new TreeMap<>();
    /**
     * Apps that take a host alone although they are not {@code dedicated}: apps that fit no host or
     * model once headroom and overhead count (on the host they run on today), and apps pinned to a
     * host that cannot hold them within the headroom.
     */
    private final Set<String> aloneOnHost = new TreeSet<>();
    /** Hosts one app takes alone (dedicated, too large to move, or pinned there over the headroom), with that app. */
    private final Map<String, String> aloneHosts = new TreeMap<>();
    /** What a reader must be told about a kept host (a pin the plan cannot honour as asked), by host. */
    private final Map<String, String> keptWarning = new TreeMap<>();

    /**
     * @param existing      today's measured hosts as candidates
     * @param physicalHosts every host whose role is {@code physical} (measured or not)
     * @param harvestShare  share of the plans' free capacity batch work uses (0: none; see {@link OptionEvaluator})
     */
    public FleetOptions(FleetInputs in, List<ExistingHost> existing, Set<String> physicalHosts, Scenario s,
                        SolverSettings solver, double harvestShare) {
        this.in = in;
        existing.forEach(h -> this.existing.put(h.host(), h));
        this.physical = Set.copyOf(physicalHosts);
        this.s = s;
        this.solver = solver;
        this.harvestShare = harvestShare;
        pins();
    }

    /** Which app is fixed to which host, and why the host stays on. */
    private void pins() {
        for (AppDemandVector v : in.demand()) {
            if (v.dedicated() && existing.containsKey(v.host()) && aloneHosts.putIfAbsent(v.host(), v.app()) == null) {
                pinnedTo.put(v.id(), v.host());
                keptReason.put(v.host(), "dedicated: " + v.app() + " needs a host of its own");
            }
        }
        keepTooLargeApps();
        List<AppDemandVector> pinned = in.demand().stream().filter(v -> !v.dedicated() && v.pinHost() != null
                && !v.pinHost().isBlank() && !aloneOnHost.contains(v.id())).toList();
        // First the apps their pinned host cannot hold within the headroom: each takes that host alone.
        for (AppDemandVector v : pinned) {
            ExistingHost h = existing.get(v.pinHost());
            String over = h == null || aloneHosts.containsKey(h.host()) ? null : overPinnedHost(v, h);
            if (over != null) {
                aloneOnHost.add(v.id());
                aloneHosts.put(h.host(), v.app());
                pinnedTo.put(v.id(), h.host());
                keptReason.put(h.host(), "pinned: " + v.app() + ", alone (the host cannot hold it within the headroom)");
                keptWarning.put(h.host(), over);
            }
        }
        for (AppDemandVector v : pinned) {
            if (pinnedTo.containsKey(v.id())) {
                continue;
            }
            String host = existing.containsKey(v.pinHost()) ? v.pinHost() : existing.containsKey(v.host()) ? v.host() : null;
            if (host != null && aloneHosts.containsKey(host)) {
                keptWarning.merge(host, "App '" + v.app() + "' is pinned to host '" + host + "' (pin_host in apps.csv), "
                        + "which app '" + aloneHosts.get(host) + "' takes alone: " + v.app()
                        + " is planned like an app without a pin", (a, b) -> a + ". " + b);
            } else if (host != null) {
                pinnedTo.put(v.id(), host);
                keptReason.merge(host, "pinned: " + v.app(), (a, b) -> a.startsWith("pinned") ? a + ", " + v.app() : a);
            }
        }
    }

    /**
     * The warning for an app pinned to a host that cannot hold its sized demand (hypervisor
     * overhead added, peak hour when sized by hour) within the headroom, or null when it fits. The
     * pin is the user's rule, so the plan keeps it and says how far over the host it goes.
     */
    private String overPinnedHost(AppDemandVector v, ExistingHost h) {
        HypervisorOverhead o = new HypervisorOverhead(s.hypervisorCpuOverhead(), s.hypervisorMemGb());
        double keep = 1 - s.headroom();
        double needCores = o.cpuCores(peak(v.cpuCores(), v.hourlyCpuCores()), v.mayShareOs());
        double needMem = o.memGb(peak(v.memGb(), v.hourlyMemGb()), v.mayShareOs());
        if (needCores <= h.cpuCores() * keep * (1 + 1e-9) && needMem <= h.memGb() * keep * (1 + 1e-9)) {
            return null;
        }
        boolean overFull = needCores > h.cpuCores() || needMem > h.memGb();
        return String.format(java.util.Locale.ROOT, "App '%s' is pinned to host '%s' (pin_host in apps.csv) but needs "
                        + "%.1f cores and %.1f GB of memory (its sized demand with the hypervisor overhead), and %s offers "
                        + "%.1f cores and %.1f GB within the %.0f %% headroom (%.1f cores and %.1f GB in all): every option "
                        + "keeps %s on %s alone, %s. Pin it to a host that can hold it, or correct the host's cores and "
                        + "mem_gb in hosts.csv",
                v.app(), h.host(), needCores, needMem, h.host(), h.cpuCores() * keep, h.memGb() * keep, s.headroom() * 100,
                h.cpuCores(), h.memGb(), v.app(), h.host(), overFull ? "over the host's full capacity" : "over the headroom");
    }

    /**
     * An app that fits its own host today but no host or model once the headroom and the hypervisor
     * overhead are counted (a machine-level trace of a busy server) stays where it runs, alone, as a
     * dedicated app does: it cannot move, and stopping would leave the rest of the fleet unplanned.
     * An app larger than its own host as well is the user's to fix (the run stops and names it).
     */
    private void keepTooLargeApps() {
        List<double[]> capacities = capacitiesAtHeadroom(true);
        for (AppDemandVector v : in.demand()) {
            if (!pinnedTo.containsKey(v.id()) && !aloneHosts.containsKey(v.host()) && fitsOnlyItsOwnHost(v, capacities)) {
                aloneOnHost.add(v.id());
                aloneHosts.put(v.host(), v.app());
                pinnedTo.put(v.id(), v.host());
                keptReason.put(v.host(), "dedicated: " + v.app() + " is too large to move (no host or model holds it "
                        + "with the headroom and hypervisor overhead)");
            }
        }
    }

    /**
     * Apps that no existing host holds within the headroom but that run on their own host today (a
     * busy machine of a machine-level trace): in the options without new hardware they stay there
     * alone; refresh and best may move them to a larger model.
     */
    private Set<String> tooLargeForExistingHosts() {
        List<double[]> capacities = capacitiesAtHeadroom(false);
        Set<String> out = new TreeSet<>();
        for (AppDemandVector v : in.demand()) {
            if (!pinnedTo.containsKey(v.id()) && !aloneHosts.containsKey(v.host()) && fitsOnlyItsOwnHost(v, capacities)) {
                out.add(v.id());
            }
        }
        return out;
    }

    /** Each existing host's (and, with {@code withCatalog}, each model's) cores and GB × (1 − headroom). */
    private List<double[]> capacitiesAtHeadroom(boolean withCatalog) {
        double keep = 1 - s.headroom();
        List<double[]> capacities = new ArrayList<>();
        existing.values().forEach(h -> capacities.add(new double[]{h.cpuCores() * keep, h.memGb() * keep}));
        if (withCatalog) {
            catalogModels().forEach(t -> capacities.add(new double[]{t.cpuCores() * keep, t.memGb() * keep}));
        }
        return capacities;
    }

    /** The app fits none of {@code capacities} with the hypervisor overhead, yet fits its own existing host in full. */
    private boolean fitsOnlyItsOwnHost(AppDemandVector v, List<double[]> capacities) {
        ExistingHost own = existing.get(v.host());
        if (own == null) {
            return false;
        }
        HypervisorOverhead o = new HypervisorOverhead(s.hypervisorCpuOverhead(), s.hypervisorMemGb());
        double cores = peak(v.cpuCores(), v.hourlyCpuCores());
        double mem = peak(v.memGb(), v.hourlyMemGb());
        double needCores = o.cpuCores(cores, v.mayShareOs());
        double needMem = o.memGb(mem, v.mayShareOs());
        boolean fitsSomewhere = capacities.stream().anyMatch(c -> needCores <= c[0] && needMem <= c[1]);
        return !fitsSomewhere && cores <= own.cpuCores() && mem <= own.memGb();
    }

    private static double peak(double sized, double[] hourly) {
        double p = sized;
        for (int i = 0; hourly != null && i < hourly.length; i++) {
            p = Math.max(p, hourly[i]);
        }
        return p;
    }

    /** What the options cover: every app and every measured host; the pinned and dedicated hosts stay on. */
    public Scope scope(int hostsTotal) {
        int fixed = (int) in.demand().stream().filter(v -> pinnedTo.containsKey(v.id())).count();
        List<Scope.KeptHost> kept = new ArrayList<>();
        keptReason.forEach((h, why) -> kept.add(new Scope.KeptHost(h, why, keptWarning.get(h))));
        return new Scope(existing.size(), hostsTotal, in.demand().size() - fixed, in.demand().size(), kept);
    }

    /** The four options, in the order decommission, reuse, refresh, best; contention not yet replayed. */
    public List<OptionPlan> plan() {
        List<TargetModel> catalog = catalogModels();
        List<TargetModel> hosts = existing.values().stream().map(this::hostModel).toList();
        List<TargetModel> all = new ArrayList<>(hosts);
        all.addAll(catalog);
        // An app no host and no target can hold is the user's to fix: the message names the app and the dimension.
        Consolidator.toProblem(request(apps(Set.of()), all));
        OptionEvaluator eval = new OptionEvaluator(in, existing, physical, s, harvestShare);
        List<OptionPlan> out = new ArrayList<>();
        Set<String> tooLarge = tooLargeForExistingHosts();
        out.add(decommission(eval, hosts, tooLarge));
        String noRoom = tooLittleRoom(apps(Set.of(), tooLarge), hosts);
        out.add(noRoom != null ? eval.notPlanned(PlanOption.REUSE, noRoom)
                : attempt(eval, PlanOption.REUSE, "consolidate onto the servers you have, nothing bought"
                + stayAloneNote(tooLarge), apps(Set.of(), tooLarge), hosts));
        if (catalog.isEmpty()) {
            out.add(eval.notPlanned(PlanOption.REFRESH, "no targets.csv: no new hardware to plan onto"));
        } else {
            List<TargetModel> refresh = new ArrayList<>(catalog);
            hosts.stream().filter(h -> keptReason.containsKey(h.model())).forEach(refresh::add);
            out.add(attempt(eval, PlanOption.REFRESH, "move onto new hardware from targets.csv", apps(Set.of()), refresh));
        }
        OptionPlan best = attempt(eval, PlanOption.BEST, "keep the best of your servers and buy only what lowers the total cost",
                apps(Set.of()), all);
        out.add(cheapestMix(eval, best, out));
        return out;
    }

    /**
     * Why {@code hosts} cannot hold every app within the headroom however the apps are packed (in
     * some dimension the apps' summed demand, at the busiest hour when sized by hour, exceeds the
     * hosts' summed capacity × (1 − headroom)), or null. Said up front in the user's units, rather
     * than as the solver's failure to place one app.
     */
    private String tooLittleRoom(List<AppDemand> apps, List<TargetModel> hosts) {
        PackingProblem p;
        try {
            p = Consolidator.toProblem(request(apps, hosts));
        } catch (UserError e) {
            return null; // an app no host holds: planning says which
        }
        String[] units = {"cores", "GB of memory"};
        for (int d = 0; d < units.length; d++) {
            double room = 0;
            for (BinType t : p.binTypes()) {
                room += t.capacity()[d] * (1 - p.headroom()) * t.available();
            }
            double need = busiestHour(p.items(), d);
            if (need > room * (1 + 1e-9)) {
                return String.format(java.util.Locale.ROOT, "the servers you have cannot hold every app within the %.0f %% "
                        + "headroom: the apps need %,.1f %s (with the hypervisor overhead of %.1f GB and %.0f %% of a core "
                        + "per app) and your %d servers offer %,.1f; refresh and best plan with new hardware",
                        s.headroom() * 100, need, units[d], s.hypervisorMemGb(), s.hypervisorCpuOverhead() * 100,
                        hosts.size(), room);
            }
        }
        return null;
    }

    /** The apps' summed demand in dimension {@code d}: at the busiest hour of day when every app is sized by hour. */
    private static double busiestHour(List<Item> items, int d) {
        boolean hourly = items.stream().allMatch(i -> i.hourlyDemand() != null);
        double peak = 0;
        for (int h = 0; h < (hourly ? 24 : 1); h++) {
            double sum = 0;
            for (Item i : items) {
                if (!hourly) {
                    sum += i.demand()[d];
                } else if (h < i.hourlyDemand().length) {
                    sum += i.hourlyDemand()[h][d];
                }
            }
            peak = Math.max(peak, sum);
        }
        return peak;
    }

    /**
     * Best is the lowest-TCO mix of kept and new servers. The other options' plans are mixes too, so
     * best takes one of them when the search found nothing cheaper; and keeping today's fleet as it
     * is is a mix as well, so a best that costs more than today is no option.
     */
    private OptionPlan cheapestMix(OptionEvaluator eval, OptionPlan best, List<OptionPlan> others) {
        OptionPlan pick = best;
        for (OptionPlan o : others) {
            if (o.planned() && (!pick.planned() || o.row().tcoOverHorizon() < pick.row().tcoOverHorizon())) {
                pick = o;
            }
        }
        if (!pick.planned()) {
            return best;
        }
        if (pick.row().moneySavedPerYear() < -0.5) { // less than half a currency unit is rounding, not a loss
            return eval.notPlanned(PlanOption.BEST, String.format(java.util.Locale.ROOT, "every mix of your servers and new "
                    + "models found costs more than today's fleet (%,.0f %s/year more): keep the fleet as it is",
                    -pick.row().moneySavedPerYear(), s.currency()));
        }
        if (pick == best) {
            return best;
        }
        return pick.withRow(pick.row().as(PlanOption.BEST, "the same plan as " + pick.row().option()
                + ": no cheaper mix of kept and new servers was found"));
    }

    private OptionPlan decommission(OptionEvaluator eval, List<TargetModel> hosts, Set<String> tooLarge) {
        Map<String, Integer> appsPerHost = new HashMap<>();
        in.demand().forEach(v -> appsPerHost.merge(v.host(), 1, Integer::sum));
        Set<String> off = new TreeSet<>();
        for (ExistingHost h : existing.values()) {
            if (!keptReason.containsKey(h.host()) && (h.comatose() || appsPerHost.getOrDefault(h.host(), 0) <= FEW_APPS)) {
                off.add(h.host());
            }
        }
        long comatose = existing.values().stream().filter(ExistingHost::comatose).count();
        if (off.isEmpty()) {
            return eval.notPlanned(PlanOption.DECOMMISSION, "nothing comatose and no host with " + FEW_APPS
                    + " apps or fewer: nothing to switch off without consolidating");
        }
        // Hosts that run few apps are offered again so that the solver keeps them when emptying them costs more.
        List<TargetModel> bins = hosts.stream().filter(h -> !existing.get(h.model()).comatose()).toList();
        Set<String> free = new TreeSet<>(off);
        Set<String> overloaded = new TreeSet<>(overloaded());
        overloaded.removeAll(off);
        free.addAll(overloaded);
        long shared = aloneHosts.keySet().stream().filter(h -> appsPerHost.getOrDefault(h, 0) > 1).count();
        OptionPlan plan = attempt(eval, PlanOption.DECOMMISSION, decommissionWhat(comatose, overloaded.size(), shared,
                false) + stayAloneNote(tooLarge), apps(free, tooLarge), bins);
        if (!plan.planned() && comatose > 0) {
            // The comatose hosts' apps may fit nowhere else (a fleet of full hosts): offer those hosts
            // too, so that the option switches off what it can instead of nothing.
            OptionPlan withComatose = attempt(eval, PlanOption.DECOMMISSION, decommissionWhat(comatose,
                    overloaded.size(), shared, true) + stayAloneNote(tooLarge), apps(free, tooLarge), hosts);
            return withComatose.planned() ? withComatose : plan;
        }
        return plan;
    }

    /** "; 2 apps that no server of yours holds within the headroom stay alone where they run", or "" when none. */
    private static String stayAloneNote(Set<String> tooLarge) {
        return tooLarge.isEmpty() ? "" : "; " + Words.count(tooLarge.size(), "app") + " that no server of yours holds "
                + "within the headroom " + (tooLarge.size() == 1 ? "stays alone where it runs" : "stay alone where they run");
    }

    /** What decommission does, in the options table: what it switches off and what else may move. */
    private static String decommissionWhat(long comatose, int overloaded, long sharedWithAlone, boolean comatoseMayStay) {
        List<String> parts = new ArrayList<>();
        parts.add("switch off " + (comatose == 0 ? "" : "the " + Words.count(comatose, "comatose host") + " and ")
                + "hosts with " + FEW_APPS + " apps or fewer whose apps fit elsewhere");
        if (comatoseMayStay) {
            parts.add("comatose hosts whose apps fit nowhere else stay on");
        }
        if (overloaded > 0) {
            parts.add("apps of the " + Words.count(overloaded, "host") + " over the headroom today may move");
        }
        if (sharedWithAlone > 0) {
            parts.add("the other apps on the " + Words.count(sharedWithAlone, "host") + " a dedicated or oversized app "
                    + "takes alone move off (as in every option)");
        }
        parts.add("nothing else changes");
        return String.join("; ", parts);
    }

    /**
     * Hosts whose apps' sized demand (hypervisor overhead added, peaks summed) exceeds capacity ×
     * (1 − headroom) today: their apps cannot all be kept where they are, so decommission may move them.
     */
    private Set<String> overloaded() {
        HypervisorOverhead o = new HypervisorOverhead(s.hypervisorCpuOverhead(), s.hypervisorMemGb());
        Map<String, double[]> load = new HashMap<>();
        for (AppDemandVector v : in.demand()) {
            double[] l = load.computeIfAbsent(v.host(), k -> new double[2]);
            l[0] += o.cpuCores(v.cpuCores(), v.mayShareOs());
            l[1] += o.memGb(v.memGb(), v.mayShareOs());
        }
        Set<String> out = new TreeSet<>();
        load.forEach((host, l) -> {
            ExistingHost h = existing.get(host);
            if (h != null && (l[0] > h.cpuCores() * (1 - s.headroom()) || l[1] > h.memGb() * (1 - s.headroom()))) {
                out.add(host);
            }
        });
        return out;
    }

    private OptionPlan attempt(OptionEvaluator eval, String option, String what, List<AppDemand> apps, List<TargetModel> bins) {
        try {
            ConsolidationPlan plan = Consolidator.plan(request(apps, bins));
            OptionPlan evaluated = eval.evaluate(option, what, plan);
            if (evaluated.row().serversFreed() == 0 && evaluated.row().moves() == 0) {
                // The plan is today's fleet: a row of zeros (or of rounding noise) is no option to weigh.
                return eval.notPlanned(option, "nothing to switch off: every app stays where it runs ("
                        + what + ")");
            }
            return evaluated;
        } catch (UserError | IllegalStateException e) {
            return eval.notPlanned(option, "could not be planned: " + e.getMessage());
        }
    }

    /**
     * Every app as the optimizer sees it: pinned and dedicated apps fixed to their host; with a
     * non-empty {@code movable}, apps on other existing hosts are fixed to their current host too;
     * apps in {@code staysAlone} keep their current host to themselves.
     */
    private List<AppDemand> apps(Set<String> movable, Set<String> staysAlone) {
        List<AppDemand> out = new ArrayList<>();
        for (AppDemandVector v : in.demand()) {
            AppDemand a = DemandItems.toAppDemand(v);
            String pin = pinnedTo.get(v.id());
            boolean alone = a.dedicated() || aloneOnHost.contains(v.id()) || staysAlone.contains(v.id());
            if (staysAlone.contains(v.id())) {
                pin = v.host();
            }
            boolean dedicatedHost = aloneHosts.containsKey(v.host());
            if (pin == null && !movable.isEmpty() && !movable.contains(v.host()) && existing.containsKey(v.host())
                    && !dedicatedHost) {
                pin = v.host();
            }
            out.add(new AppDemand(a.app(), a.cpuCores(), a.memGb(), a.hourlyCpuCores(), a.hourlyMemGb(), a.group(), pin,
                    alone, a.mayShareOs()));
        }
        return out;
    }

    private List<AppDemand> apps(Set<String> movable) {
        return apps(movable, Set.of());
    }

    private ConsolidationRequest request(List<AppDemand> apps, List<TargetModel> bins) {
        Map<String, String> current = new HashMap<>();
        in.demand().stream().filter(v -> existing.containsKey(v.host())).forEach(v -> current.put(v.id(), v.host()));
        return new ConsolidationRequest(apps, bins, s.headroom(),
                new HypervisorOverhead(s.hypervisorCpuOverhead(), s.hypervisorMemGb()),
                Objective.totalCost(s.horizonYears() * Savings.HOURS_PER_YEAR, s.tariffPerKwh() * s.pue()), solver, current);
    }

    private TargetModel hostModel(ExistingHost h) {
        return h.asTarget().withLicencePerYear(s.costs().licencePerYear(h.cpuCores(), h.sockets()));
    }

    /**
     * The scenario's targets as the total-cost objective sees them: a blade carries its share of
     * the chassis price ({@link TargetModel#costOver}), every server its support and licence.
     */
    private List<TargetModel> catalogModels() {
        if (in.targets().isEmpty()) {
            return List.of();
        }
        List<TargetModel> out = new ArrayList<>();
        for (TargetModel t : ConsolidationStage.select(in.targets(), s)) {
            if (existing.containsKey(t.model())) {
                throw new UserError("targets.csv model '" + t.model() + "' has the name of a host in hosts.csv: "
                        + "rename one of them so a plan can tell the new server from the existing one");
            }
            out.add(t.withLicencePerYear(s.costs().licencePerYear(t.cpuCores(), t.sockets())));
        }
        return out;
    }

    /** The host each app is pinned to (pinned or dedicated apps only). */
    public Map<String, String> pinnedTo() {
        return Map.copyOf(pinnedTo);
    }

    /** Hosts a pinned or dedicated app keeps on, with the reason. */
    public Map<String, String> keptHosts() {
        return Map.copyOf(keptReason);
    }
}
