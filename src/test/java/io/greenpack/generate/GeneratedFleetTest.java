package io.greenpack.generate;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

import static org.assertj.core.api.Assertions.assertThat;

/** Checks a small generated fleet against its own truth.json, reading only the files. */
class GeneratedFleetTest {
    private static final Set<String> CLASSES = Set.of("cpu-bound", "memory-bound", "io-bound", "idle", "balanced");
    private static final GenerateOptions OPTIONS = GenerateOptions.defaults().withSize(14, 70, 3);

    @TempDir
    static Path dir;
    static GeneratedFiles files;
    static List<String[]> power;
    static List<String[]> util;
    /** host -> timestamp -> summed cpu_cores (good rows only). */
    static Map<String, Map<String, Double>> cpuByHost = new HashMap<>();
    /** host + timestamp of utilization rows a reader must reject: their sums are incomplete. */
    static Set<String> incomplete = new HashSet<>();

    @BeforeAll
    static void generate() {
        FleetWriter.generate(OPTIONS, dir);
        files = new GeneratedFiles(dir);
        power = files.rows("power.csv.gz");
        util = files.rows("utilization.csv.gz");
        for (String[] r : util.subList(1, util.size())) {
            Double cpu = GeneratedFiles.number(r[4]);
            if (!files.hosts.containsKey(r[1]) || cpu == null || cpu > files.cores(r[1])) {
                incomplete.add(r[1] + r[0]);
                continue;
            }
            cpuByHost.computeIfAbsent(r[1], k -> new TreeMap<>()).merge(r[0], cpu, Double::sum);
        }
    }

    @Test
    void everyModelInHostsIsInTruthWithIdleBelowMax() {
        JsonNode models = files.truth.get("models");
        Set<String> families = new HashSet<>();
        Set<Double> fanExponents = new HashSet<>();
        for (String[] h : files.hosts.values()) {
            JsonNode m = models.get(h[1]);
            assertThat(m).as("model %s in truth.json", h[1]).isNotNull();
            assertThat(m.get("idle_watts").asDouble()).isPositive().isLessThan(m.get("max_watts").asDouble());
            assertThat(m.has("exponent")).isTrue();
        }
        for (Iterator<JsonNode> it = models.elements(); it.hasNext(); ) {
            JsonNode m = it.next();
            families.add(m.get("family").asText());
            if (m.get("family").asText().equals("fan")) {
                fanExponents.add(m.get("exponent").asDouble());
                assertThat(Math.abs(m.get("exponent").asDouble() - 1.0)).isGreaterThanOrEqualTo(0.19);
            } else {
                assertThat(m.get("exponent").asDouble()).isEqualTo(1.0);
            }
        }
        assertThat(models.size()).isGreaterThanOrEqualTo(3);
        assertThat(families).containsExactlyInAnyOrder("linear", "fan");
        assertThat(fanExponents).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void everyAppInUtilizationHasAClassAndAllFiveOccur() {
        JsonNode apps = files.truth.get("apps");
        Set<String> seen = new HashSet<>();
        for (String[] r : util.subList(1, util.size())) {
            JsonNode a = apps.get(r[2]);
            assertThat(a).as("app %s in truth.json", r[2]).isNotNull();
            assertThat(CLASSES).contains(a.get("class").asText());
            seen.add(a.get("class").asText());
        }
        assertThat(seen).isEqualTo(CLASSES);
        List<String[]> appsCsv = files.rows("apps.csv");
        assertThat(appsCsv.get(0)).containsExactly("app", "owner", "group", "pin_host", "needs", "may_share_os",
                "reserved_cores", "reserved_mem_gb");
        assertThat(appsCsv).hasSize(OPTIONS.apps() + 1);
    }

    @Test
    void comatoseHostsReallyIdleAndOthersNot() {
        List<String> comatose = new ArrayList<>();
        files.truth.get("comatose_hosts").forEach(n -> comatose.add(n.asText()));
        assertThat(comatose).isNotEmpty();
        for (String host : files.hosts.keySet()) {
            List<Double> u = new ArrayList<>();
            cpuByHost.getOrDefault(host, Map.of()).values().forEach(c -> u.add(c / files.cores(host)));
            double p95 = GeneratedFiles.percentile(u, 0.95);
            if (comatose.contains(host)) {
                assertThat(p95).as("p95 utilization of comatose %s", host).isLessThan(0.05);
            } else {
                assertThat(p95).as("p95 utilization of busy %s", host).isGreaterThan(0.05);
            }
        }
    }

    @Test
    void utilizationSpansAWideRangeForEveryModel() {
        Map<String, double[]> range = new HashMap<>();
        cpuByHost.forEach((host, byTs) -> byTs.values().forEach(c -> {
            double u = c / files.cores(host);
            double[] r = range.computeIfAbsent(files.model(host), k -> new double[]{1, 0});
            r[0] = Math.min(r[0], u);
            r[1] = Math.max(r[1], u);
        }));
        assertThat(range).hasSize(files.truth.get("models").size());
        range.forEach((model, r) -> {
            assertThat(r[0]).as("lowest u of %s", model).isLessThan(0.10);
            assertThat(r[1]).as("highest u of %s", model).isGreaterThan(0.55);
        });
    }

    @Test
    void meteredWattsFollowTheTrueCurveWithinNoise() {
        // host -> timestamp -> summed watts over PSUs, good rows only.
        Map<String, Map<String, Double>> watts = new HashMap<>();
        for (String[] r : power.subList(1, power.size())) {
            Double w = GeneratedFiles.number(r[3]);
            if (w == null || w < 0 || !r[0].startsWith("2026")) {
                continue;
            }
            watts.computeIfAbsent(r[1], k -> new HashMap<>()).merge(r[0], w, Double::sum);
        }
        int n = 0;
        double sumAbs = 0;
        double worst = 0;
        for (var e : watts.entrySet()) {
            String host = e.getKey();
            for (var s : e.getValue().entrySet()) {
                if (incomplete.contains(host + s.getKey())) {
                    continue;
                }
                double cpu = cpuByHost.getOrDefault(host, Map.of()).getOrDefault(s.getKey(), 0.0);
                double truth = files.trueWatts(files.model(host), Math.min(1, cpu / files.cores(host)));
                double rel = Math.abs(s.getValue() - truth) / truth;
                sumAbs += rel;
                worst = Math.max(worst, rel);
                n++;
            }
        }
        assertThat(n).isGreaterThan(1000);
        // 1.5 % gaussian meter noise: mean |error| about 1.2 %, nothing beyond ~5 sigma.
        assertThat(sumAbs / n).isBetween(0.008, 0.016);
        assertThat(worst).isLessThan(0.08);
    }

    @Test
    void energyCountersRiseByTheTrueEnergyAndResetExactlyOnce() {
        Set<String> counterHosts = new HashSet<>();
        files.truth.get("energy_counter_hosts").forEach(n -> counterHosts.add(n.asText()));
        assertThat(counterHosts).isNotEmpty();
        Map<String, Double> last = new HashMap<>();
        int resets = 0;
        double hours = OPTIONS.intervalMinutes() / 60.0;
        for (String[] r : power.subList(1, power.size())) {
            if (!counterHosts.contains(r[1])) {
                continue;
            }
            assertThat(r[3]).as("watts of a counter host").isEmpty();
            double wh = Double.parseDouble(r[4]);
            Double before = last.put(r[1], wh);
            if (before == null) {
                continue;
            }
            double cpu = cpuByHost.getOrDefault(r[1], Map.of()).getOrDefault(r[0], 0.0);
            double expected = files.trueWatts(files.model(r[1]), Math.min(1, cpu / files.cores(r[1]))) * hours;
            if (wh < before) {
                resets++;
                assertThat(wh).as("value after the reset").isCloseTo(expected, org.assertj.core.data.Percentage.withPercentage(5));
            } else {
                assertThat(wh - before).isCloseTo(expected, org.assertj.core.data.Percentage.withPercentage(5));
            }
        }
        assertThat(resets).isEqualTo(1);
        assertThat(files.truth.get("counter_resets")).hasSize(1);
    }

    @Test
    void dualPsuHostsHaveTwoRowsSplitRoughlyInHalf() {
        Set<String> dual = new HashSet<>();
        files.truth.get("dual_psu_hosts").forEach(n -> dual.add(n.asText()));
        assertThat(dual).isNotEmpty();
        Map<String, double[]> byKey = new HashMap<>();
        for (String[] r : power.subList(1, power.size())) {
            if (dual.contains(r[1])) {
                double[] p = byKey.computeIfAbsent(r[1] + r[0], k -> new double[2]);
                p[Integer.parseInt(r[2]) - 1] = Double.parseDouble(r[3]);
            }
        }
        assertThat(byKey).isNotEmpty();
        byKey.values().forEach(p -> assertThat(p[0] / (p[0] + p[1])).isBetween(0.42, 0.58));
    }

    @Test
    void outagesLeaveNoRowsAndReplicasRunOnDifferentHosts() {
        JsonNode outages = files.truth.get("outages");
        assertThat(outages.size()).isGreaterThanOrEqualTo(1);
        for (JsonNode o : outages) {
            String host = o.get("host").asText();
            Instant from = Instant.parse(o.get("first_missing").asText());
            Instant to = Instant.parse(o.get("last_missing").asText());
            long rows = 0;
            for (List<String[]> file : List.of(power, util)) {
                for (String[] r : file.subList(1, file.size())) {
                    if (r[1].equals(host) && r[0].startsWith("2026")) {
                        Instant t = Instant.parse(r[0]);
                        if (!t.isBefore(from) && !t.isAfter(to)) {
                            rows++;
                        }
                    }
                }
            }
            assertThat(rows).as("rows of %s during its outage", host).isZero();
            assertThat(o.get("intervals").asInt()).isEqualTo(120 / OPTIONS.intervalMinutes());
        }
        Map<String, Set<String>> hostsOfGroup = new HashMap<>();
        Map<String, Integer> sizeOfGroup = new HashMap<>();
        files.truth.get("apps").forEach(a -> {
            if (!a.get("group").isNull()) {
                hostsOfGroup.computeIfAbsent(a.get("group").asText(), k -> new HashSet<>()).add(a.get("host").asText());
                sizeOfGroup.merge(a.get("group").asText(), 1, Integer::sum);
            }
        });
        assertThat(hostsOfGroup).isNotEmpty();
        hostsOfGroup.forEach((g, hosts) -> assertThat(hosts).as("hosts of %s", g).hasSize(sizeOfGroup.get(g)));
    }

    @Test
    void injectedBadRowsAreExactlyTheRecordedOnes() {
        Instant start = OPTIONS.start();
        Instant end = start.plusSeconds(OPTIONS.days() * 86_400L);
        Map<Integer, String> foundPower = new TreeMap<>();
        for (int i = 1; i < power.size(); i++) {
            String[] r = power.get(i);
            Instant t = Instant.parse(r[0]);
            boolean counter = r[3].isEmpty() && GeneratedFiles.number(r[4]) != null;
            Double w = GeneratedFiles.number(r[3]);
            if (t.isBefore(start) || t.isAfter(end)) {
                foundPower.put(i + 1, t.isAfter(end) ? "future_timestamp" : "timestamp_before_1990");
            } else if (!counter && w == null) {
                foundPower.put(i + 1, "non_numeric_watts");
            } else if (!counter && w < 0) {
                foundPower.put(i + 1, "negative_watts");
            }
        }
        Map<Integer, String> foundUtil = new TreeMap<>();
        for (int i = 1; i < util.size(); i++) {
            String[] r = util.get(i);
            if (!files.hosts.containsKey(r[1])) {
                foundUtil.put(i + 1, "unknown_host");
            } else if (GeneratedFiles.number(r[5]) == null) {
                foundUtil.put(i + 1, "non_numeric_mem_gb");
            } else if (GeneratedFiles.number(r[4]) > files.cores(r[1])) {
                foundUtil.put(i + 1, "absurd_cpu_cores");
            }
        }
        assertThat(foundPower).isEqualTo(recorded("power.csv.gz"));
        assertThat(foundUtil).isEqualTo(recorded("utilization.csv.gz"));
        assertThat(files.truth.at("/bad_rows/power.csv.gz/total").asInt()).isEqualTo(6);
        assertThat(files.truth.at("/bad_rows/utilization.csv.gz/total").asInt()).isEqualTo(6);
        assertThat(files.truth.at("/data_rows/utilization.csv.gz").asLong()).isEqualTo(util.size() - 1);
        assertThat(files.truth.at("/data_rows/power.csv.gz").asLong()).isEqualTo(power.size() - 1);
    }

    private static Map<Integer, String> recorded(String file) {
        Map<Integer, String> m = new TreeMap<>();
        files.truth.get("bad_rows").get(file).get("rows").forEach(r -> m.put(r.get("line").asInt(), r.get("reason").asText()));
        return m;
    }

    @Test
    void timestampsAreUtcOnTheIntervalGridEndingEachInterval() {
        assertThat(util.get(1)[0]).isEqualTo("2026-10-05T00:05:00Z");
        assertThat(power.get(power.size() - 1)[0]).isEqualTo("2026-10-08T00:00:00Z");
        assertThat(power.get(0)).containsExactly("timestamp", "host", "psu", "watts", "energy_wh", "source");
        assertThat(util.get(0)).containsExactly("timestamp", "host", "app", "instance", "cpu_cores", "mem_gb",
                "disk_iops", "disk_mbps", "net_mbps");
    }
}
