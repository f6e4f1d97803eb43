package io.greenpack.optimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Existing hosts that are interchangeable for the solver — same capacity, power curve and cost, no
 * app pinned to them — become one bin type available as many times as there are such hosts (the
 * solver searches far better over a few types with counts than over many types available once).
 * After solving, each bin of a merged type is given back one of its hosts: the pairs of bin and
 * host that share the most apps running there today first, so apps stay where they are. A
 * dedicated app pinned to a host takes that host alone: both are left out of the solver's problem
 * and come back as a bin of their own.
 */
final class HostGroups {
    private final PackingProblem original;
    private final PackingProblem merged;
    private final Map<String, List<String>> hostsOfGroup = new LinkedHashMap<>();
    private final Map<String, String> alone = new LinkedHashMap<>();

    HostGroups(PackingProblem p, Set<String> existingTypes) {
        this.original = p;
        Set<String> pinned = new HashSet<>();
        List<Item> items = new ArrayList<>();
        Map<String, Integer> pinsPerType = new HashMap<>();
        p.items().stream().filter(i -> i.pinType() != null).forEach(i -> pinsPerType.merge(i.pinType(), 1, Integer::sum));
        for (Item i : p.items()) {
            if (i.pinType() != null && i.dedicated() && pinsPerType.get(i.pinType()) == 1) {
                alone.put(i.id(), i.pinType());
                continue;
            }
            if (i.pinType() != null) {
                pinned.add(i.pinType());
            }
            items.add(i);
        }
        Map<String, BinType> groupType = new LinkedHashMap<>();
        List<BinType> types = new ArrayList<>();
        for (BinType t : p.binTypes()) {
            if (alone.containsValue(t.id())) {
                continue;
            }
            if (!existingTypes.contains(t.id()) || pinned.contains(t.id()) || t.available() != 1) {
                types.add(t);
                continue;
            }
            String key = Arrays.toString(t.capacity()) + "|" + t.cost() + "|" + t.powerCurve();
            BinType g = groupType.get(key);
            String id = g == null ? "group of " + t.id() : g.id();
            groupType.put(key, new BinType(id, t.capacity(), t.cost(), t.powerCurve(), g == null ? 1 : g.available() + 1));
            hostsOfGroup.computeIfAbsent(id, k -> new ArrayList<>()).add(t.id());
        }
        types.addAll(groupType.values());
        merged = new PackingProblem(p.dimensions(), items, types, p.headroom(), p.objective(), p.cpuDimension(),
                p.memDimension());
    }

    PackingProblem merged() {
        return merged;
    }

    /** The merged plan's bins on the original problem's types (each bin of a group on one of its hosts). */
    Plan unmerge(Plan plan, Map<String, String> currentType) {
        List<List<String>> content = new ArrayList<>();
        List<String> types = new ArrayList<>();
        Map<String, List<PlannedBin>> byGroup = new HashMap<>();
        for (PlannedBin b : plan.bins()) {
            if (hostsOfGroup.containsKey(b.type())) {
                byGroup.computeIfAbsent(b.type(), k -> new ArrayList<>()).add(b);
            } else {
                content.add(new ArrayList<>(b.items()));
                types.add(b.type());
            }
        }
        byGroup.forEach((group, bins) -> assign(bins, hostsOfGroup.get(group), currentType, content, types));
        alone.forEach((item, host) -> {
            content.add(new ArrayList<>(List.of(item)));
            types.add(host);
        });
        // A host with a dedicated app is one more bin than the merged problem's bound counts.
        int lb = plan.lowerBound() + alone.size();
        Plan template = new Plan(plan.bins(), plan.objectiveKind(), plan.objective(), plan.binsUsed(), lb,
                plan.objectiveLowerBound(), plan.gap(), plan.seconds(), plan.iterations(), plan.stoppedBy(), plan.seed(),
                plan.meanBalance(), plan.bounds());
        return StayFirst.rebuild(original, template, content, types);
    }

    /** Greedy matching of bins to hosts by the number of a bin's apps that run on the host today. */
    private static void assign(List<PlannedBin> bins, List<String> hosts, Map<String, String> currentType,
                               List<List<String>> content, List<String> types) {
        record Pair(int bin, String host, int shared) {
        }
        List<Pair> pairs = new ArrayList<>();
        for (int b = 0; b < bins.size(); b++) {
            Map<String, Integer> count = new HashMap<>();
            for (String id : bins.get(b).items()) {
                String h = currentType.get(id);
                if (h != null) {
                    count.merge(h, 1, Integer::sum);
                }
            }
            for (String h : hosts) {
                pairs.add(new Pair(b, h, count.getOrDefault(h, 0)));
            }
        }
        pairs.sort(Comparator.comparingInt((Pair x) -> -x.shared()).thenComparing(Pair::host).thenComparingInt(Pair::bin));
        Set<Integer> binDone = new HashSet<>();
        Set<String> hostDone = new HashSet<>();
        for (Pair x : pairs) {
            if (!binDone.contains(x.bin()) && !hostDone.contains(x.host())) {
                binDone.add(x.bin());
                hostDone.add(x.host());
                content.add(new ArrayList<>(bins.get(x.bin()).items()));
                types.add(x.host());
            }
        }
    }
}
