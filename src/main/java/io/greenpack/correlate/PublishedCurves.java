package io.greenpack.correlate;

import io.greenpack.model.HostSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Power curves that do not come from this data's meters, in the order DESIGN §2 gives for a host
 * without power samples: its own {@code idle_watts}/{@code max_watts} in hosts.csv (linear); else
 * the curve of its {@code model} in targets.csv (same name, or the same name ignoring case and
 * repeated spaces); else {@link DefaultPowerCurve} for its cores. The same order serves a hardware
 * model whose fit is too thin or too poor to use (by the median nameplate watts and median cores of
 * its hosts).
 */
public final class PublishedCurves {
    /** Where a published curve came from: the key printed in tables, and the words for people. */
    public enum Origin {
        NAMEPLATE("nameplate"), CATALOG("catalog"), DEFAULT("default");

        private final String key;

        Origin(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /** One curve and what it is ("idle_watts/max_watts of host h in hosts.csv", …). */
    public record Published(FittedCurve curve, Origin origin, String description) {
    }

    private PublishedCurves() {
    }

    /** The curve of one host without a meter. */
    public static Published forHost(HostSpec h, Map<String, FittedCurve> catalog) {
        if (physical(h.idleWatts(), h.maxWatts())) {
            return new Published(FittedCurve.linear(h.idleWatts(), h.maxWatts()), Origin.NAMEPLATE,
                    "idle_watts/max_watts of " + h.host() + " in hosts.csv (linear)");
        }
        return catalogOrDefault(h.model(), h.cores(), catalog);
    }

    /** The fallback curve of every hardware model of the inventory. */
    public static Map<String, Published> forModels(List<HostSpec> hosts, Map<String, FittedCurve> catalog) {
        Map<String, List<HostSpec>> byModel = new TreeMap<>();
        hosts.forEach(h -> byModel.computeIfAbsent(h.model(), k -> new ArrayList<>()).add(h));
        Map<String, Published> out = new TreeMap<>();
        byModel.forEach((model, list) -> {
            List<double[]> plates = new ArrayList<>();
            list.stream().filter(h -> physical(h.idleWatts(), h.maxWatts()))
                    .forEach(h -> plates.add(new double[]{h.idleWatts(), h.maxWatts()}));
            if (!plates.isEmpty()) {
                out.put(model, new Published(FittedCurve.linear(median(plates, 0), median(plates, 1)), Origin.NAMEPLATE,
                        "the median nameplate idle/max watts of its hosts in hosts.csv (linear)"));
            } else {
                List<double[]> cores = list.stream().map(h -> new double[]{h.cores()}).toList();
                out.put(model, catalogOrDefault(model, median(cores, 0), catalog));
            }
        });
        return out;
    }

    private static Published catalogOrDefault(String model, double cores, Map<String, FittedCurve> catalog) {
        FittedCurve c = catalog.get(model);
        String name = model;
        if (c == null) {
            for (Map.Entry<String, FittedCurve> e : catalog.entrySet()) {
                if (normal(e.getKey()).equals(normal(model))) {
                    c = e.getValue();
                    name = e.getKey();
                    break;
                }
            }
        }
        if (c != null) {
            return new Published(c, Origin.CATALOG, "the targets.csv curve of model " + name);
        }
        return new Published(DefaultPowerCurve.forCores(cores), Origin.DEFAULT,
                String.format(Locale.ROOT, "the %s for %s cores", DefaultPowerCurve.SOURCE, num(cores)));
    }

    static boolean physical(Double idle, Double max) {
        return idle != null && max != null && idle >= 0 && max >= idle && max > 0;
    }

    private static String normal(String s) {
        return s == null ? "" : s.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static double median(List<double[]> l, int k) {
        double[] v = l.stream().mapToDouble(a -> a[k]).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
