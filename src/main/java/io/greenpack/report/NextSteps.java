package io.greenpack.report;

import io.greenpack.consolidate.ConsolidationStage;
import io.greenpack.correlate.HostEfficiency;
import io.greenpack.correlate.PlanReplay;
import io.greenpack.model.HostSpec;
import io.greenpack.model.TargetModel;
import io.greenpack.optimize.HostPlan;
import io.greenpack.savings.Figure;
import io.greenpack.savings.MigrationMove;
import io.greenpack.savings.SavingsResult;
import io.greenpack.util.Words;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** What to do on Monday, and what could go wrong: the deck's next-steps and risks slides. */
final class NextSteps {
    private NextSteps() {
    }

    /** Moves are grouped into this many waves, each ending when its share of hosts is empty. */
    static final int WAVES = 3;
    private static final int HOSTS_NAMED = 6;

    /** "app-0042 (payments)", or the id alone when apps.csv names no owner. */
    static String withOwner(String app, Map<String, String> owners) {
        String owner = owners.get(app);
        return owner == null || owner.isBlank() ? app : app + " (" + owner + ")";
    }

    static Deck.NextSteps of(PlanOutputs.Page p) {
        List<String> waves = waves(p.savings().migration());
        if (p.verdict().recommendedOption() == null && !waves.isEmpty()) {
            // The moves only matter if the plan goes ahead after all (a longer window, new prices).
            waves = waves.stream().map(w -> w + " (only if the plan goes ahead)").toList();
        }
        return new Deck.NextSteps(switchOffFirst(p), buy(p), waves);
    }

    /**
     * Hosts that need no purchase first: comatose ones, then measured hosts without any application
     * (nothing to move); then the hosts the first moves empty, in migration order.
     */
    static List<String> switchOffFirst(PlanOutputs.Page p) {
        Set<String> kept = new HashSet<>(p.outcome().keptHosts());
        // Existing hosts the plan keeps using stay on, even when some of their apps move away.
        p.outcome().plan().hosts().forEach(h -> kept.add(h.host()));
        Set<String> withMoves = new HashSet<>();
        p.savings().migration().forEach(m -> withMoves.add(m.fromHost()));
        Set<String> comatose = new LinkedHashSet<>();
        Set<String> empty = new LinkedHashSet<>();
        for (HostEfficiency h : p.analysis().hosts()) {
            if (!ConsolidationStage.measured(h) || kept.contains(h.host())) {
                continue;
            }
            if (h.comatose()) {
                comatose.add(h.host());
            } else if (!withMoves.contains(h.host())) {
                empty.add(h.host());
            }
        }
        List<String> out = new ArrayList<>(comatose.stream().map(h -> h + " (comatose: no useful work all window)").toList());
        empty.forEach(h -> out.add(h + " (no application runs on it)"));
        if (p.verdict().recommendedOption() == null) {
            // Nothing pays back: only the hosts that need no move and no purchase go.
            return out;
        }
        Set<String> freed = new LinkedHashSet<>();
        for (MigrationMove m : p.savings().migration()) {
            // The migration names a host only when the plan no longer uses it.
            if (m.freesHost() != null && !comatose.contains(m.freesHost())) {
                freed.add(m.freesHost());
            }
        }
        freed.stream().limit(Math.max(0, HOSTS_NAMED - out.size())).forEach(out::add);
        int rest = comatose.size() + empty.size() + freed.size() - out.size();
        return rest > 0 ? append(out, "then the other " + rest + " in migration.csv order") : out;
    }

    private static List<String> append(List<String> list, String last) {
        List<String> out = new ArrayList<>(list);
        out.add(last);
        return out;
    }

    /** New hosts of the plan by model: "4 × Dell PowerEdge R740 at 17,000 EUR". */
    static List<String> buy(PlanOutputs.Page p) {
        if (p.verdict().recommendedOption() == null) {
            return List.of("nothing now: the plan that buys new hosts ("
                    + Figure.format(p.savings().hardwareCost(), p.savings().currency())
                    + ") does not pay back within " + Figure.format(p.scenario().horizonYears(), "years"));
        }
        Map<String, TargetModel> targets = new TreeMap<>();
        p.outcome().targets().forEach(t -> targets.put(t.model(), t));
        Set<String> existing = new HashSet<>();
        p.hosts().forEach(h -> existing.add(h.host()));
        // Only new hosts are bought: a plan host that is one of today's servers is reused.
        Map<String, Integer> count = new TreeMap<>();
        for (HostPlan h : p.outcome().plan().hosts()) {
            if (!existing.contains(h.host()) && targets.containsKey(h.model())) {
                count.merge(h.model(), 1, Integer::sum);
            }
        }
        if (count.isEmpty()) {
            return List.of("nothing: the plan reuses servers you have");
        }
        List<String> out = new ArrayList<>();
        count.forEach((model, n) -> {
            out.add(n + " × " + model + " at " + Figure.format(targets.get(model).price(), p.savings().currency()) + " each");
        });
        out.add("total " + Figure.format(p.savings().hardwareCost(), p.savings().currency()));
        return out;
    }

    /**
     * The moves in waves, each ending with the move that empties its last host; the moves off
     * servers that stay on (they free nothing, so the migration puts them last) follow in one line.
     */
    static List<String> waves(List<MigrationMove> moves) {
        List<String> out = new ArrayList<>();
        int lastFreeing = -1;
        for (int i = 0; i < moves.size(); i++) {
            lastFreeing = moves.get(i).freesHost() != null ? i : lastFreeing;
        }
        long freed = moves.stream().filter(m -> m.freesHost() != null).count();
        long perWave = Math.max(1, (freed + WAVES - 1) / WAVES);
        int start = 0;
        List<String> hosts = new ArrayList<>();
        for (int i = 0; i <= lastFreeing; i++) {
            MigrationMove m = moves.get(i);
            if (m.freesHost() != null) {
                hosts.add(m.freesHost());
            }
            if (hosts.size() == perWave && out.size() < WAVES - 1 || i == lastFreeing) {
                out.add(wave(out.size() + 1, moves, start, i, hosts));
                start = i + 1;
                hosts = new ArrayList<>();
            }
        }
        if (start < moves.size()) {
            int to = moves.size() - 1;
            out.add(String.format(Locale.ROOT, "%s: moves %d–%d (%s, about %s) off servers that stay on; they free no server",
                    out.isEmpty() ? "rebalance" : "then", moves.get(start).step(), moves.get(to).step(),
                    migrations(to - start + 1), duration(seconds(moves, start, to))));
        }
        return out;
    }

    private static String migrations(int n) {
        return Words.count(n, "migration");
    }

    private static double seconds(List<MigrationMove> moves, int from, int to) {
        return moves.get(to).cumulativeSeconds() - (from == 0 ? 0 : moves.get(from - 1).cumulativeSeconds());
    }

    private static String wave(int n, List<MigrationMove> moves, int from, int to, List<String> hosts) {
        double seconds = seconds(moves, from, to);
        String named = String.join(", ", hosts.stream().limit(4).toList()) + (hosts.size() > 4 ? ", …" : "");
        return String.format(Locale.ROOT, "wave %d: moves %d–%d (%s, about %s), empties %d %s%s", n,
                moves.get(from).step(), moves.get(to).step(), migrations(to - from + 1), duration(seconds), hosts.size(),
                hosts.size() == 1 ? "host" : "hosts", hosts.isEmpty() ? "" : ": " + named);
    }

    private static String duration(double seconds) {
        return seconds < 120 ? Figure.format(seconds, "seconds") : seconds < 7200 ? Figure.format(seconds / 60, "minutes")
                : Figure.format(seconds / 3600, "hours");
    }

    /** The risks a director should weigh: data window, illustrative models, P2V, contention, model error. */
    static List<String> risks(PlanOutputs.Page p) {
        SavingsResult r = p.savings();
        List<String> out = new ArrayList<>();
        out.add(VerdictText.shortWindow(r.windowHours()).orElse("The data covers " + Figure.format(r.windowHours() / 24, "days")
                + "; yearly figures scale it to a year and miss seasonal peaks outside it."));
        Set<String> planned = new HashSet<>();
        p.outcome().plan().hosts().forEach(h -> planned.add(h.model()));
        List<String> illustrative = p.outcome().targets().stream().filter(t -> planned.contains(t.model()))
                .filter(t -> t.source() != null && t.source().toLowerCase(Locale.ROOT).contains("illustrative"))
                .map(TargetModel::model).toList();
        out.add(illustrative.isEmpty()
                ? "Target power curves and prices come from targets.csv; check the prices against a current quote."
                : "Illustrative target models in the plan (" + String.join(", ", illustrative) + "): their power curve and "
                + "price are not published figures; get a vendor quote and curve before buying.");
        Set<String> physical = new HashSet<>();
        p.hosts().stream().filter(h -> "physical".equals(h.role())).map(HostSpec::host).forEach(physical::add);
        long p2v = r.migration().stream().filter(m -> physical.contains(m.fromHost())).count();
        out.add(p2v == 0 ? "No P2V conversions: every move is a live migration between hypervisors."
                : p2v + " of " + r.migration().size() + " moves are P2V conversions off physical hosts: each needs a "
                + "conversion and a maintenance window, not a live migration.");
        out.add("Replayed contention: against the measured demand of every interval, co-hosted load exceeded capacity in "
                + VerdictText.percent(PlanReplay.overShare(p.outcome().risk())) + " of host-intervals (p"
                + Figure.format(p.scenario().percentile(), "") + " sizing, " + Figure.format(p.scenario().headroom() * 100, "%")
                + " headroom); more headroom lowers it and saves less.");
        out.add("Power model error: energy saved lies between " + Figure.format(r.facilityKwhSavedLow(), "") + " and "
                + Figure.format(r.facilityKwhSavedHigh(), "kWh/year") + " (facility).");
        return out;
    }
}
