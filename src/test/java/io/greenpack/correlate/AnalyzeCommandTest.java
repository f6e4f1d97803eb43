package io.greenpack.correlate;

import io.greenpack.generate.FleetWriter;
import io.greenpack.generate.GenerateOptions;
import io.greenpack.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code greenpack analyze} in-process on a small generated fleet. */
class AnalyzeCommandTest {
    @TempDir
    Path tmp;

    @Test
    void writesTablesChartsAndHtml() throws Exception {
        Path data = tmp.resolve("fleet");
        FleetWriter.generate(GenerateOptions.defaults().withSize(6, 15, 1).withCompress(false), data);
        Path out = tmp.resolve("runs");
        CliRun run = CliRun.of("analyze", "--data", data.toString(), "--out", out.toString(), "--master", "local[2]",
                "--hourly-sizing", "--idle-policy", "equal");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        Path dir;
        try (Stream<Path> s = Files.list(out)) {
            dir = s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        for (String t : List.of("power_models", "host_efficiency", "app_energy", "showback", "app_demand")) {
            assertThat(dir.resolve("tables/" + t + ".csv")).isRegularFile();
            assertThat(dir.resolve("tables/" + t + ".parquet")).isRegularFile();
        }
        assertThat(Files.readAllLines(dir.resolve("tables/app_demand.csv")).get(0)).contains("cpu_cores_h00", "mem_gb_h23");
        for (String c : List.of("power-curves", "app-energy", "idle-waste", "ep-per-host", "class-mix")) {
            assertThat(dir.resolve("charts/" + c + ".png")).isRegularFile();
        }
        String html = Files.readString(dir.resolve("index.html"));
        assertThat(html).contains("Power models", "Energy by application", "Showback", "Workload classes");
        assertThat(dir.resolve("manifest.json")).isRegularFile();
    }

    @Test
    void badIdlePolicyIsAUsageError() {
        CliRun run = CliRun.of("analyze", "--idle-policy", "fair");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--idle-policy").contains("cpu-share");
    }
}
