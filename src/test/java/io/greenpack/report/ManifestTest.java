package io.greenpack.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ManifestTest {
    static Manifest sample(Path input) throws Exception {
        Map<String, Double> timings = new LinkedHashMap<>();
        timings.put("ingest", 12.5);
        timings.put("correlate", 3.25);
        timings.put("render", 0.75);
        Map<String, Object> scenario = new LinkedHashMap<>();
        scenario.put("tariff_per_kwh", 0.18);
        scenario.put("currency", "EUR");
        scenario.put("hypervisor", Map.of("mem_overhead_gb", 2, "cpu_overhead", 0.1));
        scenario.put("targets", List.of("all"));
        return new Manifest("0.1.0", Manifest.currentJavaVersion(), "4.2.0",
                List.of("greenpack", "report", "--data", "fleet/"),
                List.of(Manifest.InputFile.of(input)),
                scenario, timings, Map.of("power", 1000L, "utilization", 5000L, "rejects", 3L),
                Instant.parse("2024-06-01T12:00:00Z"), Instant.parse("2024-06-01T12:00:16.5Z"));
    }

    @Test
    void roundTripsThroughJackson(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("power.csv");
        Files.writeString(input, "timestamp,host,watts\n");
        Manifest m = sample(input);

        Path file = dir.resolve("manifest.json");
        m.write(file);
        Manifest back = Manifest.fromJson(Files.readString(file));

        assertThat(back).isEqualTo(m);
        assertThat(back.inputs().get(0).bytes()).isEqualTo(21);
        // sha256 of "timestamp,host,watts\n"
        assertThat(back.inputs().get(0).sha256()).hasSize(64).matches("[0-9a-f]+");
    }

    @Test
    void jsonIsPrettyWithStableKeyOrderAndIsoTimes(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("hosts.csv");
        Files.writeString(input, "host\n");
        String json = sample(input).toJson();

        assertThat(json).contains("\n  \"greenpackVersion\" : \"0.1.0\"");
        assertThat(json).contains("\"startedUtc\" : \"2024-06-01T12:00:00Z\"");
        JsonNode tree = new ObjectMapper().readTree(json);
        List<String> top = new ArrayList<>();
        tree.fieldNames().forEachRemaining(top::add);
        assertThat(top).containsExactly("greenpackVersion", "javaVersion", "sparkVersion", "commandLine", "inputs",
                "scenario", "timingsSeconds", "rowCounts", "startedUtc", "finishedUtc");
        List<String> scenarioKeys = new ArrayList<>();
        tree.get("scenario").fieldNames().forEachRemaining(scenarioKeys::add);
        assertThat(scenarioKeys).containsExactly("currency", "hypervisor", "targets", "tariff_per_kwh");
        List<String> stages = new ArrayList<>();
        tree.get("timingsSeconds").fieldNames().forEachRemaining(stages::add);
        assertThat(stages).containsExactly("ingest", "correlate", "render"); // the order they ran
        assertThat(json).isEqualTo(sample(input).toJson());
    }
}
