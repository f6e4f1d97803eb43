package io.greenpack.cli;

import io.greenpack.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ValidateCommandTest {
    @TempDir
    Path tmp;

    private Path fleet(String extraPowerLine) throws Exception {
        Files.writeString(tmp.resolve("hosts.csv"), "host,model,cores,mem_gb\nh1,m1,16,64\n");
        StringBuilder power = new StringBuilder("timestamp,host,watts\n");
        StringBuilder util = new StringBuilder("timestamp,host,app,cpu_cores,mem_gb\n");
        for (int i = 1; i <= 12; i++) {
            String ts = java.time.Instant.parse("2026-10-05T00:00:00Z").plusSeconds(300L * i).toString();
            power.append(ts).append(",h1,").append(100 + i).append('\n');
            util.append(ts).append(",h1,web,2,8\n");
        }
        power.append(extraPowerLine).append('\n');
        Files.writeString(tmp.resolve("power.csv"), power);
        Files.writeString(tmp.resolve("utilization.csv"), util);
        return tmp;
    }

    @Test
    void summarisesEachFileAndListsRejectedRowsWithLine() throws Exception {
        CliRun run = CliRun.of("validate", "--data", fleet("2026-10-05T02:00:00Z,h1,-7").toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("hosts.csv", "power.csv", "utilization.csv")
                .contains("rejected: negative watts")
                .contains("power.csv line 14: negative watts (watts = '-7.0')")
                .contains("rejected rows: 1 of 26");
    }

    @Test
    void missingDataDirectoryIsExitTwoWithoutStackTrace() {
        CliRun run = CliRun.of("validate", "--data", tmp.resolve("nope").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("nope").contains("does not exist").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void unusableFileIsExitTwoNamingFileAndColumn() throws Exception {
        fleet("2026-10-05T02:00:00Z,h1,1");
        Files.writeString(tmp.resolve("utilization.csv"), "timestamp,app,cpu_cores,mem_gb\n2026-10-05T00:05:00Z,web,1,1\n");
        CliRun run = CliRun.of("validate", "--data", tmp.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("utilization.csv").contains("missing required column 'host'")
                .doesNotContain("\tat ");
    }

    @Test
    void helpDescribesOptionsWithAnExample() {
        CliRun run = CliRun.of("validate", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--data", "--interval-minutes", "--max-gap-minutes", "--master", "--show",
                "Examples:");
    }
}
