package io.greenpack.optimize;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A generated fleet of unique existing hosts (each its own bin type, available once) with apps on
 * them, shaped like a large report: about five apps a host, 24 hourly profiles in cores and GB, some
 * hosts overloaded (their apps must move) and many lightly loaded (candidates to empty), plus, unless
 * the fleet is for reuse only, one purchasable model. Without it an app that fits no open host can
 * only get in by evicting others, which is what the repair step does. {@link #main} times
 * {@link StayFirst#construct} on it.
 */
record StayFirstFleet(PackingProblem problem, Map<String, String> currentType) {

    static StayFirstFleet of(int hosts, int apps, long seed, boolean purchasable, double scale) {
        Random r = new Random(seed);
        List<BinType> types = new ArrayList<>();
        for (int h = 0; h < hosts; h++) {
            double cores = 16 + 16 * r.nextInt(3);
            types.add(new BinType(String.format("host%05d", h), new double[] {cores, cores * 8}, 1, null, 1));
        }
        if (purchasable) {
            types.add(new BinType("new-model", new double[] {64, 512}, 1.5, null, BinType.UNLIMITED));
        }
        List<Item> items = new ArrayList<>();
        Map<String, String> current = new HashMap<>();
        for (int a = 0; a < apps; a++) {
            String id = String.format("app%06d", a);
            // On a reuse-only fleet the first app of each host is pinned there: every host is in use from
            // the start, so an app that fits no host can only get in by evicting others.
            boolean pinned = !purchasable && a < hosts;
            // Every host gets one app, then the choice is skewed: low-numbered hosts get more apps, so
            // some are overloaded and some nearly idle.
            int host = a < hosts ? a : (int) (hosts * Math.pow(r.nextDouble(), 1.6));
            // Pinned apps are small host-bound services; the others carry the fleet's load.
            double factor = pinned ? 0.2 : scale;
            double peakCores = factor * (0.5 + 6 * r.nextDouble() * r.nextDouble());
            double peakMem = factor * (2 + 40 * r.nextDouble() * r.nextDouble());
            int peakHour = r.nextInt(24);
            double[][] hourly = new double[24][2];
            for (int h = 0; h < 24; h++) {
                double shape = 0.3 + 0.7 * Math.max(0, Math.cos((h - peakHour) * Math.PI / 12));
                hourly[h][0] = peakCores * shape;
                hourly[h][1] = peakMem * (0.8 + 0.2 * shape);
            }
            Item it = new Item(id, new double[] {peakCores, peakMem}, null, a % 50 == 0 ? "g" + (a % 400) : null,
                    pinned ? types.get(host).id() : null, false).withHourly(hourly);
            items.add(it);
            current.put(id, types.get(host).id());
        }
        return new StayFirstFleet(new PackingProblem(List.of("cpu_cores", "mem_gb"), items, types, 0.2,
                Objective.binCost(), 0, 1), current);
    }

    /**
     * Prints the construction's seconds and bins at the sizes given (default 2,000 hosts × 10,000
     * apps); a third argument "reuse" leaves out the purchasable model, a fourth scales every demand.
     */
    public static void main(String[] args) {
        int hosts = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int apps = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        StayFirstFleet f = of(hosts, apps, 7, !(args.length > 2 && args[2].equals("reuse")),
                args.length > 3 ? Double.parseDouble(args[3]) : 1);
        long t0 = System.nanoTime();
        Plan plan = StayFirst.construct(f.problem(), f.currentType(), 1, Double.POSITIVE_INFINITY);
        double s = (System.nanoTime() - t0) / 1e9;
        // The digest of every bin's type and items: equal digests mean the same plan.
        int digest = plan == null ? 0 : plan.bins().stream().map(b -> b.type() + b.items()).toList().hashCode();
        System.out.printf("hosts=%d apps=%d seconds=%.2f bins=%s stoppedBy=%s feasible=%s digest=%08x%n", hosts, apps,
                s, plan == null ? "none" : plan.binsUsed(), plan == null ? "-" : plan.stoppedBy(),
                plan != null && PlanChecker.feasible(f.problem(), plan), digest);
    }
}
