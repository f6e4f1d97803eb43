package io.greenpack.cli;

import io.greenpack.config.ScenarioFile;
import io.greenpack.testing.CliRun;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The help of every command that reads a scenario lists the keys the scenario parser accepts. */
class ScenarioKeysHelpTest {
    @Test
    void reportConsolidateAndWhatIfHelpListEveryScenarioKey() {
        for (String command : new String[]{"report", "consolidate", "whatif"}) {
            CliRun run = CliRun.of(command, "--help");
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).as(command).contains("Scenario keys:");
            for (String key : ScenarioFile.KEYS) {
                assertThat(run.out()).as(command + " --help names " + key).containsPattern("(?m)^  " + key + " ");
            }
            assertThat(run.out()).contains("hypervisor.cpu_overhead").contains("harvest.share");
        }
    }

    @Test
    void otherCommandsHaveNoScenarioSection() {
        assertThat(CliRun.of("validate", "--help").out()).doesNotContain("Scenario keys:");
    }
}
