package io.greenpack.cli;

import io.greenpack.testing.CliRun;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {
    @Test
    void helpListsCommandsAndExitsZero() {
        CliRun run = CliRun.of("--help");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("report", "validate", "Exit codes");
    }

    @Test
    void benchmarksAreNotAProductCommand() {
        assertThat(CliRun.of("--help").out()).doesNotContain("bench ");
        CliRun run = CliRun.of("bench");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unmatched argument", "bench");
    }

    @Test
    void unknownCommandIsAUsageErrorWithExitTwo() {
        CliRun run = CliRun.of("reprot");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("reprot").contains("report");
    }
}
