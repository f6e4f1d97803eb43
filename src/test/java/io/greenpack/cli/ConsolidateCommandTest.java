package io.greenpack.cli;

import io.greenpack.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ConsolidateCommandTest {
    @TempDir
    Path tmp;

    @Test
    void smallGeneratedFleetGetsAPlanWithEveryAppOnce() throws Exception {
        Path data = tmp.resolve("fleet");
        CliRun gen = CliRun.of("generate", "--out", data.toString(), "--hosts", "10", "--apps", "30", "--days", "2",
                "--seed", "3");
        assertThat(gen.exitCode()).as(gen.toString()).isZero();
        Path out = tmp.resolve("out");
        CliRun run = CliRun.of("consolidate", "--data", data.toString(), "--out", out.toString(), "--time-limit", "2");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        Path dir;
        try (Stream<Path> s = Files.list(out)) {
            dir = s.findFirst().orElseThrow();
        }
        List<String> plan = Files.readAllLines(dir.resolve("plan.csv"));
        assertThat(plan.get(0)).isEqualTo("app,from_host,to_host,to_model");
        assertThat(plan.subList(1, plan.size()).stream().map(l -> l.split(",")[0]).distinct().count()).isEqualTo(30);
        assertThat(dir.resolve("tables/plan_summary.csv")).isRegularFile();
        assertThat(dir.resolve("tables/contention.csv")).isRegularFile();
        assertThat(dir.resolve("charts/host-fill.png")).isRegularFile();
        assertThat(Files.readString(dir.resolve("index.html"))).contains("greenpack consolidation")
                .contains("Consolidation plan").doesNotContain("Power models");
    }

    @Test
    void unknownScenarioKeyIsExitTwoWithASuggestion() throws Exception {
        Path yaml = tmp.resolve("s.yaml");
        Files.writeString(yaml, "base:\n  headrom: 0.3\n");
        CliRun run = CliRun.of("consolidate", "--scenario", yaml.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("headrom").contains("headroom").doesNotContain("\tat ");
    }
}
