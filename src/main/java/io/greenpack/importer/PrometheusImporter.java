package io.greenpack.importer;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenpack.util.UserError;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Prometheus HTTP API {@code /api/v1/query_range} responses
 * ({@code {"status":"success","data":{"resultType":"matrix","result":[{"metric":{…},"values":[[ts,"v"],…]}]}}},
 * prometheus.io/docs/prometheus/latest/querying/api/). Export the raw series (a plain selector
 * such as {@code node_cpu_seconds_total}); the metric name comes from {@code __name__} or, when a
 * query dropped it, from the file name up to its first dot.
 *
 * <p>Mapping (host = the {@code instance} label without its port, or --host):
 * <ul>
 * <li>{@code namedprocess_namegroup_cpu_seconds_total} (process-exporter, summed over modes) and
 *     {@code container_cpu_usage_seconds_total} (cAdvisor) → cpu_cores = the counter's rate
 *     (seconds of CPU per second); a drop is a counter reset, as in PromQL's rate().</li>
 * <li>{@code namedprocess_namegroup_memory_bytes{memtype="resident"}} and
 *     {@code container_memory_working_set_bytes} → mem_gb = bytes / 1024³.</li>
 * <li>app = the first of the labels {@code groupname}, {@code container}, {@code pod}, {@code app};
 *     for cAdvisor the pod is the instance (replicas on one host are summed by ingest);
 *     cAdvisor's pod-level cgroups (container "" or "POD") are skipped: they double count.</li>
 * <li>{@code node_cpu_seconds_total} → busy cores = rate of all modes but idle, iowait and steal,
 *     as app {@value #NODE_APP} with mem = MemTotal − MemAvailable, only for hosts without per-app
 *     series (else the host's load would be counted twice); the number of distinct {@code cpu}
 *     labels gives hosts.cores, {@code node_memory_MemTotal_bytes} gives hosts.mem_gb.</li>
 * <li>Energy counters in joules ({@code kepler_node_platform_joules_total},
 *     {@code node_rapl_package_joules_total}, {@code kepler_node_package_joules_total}) and
 *     {@code scaph_host_energy_microjoules} → energy_wh = J / 3600, written as the raw cumulative
 *     counter so that ingest sees (and survives) resets; {@code scaph_host_power_microwatts} →
 *     watts. One energy metric per host, the first of that list present; its other labels
 *     (RAPL package index, Kepler mode) become the psu column, which ingest sums.</li>
 * </ul>
 * CPU and memory are joined on identical timestamps (query_range aligns them to its step), so
 * the points are kept until the last file is read: memory grows with the number of output rows.
 */
final class PrometheusImporter implements Importer {
    static final String NODE_APP = "all-processes";
    /** Host energy metrics in order of preference: whole platform before CPU package only. */
    static final List<String> ENERGY_METRICS = List.of("kepler_node_platform_joules_total", "scaph_host_energy_microjoules",
            "scaph_host_power_microwatts", "node_rapl_package_joules_total", "kepler_node_package_joules_total");
    private static final Set<String> NOT_BUSY_MODES = Set.of("idle", "iowait", "steal");
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Point(double tsSeconds, double value, long line) {
    }

    private record Key(String host, String app, String instance) {
    }

    /** cpu, mem, cpu seen, mem seen per timestamp (epoch ms). */
    private final Map<Key, TreeMap<Long, double[]>> perApp = new HashMap<>();
    /** busy cores, MemTotal GB, MemAvailable GB, then seen-flags: total, available, cpu. */
    private final Map<String, TreeMap<Long, double[]>> perNode = new HashMap<>();
    private boolean usedNodeTotals;
    private final Map<String, Set<String>> cpusOfHost = new HashMap<>();
    private final Map<String, Map<String, List<EnergySeries>>> energy = new HashMap<>();

    private record EnergySeries(String psu, String where, List<Point> points) {
    }

    @Override
    public void convert(Path file, ImportOptions options, CanonicalWriter out) {
        try (InputStream in = ExportLines.stream(file); JsonParser p = JSON.createParser(in)) {
            String status = null;
            String error = null;
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw at(file, p, "expected a JSON object (a /api/v1/query_range response), found " + p.currentToken());
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "status" -> status = p.getValueAsString();
                    case "error" -> error = p.getValueAsString();
                    case "data" -> readData(file, p, options, out);
                    default -> p.skipChildren();
                }
            }
            if (!"success".equals(status)) {
                throw new UserError(file + ": status is " + ExportText.shown(status) + (error == null ? "" : " (error: " + error + ")")
                        + "; expected \"success\" from /api/v1/query_range");
            }
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            throw new UserError(file + (l == null ? "" : ", line " + l.getLineNr() + ", column " + l.getColumnNr())
                    + ": not valid JSON (" + e.getOriginalMessage() + "); expected a complete /api/v1/query_range response", e);
        } catch (IOException e) {
            throw new UserError(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private void readData(Path file, JsonParser p, ImportOptions options, CanonicalWriter out) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw at(file, p, "'data' is " + p.currentToken() + ", expected an object");
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals("resultType")) {
                if (!"matrix".equals(p.getValueAsString())) {
                    throw at(file, p, "resultType is " + ExportText.shown(p.getValueAsString())
                            + ", expected \"matrix\" (the answer of /api/v1/query_range, not /api/v1/query)");
                }
            } else if (field.equals("result")) {
                if (p.currentToken() != JsonToken.START_ARRAY) {
                    throw at(file, p, "'result' is " + p.currentToken() + ", expected an array of series");
                }
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    readSeries(file, p, options, out);
                }
            } else {
                p.skipChildren();
            }
        }
    }

    private void readSeries(Path file, JsonParser p, ImportOptions options, CanonicalWriter out) throws IOException {
        long startLine = p.currentLocation().getLineNr();
        JsonNode metric = null;
        List<Point> points = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "metric" -> metric = p.readValueAsTree();
                case "values" -> readPoints(file, p, points, out);
                case "value" -> throw at(file, p, "a series with 'value' is an instant vector; expected 'values' "
                        + "(export with /api/v1/query_range)");
                default -> p.skipChildren();
            }
        }
        out.recordsIn(points.size());
        Map<String, String> labels = new TreeMap<>();
        if (metric != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = metric.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                labels.put(e.getKey(), e.getValue().asText());
            }
        }
        series(file + ", line " + startLine, ExportText.stem(file), labels, points, options, out);
    }

    private static void readPoints(Path file, JsonParser p, List<Point> points, CanonicalWriter out) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw at(file, p, "'values' is " + p.currentToken() + ", expected an array of [timestamp, \"value\"] pairs");
        }
        while (p.nextToken() == JsonToken.START_ARRAY) {
            long line = p.currentLocation().getLineNr();
            JsonToken t = p.nextToken();
            if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
                throw at(file, p, "sample timestamp is " + ExportText.shown(p.getText()) + ", expected unix seconds (a number)");
            }
            double ts = p.getDoubleValue();
            p.nextToken();
            String text = p.getText();
            if (p.nextToken() != JsonToken.END_ARRAY) {
                throw at(file, p, "a sample has more than two elements; expected [timestamp, \"value\"]");
            }
            Double v = ExportText.number(text);
            if (v == null) {
                if ("NaN".equals(text) || "+Inf".equals(text) || "-Inf".equals(text)) {
                    out.skip("NaN or infinite sample value", file + ", line " + line);
                    continue;
                }
                out.reject(file, line, new RowRejected("sample value not a number", file + ", line " + line + ": sample value is "
                        + ExportText.shown(text) + ", expected a number in a string like \"12.5\""), "[" + ts + ", \"" + text + "\"]");
                continue;
            }
            points.add(new Point(ts, v, line));
        }
        if (p.currentToken() != JsonToken.END_ARRAY) {
            throw at(file, p, "expected [timestamp, \"value\"] pairs in 'values', found " + p.currentToken());
        }
    }

    private void series(String where, String fileMetric, Map<String, String> labels, List<Point> points,
                        ImportOptions options, CanonicalWriter out) {
        String name = labels.getOrDefault("__name__", fileMetric);
        String host = hostOf(labels, options);
        if (host == null) {
            out.skip("series without an 'instance' label (pass --host)", where);
            return;
        }
        switch (name) {
            case "node_cpu_seconds_total" -> {
                cpusOfHost.computeIfAbsent(host, k -> new HashSet<>()).add(labels.getOrDefault("cpu", ""));
                boolean busy = !NOT_BUSY_MODES.contains(labels.getOrDefault("mode", ""));
                rates(points, (ts, r) -> {
                    double[] n = node(host, ts);
                    n[0] += busy ? r : 0;
                    n[5] = 1;
                }, out, where);
            }
            case "node_memory_MemTotal_bytes" -> {
                double max = 0;
                for (Point pt : points) {
                    double[] n = node(host, ms(pt));
                    n[1] = pt.value() / ExportText.BYTES_PER_GB;
                    n[3] = 1;
                    max = Math.max(max, n[1]);
                }
                out.host(host, new HostFacts(null, null, max > 0 ? max : null));
            }
            case "node_memory_MemAvailable_bytes" -> points.forEach(pt -> {
                double[] n = node(host, ms(pt));
                n[2] = pt.value() / ExportText.BYTES_PER_GB;
                n[4] = 1;
            });
            case "namedprocess_namegroup_cpu_seconds_total", "container_cpu_usage_seconds_total" -> {
                Key k = appKey(host, labels, out, where);
                if (k != null) {
                    rates(points, (ts, r) -> {
                        double[] a = app(k, ts);
                        a[0] += r;
                        a[2] = 1;
                    }, out, where);
                }
            }
            case "namedprocess_namegroup_memory_bytes", "container_memory_working_set_bytes" -> {
                if (labels.containsKey("memtype") && !"resident".equals(labels.get("memtype"))) {
                    out.skip("process-exporter memory other than memtype=\"resident\"", where);
                    return;
                }
                Key k = appKey(host, labels, out, where);
                if (k != null) {
                    for (Point pt : points) {
                        double[] a = app(k, ms(pt));
                        a[1] += pt.value() / ExportText.BYTES_PER_GB;
                        a[3] = 1;
                    }
                }
            }
            default -> {
                if (ENERGY_METRICS.contains(name)) {
                    energy.computeIfAbsent(host, h -> new HashMap<>()).computeIfAbsent(name, n -> new ArrayList<>())
                            .add(new EnergySeries(psuOf(labels), where, points));
                } else {
                    out.skip("metric " + ExportText.shown(name) + " not used", where);
                }
            }
        }
    }

    private interface RateSink {
        void add(long tsMillis, double perSecond);
    }

    /** Per-second increase between consecutive points; a drop means the counter restarted from 0. */
    private static void rates(List<Point> points, RateSink sink, CanonicalWriter out, String where) {
        for (int i = 1; i < points.size(); i++) {
            Point a = points.get(i - 1);
            Point b = points.get(i);
            double dt = b.tsSeconds() - a.tsSeconds();
            if (dt <= 0) {
                throw new UserError(where + " (sample at line " + b.line() + "): timestamps not increasing ("
                        + a.tsSeconds() + " then " + b.tsSeconds() + "); expected a query_range series in time order");
            }
            double increase = b.value() >= a.value() ? b.value() - a.value() : b.value();
            sink.add(ms(b), increase / dt);
        }
        if (!points.isEmpty()) {
            out.skip("first sample of a counter series (a rate needs two)", where);
        }
    }

    private static long ms(Point p) {
        return Math.round(p.tsSeconds() * 1000);
    }

    private double[] node(String host, long ts) {
        return perNode.computeIfAbsent(host, h -> new TreeMap<>()).computeIfAbsent(ts, t -> new double[6]);
    }

    private double[] app(Key k, long ts) {
        return perApp.computeIfAbsent(k, x -> new TreeMap<>()).computeIfAbsent(ts, t -> new double[4]);
    }

    private static Key appKey(String host, Map<String, String> labels, CanonicalWriter out, String where) {
        String container = labels.get("container");
        if (labels.containsKey("container") && (container.isEmpty() || container.equals("POD"))) {
            out.skip("cAdvisor pod-level cgroup (container \"\" or \"POD\"): it double counts its containers", where);
            return null;
        }
        for (String label : List.of("groupname", "container", "pod", "app")) {
            String v = labels.get(label);
            if (v != null && !v.isEmpty()) {
                String instance = label.equals("container") ? labels.getOrDefault("pod", "") : "";
                return new Key(host, v, instance);
            }
        }
        out.skip("per-app series without a groupname, container, pod or app label", where);
        return null;
    }

    /** The instance label without its port: "10.0.0.5:9100" → "10.0.0.5", "[::1]:9100" → "::1". */
    static String hostOf(Map<String, String> labels, ImportOptions options) {
        String instance = labels.get("instance");
        if (instance == null || instance.isEmpty()) {
            return options.host();
        }
        if (instance.startsWith("[")) {
            int end = instance.indexOf(']');
            return end > 0 ? instance.substring(1, end) : instance;
        }
        int colon = instance.lastIndexOf(':');
        boolean port = colon > 0 && instance.indexOf(':') == colon
                && instance.substring(colon + 1).chars().allMatch(Character::isDigit);
        return port ? instance.substring(0, colon) : instance;
    }

    private static String psuOf(Map<String, String> labels) {
        List<String> parts = new ArrayList<>();
        labels.forEach((k, v) -> {
            if (!k.equals("__name__") && !k.equals("instance") && !k.equals("job")) {
                parts.add(v);
            }
        });
        return String.join("/", parts);
    }

    @Override
    public void finish(ImportOptions options, CanonicalWriter out) {
        cpusOfHost.forEach((host, cpus) -> out.host(host, new HostFacts(null, (double) cpus.size(), null)));
        Set<String> hostsWithApps = new HashSet<>();
        perApp.keySet().forEach(k -> hostsWithApps.add(k.host()));
        perApp.entrySet().stream().sorted(Map.Entry.comparingByKey(
                        java.util.Comparator.comparing(Key::host).thenComparing(Key::app).thenComparing(Key::instance)))
                .forEach(e -> e.getValue().forEach((ts, a) -> {
                    String where = "host " + e.getKey().host() + ", app " + e.getKey().app() + " at " + Instant.ofEpochMilli(ts);
                    if (a[2] == 0) {
                        out.skip("memory sample without CPU at the same timestamp", where);
                    } else if (a[3] == 0) {
                        out.skip("CPU sample without memory at the same timestamp", where);
                    } else {
                        out.utilization(Instant.ofEpochMilli(ts), e.getKey().host(), e.getKey().app(), e.getKey().instance(),
                                a[0], a[1], null, null);
                    }
                }));
        perNode.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String host = e.getKey();
            boolean hasCpu = cpusOfHost.containsKey(host);
            if (!hasCpu) {
                return; // memory totals alone only size the host
            }
            if (hostsWithApps.contains(host)) {
                out.skip("node_cpu_seconds_total not used: the host has per-app series (it would count twice)", "host " + host);
                return;
            }
            usedNodeTotals = true;
            e.getValue().forEach((ts, n) -> {
                String at = "host " + host + " at " + Instant.ofEpochMilli(ts);
                if (n[5] == 0) {
                    out.skip("node memory without a CPU rate at the same timestamp", at);
                } else if (n[3] == 0 || n[4] == 0) {
                    out.skip("node CPU without MemTotal and MemAvailable at the same timestamp", at);
                } else {
                    out.utilization(Instant.ofEpochMilli(ts), host, NODE_APP, "", n[0], n[1] - n[2], null, null);
                }
            });
        });
        writeEnergy(out);
        if (usedNodeTotals) {
            out.note("Hosts with node-exporter CPU only: their whole load is one app, '" + NODE_APP
                    + "' (busy = all modes but idle, iowait, steal; memory = MemTotal - MemAvailable).");
        }
    }

    private void writeEnergy(CanonicalWriter out) {
        energy.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String host = e.getKey();
            String chosen = ENERGY_METRICS.stream().filter(e.getValue()::containsKey).findFirst().orElseThrow();
            e.getValue().forEach((metric, list) -> {
                if (!metric.equals(chosen)) {
                    list.forEach(s -> out.skip("energy metric not used: the host has " + chosen, s.where()));
                }
            });
            String source = chosen.startsWith("kepler") ? "kepler" : chosen.startsWith("scaph") ? "scaphandre" : "rapl";
            for (EnergySeries s : e.getValue().get(chosen)) {
                for (Point pt : s.points()) {
                    Instant ts = Instant.ofEpochMilli(ms(pt));
                    switch (chosen) {
                        case "scaph_host_power_microwatts" -> out.power(ts, host, pt.value() / 1e6, null, s.psu(), source);
                        case "scaph_host_energy_microjoules" ->
                                out.power(ts, host, null, pt.value() / 1e6 / ExportText.JOULES_PER_WH, s.psu(), source);
                        default -> out.power(ts, host, null, pt.value() / ExportText.JOULES_PER_WH, s.psu(), source);
                    }
                }
            }
            if (chosen.contains("package")) {
                out.note("Host " + host + ": power comes from " + chosen + ", the CPU package only (RAPL), not the whole server at the wall.");
            }
        });
    }

    private static UserError at(Path file, JsonParser p, String what) {
        JsonLocation l = p.currentLocation();
        return new UserError(file + ", line " + l.getLineNr() + ", column " + l.getColumnNr() + ": " + what);
    }
}
