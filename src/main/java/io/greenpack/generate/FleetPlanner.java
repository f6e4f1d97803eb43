package io.greenpack.generate;

import io.greenpack.generate.FleetPlan.App;
import io.greenpack.generate.FleetPlan.BadRow;
import io.greenpack.generate.FleetPlan.CounterReset;
import io.greenpack.generate.FleetPlan.Host;
import io.greenpack.generate.FleetPlan.Meter;
import io.greenpack.generate.FleetPlan.Outage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Draws the static fleet from the seed: hosts and their models, apps of every class, replica
 * groups, placement, sizing and the defects to inject. Pure and deterministic; only lists (never
 * hash iteration order) decide what comes out.
 *
 * <p>Sizing is done per host after placement so that utilization really spans a wide range:
 * every host gets a target peak utilization (cool 10-35 %, warm 45-70 %, hot 80-93 %; every model
 * gets a hot, a cool and a warm host first so that its curve can be fitted), and the CPU-heavy
 * apps placed on it share that budget. Apps on one host peak within +-1.5 h of each other
 * (they serve the same business), apps on different hosts peak at different hours.
 */
public final class FleetPlanner {
    static final String[] TEAMS = {"payments", "search", "analytics", "platform", "crm", "data-eng"};
    static final String[] SITES = {"fra1", "ams1"};
    /** Class shares of the app population: cpu, memory, io, idle, balanced. */
    private static final double[] CLASS_SHARES = {0.20, 0.18, 0.14, 0.20, 0.28};
    private static final AppClass[] CLASS_ORDER = {AppClass.CPU_BOUND, AppClass.MEMORY_BOUND, AppClass.IO_BOUND,
            AppClass.IDLE, AppClass.BALANCED};

    private final GenerateOptions options;
    private final SplittableRandom rng;

    private FleetPlanner(GenerateOptions options) {
        this.options = options;
        this.rng = new SplittableRandom(options.seed());
    }

    public static FleetPlan plan(GenerateOptions options) {
        return new FleetPlanner(options).build();
    }

    /** Mutable while planning; frozen into {@link App} at the end. */
    private static final class Draft {
        int index;
        String name;
        AppClass cls;
        String owner;
        String group = "";
        int host = -1;
        int instances = 1;
        double instance1Share = 1.0;
        double peakCpu;
        double cpuFloor;
        double peakMem;
        double memFloor;
        double iops;
        double mbps;
        double net;
        double peakHour;
        double width;
        double weekend;
        double weight;
        String needs = "";
        boolean mayShareOs;
        boolean pinned;
    }

    private static final class HostState {
        final int index;
        final HardwareModel model;
        boolean comatose;
        double target;
        double peakHour;
        double nominalCpu;
        double memUsed;
        int apps;
        final Set<String> groups = new HashSet<>();
        final double tieBreak;

        HostState(int index, HardwareModel model, double tieBreak) {
            this.index = index;
            this.model = model;
            this.tieBreak = tieBreak;
        }

        double budget() {
            return target * model.cores();
        }

        double remaining() {
            return budget() - nominalCpu;
        }

        double memFree() {
            return 0.85 * model.memGb() - memUsed;
        }
    }

    private FleetPlan build() {
        List<HardwareModel> models = options.modelSet().models();
        List<HostState> hosts = drawHosts(models);
        List<Draft> apps = drawApps(hosts);
        place(hosts, apps);
        size(hosts, apps);
        // Truth follows what was built: a host left with idle apps only (more hosts than busy apps)
        // is comatose too.
        boolean[] busy = new boolean[hosts.size()];
        for (Draft d : apps) {
            busy[d.host] |= d.cls != AppClass.IDLE;
        }
        for (HostState h : hosts) {
            h.comatose = !busy[h.index];
        }
        decorate(hosts, apps);

        Metering metering = drawMetering(hosts, models);
        List<Host> frozenHosts = freezeHosts(hosts, metering.counterHosts());
        List<App> frozenApps = freezeApps(apps, frozenHosts);
        List<BadRow> bad = badRows(frozenHosts, frozenApps, metering.outageHosts(), options.intervals());
        return new FleetPlan(options, List.copyOf(frozenHosts), List.copyOf(frozenApps),
                List.copyOf(metering.outages()), List.copyOf(metering.resets()), List.copyOf(bad));
    }

    /** Hosts and models (every model at least once, the rest by weight), comatose hosts, load targets, peak hours. */
    private List<HostState> drawHosts(List<HardwareModel> models) {
        int nHosts = options.hosts();
        List<HostState> hosts = new ArrayList<>();
        for (int i = 0; i < nHosts; i++) {
            HardwareModel m = i < models.size() ? models.get(i) : weighted(models);
            hosts.add(new HostState(i, m, rng.nextDouble()));
        }

        // Comatose hosts: never the first host of a model, which must stay fit-able.
        int comatoseCount = nHosts >= 4 ? Math.max(1, (int) Math.round(nHosts * 0.075)) : 0;
        List<HostState> candidates = new ArrayList<>(hosts.subList(Math.min(models.size(), nHosts), nHosts));
        shuffle(candidates);
        for (int i = 0; i < comatoseCount && i < candidates.size(); i++) {
            candidates.get(i).comatose = true;
        }
        drawTargets(hosts, models);
        for (HostState h : hosts) {
            double p = rng.nextDouble();
            h.peakHour = p < 0.7 ? uniform(9, 16) : p < 0.9 ? uniform(18, 22) : uniform(1, 4);
        }
        return hosts;
    }

    /** Target peak utilization per host; each model gets a hot, a cool and a warm host first. */
    private void drawTargets(List<HostState> hosts, List<HardwareModel> models) {
        for (HardwareModel m : models) {
            List<HostState> ofModel = new ArrayList<>();
            for (HostState h : hosts) {
                if (h.model == m && !h.comatose) {
                    ofModel.add(h);
                }
            }
            shuffle(ofModel);
            for (int i = 0; i < ofModel.size(); i++) {
                double p = rng.nextDouble();
                String tier = i == 0 ? "hot" : i == 1 ? "cool" : i == 2 ? "warm" : p < 0.12 ? "hot" : p < 0.37 ? "warm" : "cool";
                ofModel.get(i).target = switch (tier) {
                    case "hot" -> uniform(0.80, 0.93);
                    case "warm" -> uniform(0.45, 0.70);
                    default -> uniform(0.10, 0.35);
                };
            }
        }
    }

    /** Apps: classes by share, each with its profile, then replica groups of 2-3 within a class. */
    private List<Draft> drawApps(List<HostState> hosts) {
        int nApps = options.apps();
        List<Draft> apps = new ArrayList<>();
        int width = Math.max(4, String.valueOf(nApps).length());
        List<AppClass> classes = classList(nApps);
        shuffle(classes);
        for (int i = 0; i < nApps; i++) {
            Draft d = new Draft();
            d.index = i;
            d.name = "app-" + pad(i + 1, width);
            d.cls = classes.get(i);
            d.owner = TEAMS[rng.nextInt(TEAMS.length)];
            drawProfile(d);
            apps.add(d);
        }
        int nonComatose = (int) hosts.stream().filter(h -> !h.comatose).count();
        int groupNo = 0;
        for (AppClass c : CLASS_ORDER) {
            if (c == AppClass.IDLE || nonComatose < 2) {
                continue;
            }
            List<Draft> ofClass = new ArrayList<>();
            for (Draft d : apps) {
                if (d.cls == c) {
                    ofClass.add(d);
                }
            }
            groupNo = groupReplicas(ofClass, nonComatose, groupNo);
        }
        return apps;
    }

    /** Replica groups among the apps of one class; returns the last group number used. */
    private int groupReplicas(List<Draft> ofClass, int nonComatose, int groupNo) {
        int i = 0;
        while (i + 1 < ofClass.size()) {
            if (rng.nextDouble() < 0.14) {
                int size = Math.min(rng.nextDouble() < 0.7 ? 2 : 3, Math.min(nonComatose, ofClass.size() - i));
                groupNo++;
                Draft first = ofClass.get(i);
                for (int k = 0; k < size; k++) {
                    Draft r = ofClass.get(i + k);
                    r.group = "grp-" + pad(groupNo, 3);
                    r.owner = first.owner;
                    r.width = first.width;
                    r.cpuFloor = first.cpuFloor;
                    r.weekend = first.weekend;
                    r.peakMem = first.peakMem * uniform(0.95, 1.05);
                }
                i += size;
            } else {
                i++;
            }
        }
        return groupNo;
    }

    /** Which hosts have an energy counter, the collector outages and the counter reset. */
    private record Metering(Set<Integer> counterHosts, List<Outage> outages, Set<Integer> outageHosts,
                            List<CounterReset> resets) {
    }

    private Metering drawMetering(List<HostState> hosts, List<HardwareModel> models) {
        int nHosts = hosts.size();
        List<HostState> special = new ArrayList<>();
        for (HostState h : hosts) {
            if (!h.comatose && h.index >= models.size()) {
                special.add(h);
            }
        }
        shuffle(special);
        int counterCount = nHosts >= 4 ? Math.max(1, (int) Math.round(nHosts * 0.065)) : 0;
        Set<Integer> counterHosts = new HashSet<>();
        for (int i = 0; i < counterCount && i < special.size(); i++) {
            counterHosts.add(special.get(i).index);
        }
        int intervals = options.intervals();
        int outageLen = Math.max(1, 120 / options.intervalMinutes());
        int perDay = 1440 / options.intervalMinutes();
        int outageCount = nHosts >= 6 ? 2 : nHosts >= 3 ? 1 : 0;
        List<Outage> outages = new ArrayList<>();
        Set<Integer> outageHosts = new HashSet<>();
        if (intervals >= outageLen * 4) {
            int lo = Math.min(perDay / 2, intervals / 4);
            int hi = intervals - outageLen - Math.min(perDay / 4, intervals / 8);
            for (int i = counterCount; i < special.size() && outages.size() < outageCount; i++) {
                HostState h = special.get(i);
                int from = lo + rng.nextInt(Math.max(1, hi - lo));
                outages.add(new Outage(h.index, from, from + outageLen));
                outageHosts.add(h.index);
            }
        }
        List<CounterReset> resets = new ArrayList<>();
        if (!counterHosts.isEmpty() && intervals >= 3) {
            resets.add(new CounterReset(special.get(0).index, intervals / 3 + rng.nextInt(Math.max(1, intervals / 3))));
        }
        return new Metering(counterHosts, outages, outageHosts, resets);
    }

    /** The hosts as the plan keeps them: meter, PSUs, source, role and site drawn here. */
    private List<Host> freezeHosts(List<HostState> hosts, Set<Integer> counterHosts) {
        List<Host> frozenHosts = new ArrayList<>();
        int hostWidth = Math.max(3, String.valueOf(hosts.size()).length());
        for (HostState h : hosts) {
            boolean counter = counterHosts.contains(h.index);
            int psus = !counter && h.model.rackUnits() >= 2 && rng.nextDouble() < 0.7 ? 2 : 1;
            String source = counter ? "pdu" : psus == 2 ? "ipmi" : rng.nextDouble() < 0.5 ? "pdu" : "ipmi";
            double share = 0.5 + (rng.nextBoolean() ? 1 : -1) * uniform(0.01, 0.04);
            String role = rng.nextDouble() < 0.6 ? "hypervisor" : "physical";
            String site = SITES[rng.nextDouble() < 0.65 ? 0 : 1];
            frozenHosts.add(new Host(h.index, hostName(h.index, hostWidth), h.model, site, role, psus,
                    counter ? Meter.ENERGY_COUNTER : Meter.WATTS, source, h.comatose ? 0.0 : h.target,
                    h.peakHour, h.comatose, share, Math.floor(uniform(200_000, 4_000_000))));
        }
        return frozenHosts;
    }

    /** The apps as the plan keeps them, with their reservations drawn here. */
    private List<App> freezeApps(List<Draft> apps, List<Host> frozenHosts) {
        List<App> frozenApps = new ArrayList<>();
        for (Draft d : apps) {
            double reservedFactor = uniform(1.5, 4.0);
            int reservedCores = Math.max(1, (int) Math.ceil(d.peakCpu * reservedFactor));
            int reservedMem = Math.max(1, (int) Math.ceil(d.peakMem * uniform(1.3, 3.0)));
            frozenApps.add(new App(d.index, d.name, d.cls, d.owner, d.group, d.host, d.instances, d.instance1Share,
                    d.peakCpu, d.cpuFloor, d.peakMem, d.memFloor, d.iops, d.mbps, d.net, d.peakHour, d.width,
                    d.weekend, reservedCores, reservedMem, d.needs, d.mayShareOs,
                    d.pinned ? frozenHosts.get(d.host).name() : ""));
        }
        return frozenApps;
    }

    static String hostName(int index, int width) {
        return "srv-" + pad(index + 1, width);
    }

    /** Profile parameters that do not depend on the host the app lands on. */
    private void drawProfile(Draft d) {
        d.weekend = rng.nextDouble() < 0.2 ? 1.0 : uniform(0.35, 0.8);
        switch (d.cls) {
            case CPU_BOUND -> {
                d.peakMem = uniform(0.5, 4.0);
                d.memFloor = uniform(0.6, 0.8);
                d.cpuFloor = uniform(0.10, 0.30);
                d.width = uniform(2, 4);
                d.iops = uniform(10, 150);
                d.mbps = uniform(1, 10);
                d.net = uniform(5, 80);
                d.weight = uniform(3, 5);
            }
            case MEMORY_BOUND -> {
                // Memory share of even the largest host at least ~3x its CPU share.
                d.peakCpu = uniform(0.2, 0.6);
                d.peakMem = uniform(32, 112);
                d.memFloor = uniform(0.88, 0.95);
                d.cpuFloor = uniform(0.4, 0.7);
                d.width = uniform(4, 6);
                d.iops = uniform(20, 200);
                d.mbps = uniform(2, 20);
                d.net = uniform(5, 50);
            }
            case IO_BOUND -> {
                d.peakCpu = uniform(0.3, 1.2);
                d.peakMem = uniform(2, 8);
                d.memFloor = uniform(0.6, 0.8);
                d.cpuFloor = uniform(0.15, 0.35);
                d.width = uniform(2, 4);
                d.iops = uniform(2500, 12000);
                d.mbps = uniform(120, 600);
                d.net = uniform(50, 400);
            }
            case IDLE -> {
                // Below 0.05 cores at every sample: level * (0.7 + 0.6 * noise) < 0.025 * 1.3.
                d.peakCpu = uniform(0.004, 0.025);
                d.peakMem = uniform(0.1, 0.8);
                d.memFloor = 0.95;
                d.cpuFloor = 1.0;
                d.width = 3;
                d.iops = uniform(0, 3);
                d.mbps = 0.05;
                d.net = 0.02;
                d.weekend = 1.0;
            }
            case BALANCED -> {
                d.memFloor = uniform(0.6, 0.8);
                d.cpuFloor = uniform(0.25, 0.45);
                d.width = uniform(3, 5);
                d.iops = uniform(100, 800);
                d.mbps = uniform(5, 40);
                d.net = uniform(10, 100);
                d.weight = uniform(0.8, 1.2);
            }
        }
    }

    private void place(List<HostState> hosts, List<Draft> apps) {
        List<HostState> live = new ArrayList<>();
        List<HostState> coma = new ArrayList<>();
        for (HostState h : hosts) {
            (h.comatose ? coma : live).add(h);
        }
        List<Draft> idle = ofClass(apps, AppClass.IDLE);
        // Comatose hosts: the first runs nothing at all, the others one or two idle apps.
        int next = 0;
        for (int i = 1; i < coma.size(); i++) {
            int n = 1 + rng.nextInt(2);
            for (int k = 0; k < n && next < idle.size(); k++) {
                assign(idle.get(next++), coma.get(i), 0.0);
            }
        }
        if (live.isEmpty()) {
            // Degenerate tiny fleet: everything left goes to the comatose hosts, which then are not.
            live.addAll(coma);
            for (HostState h : coma) {
                h.comatose = false;
                h.target = 0.3;
            }
        }
        // Seed: one CPU-heavy app per live host, the cpu-bound ones on the hottest hosts.
        List<Draft> heavy = new ArrayList<>(ofClass(apps, AppClass.CPU_BOUND));
        heavy.addAll(ofClass(apps, AppClass.BALANCED));
        List<HostState> byHeat = new ArrayList<>(live);
        byHeat.sort(Comparator.comparingDouble((HostState h) -> -h.target).thenComparingInt(h -> h.index));
        int seeded = 0;
        for (HostState h : byHeat) {
            if (seeded >= heavy.size()) {
                break;
            }
            Draft d = heavy.get(seeded++);
            assign(d, h, nominal(d));
        }
        for (int i = seeded; i < heavy.size(); i++) {
            Draft d = heavy.get(i);
            if (d.cls == AppClass.CPU_BOUND) {
                assign(d, best(live, d, Comparator.comparingDouble((HostState h) -> -h.remaining())), nominal(d));
            }
        }
        for (Draft d : ofClass(apps, AppClass.MEMORY_BOUND)) {
            assign(d, best(live, d, Comparator.comparingDouble((HostState h) -> -(h.memFree() - d.peakMem >= 0 ? 1 : 0))
                    .thenComparingInt(h -> h.apps).thenComparingDouble(h -> -h.memFree())), nominal(d));
        }
        List<Draft> rest = new ArrayList<>(ofClass(apps, AppClass.IO_BOUND));
        for (int i = seeded; i < heavy.size(); i++) {
            if (heavy.get(i).cls == AppClass.BALANCED) {
                rest.add(heavy.get(i));
            }
        }
        rest.addAll(idle.subList(next, idle.size()));
        for (Draft d : rest) {
            assign(d, best(live, d, Comparator.comparingInt((HostState h) -> h.apps)
                    .thenComparingDouble(h -> -h.remaining())), nominal(d));
        }
    }

    /** The best host by {@code order} that holds no replica of the app's group (any host if none). */
    private HostState best(List<HostState> live, Draft d, Comparator<HostState> order) {
        Comparator<HostState> full = order.thenComparingDouble(h -> h.tieBreak).thenComparingInt(h -> h.index);
        HostState best = null;
        HostState bestAny = null;
        for (HostState h : live) {
            if (bestAny == null || full.compare(h, bestAny) < 0) {
                bestAny = h;
            }
            if (!d.group.isEmpty() && h.groups.contains(d.group)) {
                continue;
            }
            if (best == null || full.compare(h, best) < 0) {
                best = h;
            }
        }
        return best != null ? best : bestAny;
    }

    private static double nominal(Draft d) {
        return switch (d.cls) {
            case CPU_BOUND -> 6.0;
            case BALANCED -> 2.0;
            default -> d.peakCpu;
        };
    }

    private static void assign(Draft d, HostState h, double nominalCpu) {
        d.host = h.index;
        h.apps++;
        h.nominalCpu += nominalCpu;
        h.memUsed += d.peakMem;
        if (!d.group.isEmpty()) {
            h.groups.add(d.group);
        }
    }

    /** Splits each host's CPU budget among its cpu-bound and balanced apps. */
    private void size(List<HostState> hosts, List<Draft> apps) {
        for (HostState h : hosts) {
            List<Draft> on = new ArrayList<>();
            for (Draft d : apps) {
                if (d.host == h.index) {
                    on.add(d);
                }
            }
            double fixed = 0;
            double weights = 0;
            for (Draft d : on) {
                if (d.cls == AppClass.CPU_BOUND || d.cls == AppClass.BALANCED) {
                    weights += d.weight;
                } else {
                    fixed += d.peakCpu;
                }
            }
            double left = Math.max(0, h.budget() - fixed);
            for (Draft d : on) {
                double share = weights > 0 ? left * d.weight / weights : 0;
                if (d.cls == AppClass.CPU_BOUND) {
                    d.peakCpu = clamp(share, 2.0, Math.min(0.6 * h.model.cores(), 32));
                } else if (d.cls == AppClass.BALANCED) {
                    d.peakCpu = clamp(share, 1.0, Math.min(4.0, 0.25 * h.model.cores()));
                    // Memory in step with CPU at the host's own GB-per-core ratio: equal shares of both.
                    d.peakMem = d.peakCpu * h.model.memGb() / h.model.cores() * uniform(0.8, 1.25);
                }
                d.peakHour = d.cls == AppClass.IDLE ? uniform(0, 24) : wrap(h.peakHour + uniform(-1.5, 1.5));
            }
            // Resident memory must fit the host; trim the balanced apps (rarely needed, never below half).
            double memSum = 0;
            double balancedMem = 0;
            for (Draft d : on) {
                memSum += d.peakMem;
                balancedMem += d.cls == AppClass.BALANCED ? d.peakMem : 0;
            }
            double limit = 0.92 * h.model.memGb();
            if (memSum > limit && balancedMem > 0) {
                double f = Math.max(0.5, 1 - (memSum - limit) / balancedMem);
                for (Draft d : on) {
                    if (d.cls == AppClass.BALANCED) {
                        d.peakMem *= f;
                    }
                }
            }
        }
        // Replicas keep their host's peak hour rather than the group's: a host's apps must peak
        // together for hot hosts to reach their target (replicas behind a balancer also lag a bit).
    }

    /** apps.csv facts and instance splits. */
    private void decorate(List<HostState> hosts, List<Draft> apps) {
        for (Draft d : apps) {
            d.mayShareOs = rng.nextDouble() < 0.25;
            if (d.cls != AppClass.IDLE && rng.nextDouble() < 0.10) {
                d.instances = 2;
                d.instance1Share = uniform(0.35, 0.65);
            }
            if (d.group.isEmpty() && rng.nextDouble() < 0.03) {
                d.pinned = true;
            }
            double p = rng.nextDouble();
            if (d.cls == AppClass.CPU_BOUND && p < 0.04) {
                d.needs = "gpu";
            } else if (d.cls == AppClass.CPU_BOUND && p < 0.08) {
                d.needs = "infiniband";
            } else if (d.cls == AppClass.IO_BOUND && p < 0.30) {
                d.needs = "heavy_io";
            }
        }
        // At least one of each need when the fleet is big enough to carry it.
        ensureNeed(apps, AppClass.CPU_BOUND, "gpu");
        ensureNeed(apps, AppClass.CPU_BOUND, "infiniband");
        ensureNeed(apps, AppClass.IO_BOUND, "heavy_io");
    }

    private static void ensureNeed(List<Draft> apps, AppClass cls, String need) {
        for (Draft d : apps) {
            if (d.needs.equals(need)) {
                return;
            }
        }
        for (Draft d : apps) {
            if (d.cls == cls && d.needs.isEmpty()) {
                d.needs = need;
                return;
            }
        }
    }

    private List<BadRow> badRows(List<Host> hosts, List<App> apps, Set<Integer> outageHosts, int intervals) {
        List<BadRow> bad = new ArrayList<>();
        if (intervals < 20) {
            return bad;
        }
        List<Host> plain = new ArrayList<>();
        for (Host h : hosts) {
            if (h.psus() == 1 && h.meter() == Meter.WATTS && !outageHosts.contains(h.index())) {
                plain.add(h);
            }
        }
        List<App> steady = new ArrayList<>();
        for (App a : apps) {
            if (!outageHosts.contains(a.hostIndex())) {
                steady.add(a);
            }
        }
        Set<Long> used = new HashSet<>();
        String[] powerReasons = {"negative_watts", "negative_watts", "non_numeric_watts", "non_numeric_watts",
                "future_timestamp", "timestamp_before_1990"};
        if (!plain.isEmpty()) {
            for (String reason : powerReasons) {
                Host h = plain.get(rng.nextInt(plain.size()));
                int t = freeInterval(used, h.index(), intervals);
                bad.add(new BadRow("power", reason, t, h.index(), -1));
            }
        }
        for (int i = 0; i < 3; i++) {
            bad.add(new BadRow("utilization", "unknown_host", 1 + rng.nextInt(intervals - 2), -1,
                    steady.isEmpty() ? -1 : steady.get(rng.nextInt(steady.size())).index()));
        }
        if (!steady.isEmpty()) {
            Set<Long> usedApps = new HashSet<>();
            for (String reason : new String[]{"absurd_cpu_cores", "absurd_cpu_cores", "non_numeric_mem_gb"}) {
                App a = steady.get(rng.nextInt(steady.size()));
                int t = freeInterval(usedApps, a.index(), intervals);
                bad.add(new BadRow("utilization", reason, t, a.hostIndex(), a.index()));
            }
        }
        return bad;
    }

    private int freeInterval(Set<Long> used, int who, int intervals) {
        while (true) {
            int t = 1 + rng.nextInt(intervals - 2);
            if (used.add(((long) who << 32) | t)) {
                return t;
            }
        }
    }

    private List<AppClass> classList(int n) {
        int[] counts = new int[CLASS_SHARES.length];
        int total = 0;
        for (int i = 0; i < counts.length; i++) {
            counts[i] = (int) Math.floor(n * CLASS_SHARES[i]);
            total += counts[i];
        }
        // Remainder to the classes with the largest fractional parts, first in order on ties.
        while (total < n) {
            int best = 0;
            double bestFrac = -1;
            for (int i = 0; i < counts.length; i++) {
                double frac = n * CLASS_SHARES[i] - counts[i];
                if (frac > bestFrac) {
                    best = i;
                    bestFrac = frac;
                }
            }
            counts[best]++;
            total++;
        }
        // Every class at least once when there are enough apps, taken from the largest class.
        if (n >= CLASS_SHARES.length) {
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    int largest = 0;
                    for (int k = 1; k < counts.length; k++) {
                        if (counts[k] > counts[largest]) {
                            largest = k;
                        }
                    }
                    counts[largest]--;
                    counts[i]++;
                }
            }
        }
        List<AppClass> list = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            for (int k = 0; k < counts[i]; k++) {
                list.add(CLASS_ORDER[i]);
            }
        }
        return list;
    }

    private static List<Draft> ofClass(List<Draft> apps, AppClass c) {
        List<Draft> list = new ArrayList<>();
        for (Draft d : apps) {
            if (d.cls == c) {
                list.add(d);
            }
        }
        return list;
    }

    private HardwareModel weighted(List<HardwareModel> models) {
        double total = 0;
        for (HardwareModel m : models) {
            total += m.fleetWeight();
        }
        double x = rng.nextDouble() * total;
        for (HardwareModel m : models) {
            x -= m.fleetWeight();
            if (x < 0) {
                return m;
            }
        }
        return models.get(models.size() - 1);
    }

    private <T> void shuffle(List<T> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }

    private double uniform(double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static double wrap(double hour) {
        double h = hour % 24.0;
        return h < 0 ? h + 24.0 : h;
    }

    static String pad(int n, int width) {
        StringBuilder s = new StringBuilder(Integer.toString(n));
        while (s.length() < width) {
            s.insert(0, '0');
        }
        return s.toString();
    }
}
