package io.greenpack.hostile;

import io.greenpack.testing.CliRun;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A report whose output folder fills up: on a 256 KB tmpfs (the report of the bundled sample
 * needs several MB) the run must end with exit 2, name the file and "no space left on device",
 * and leave no half-written run folder and the notebook tables as they were. Needs root to
 * mount the tmpfs; skipped elsewhere.
 */
class FullDiskTest {
    @TempDir
    Path tmp;

    @Test
    void aFullDiskIsExitTwoNamingTheFileAndNothingIsHalfUpdated() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", out.toString())
                .redirectErrorStream(true).start();
        Assumptions.assumeTrue(mount.waitFor() == 0, "cannot mount a tmpfs here (not root?)");
        Path results = Files.createDirectories(tmp.resolve("results"));
        Files.writeString(results.resolve("plan.csv"), "from an older run\n");
        String before = System.getProperty("greenpack.results");
        System.setProperty("greenpack.results", results.toString());
        try {
            CliRun run = CliRun.of("report", "--out", out.toString());
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
            assertThat(run.err()).as(run.toString()).contains("no space left on device while writing", out.toString())
                    .doesNotContain("unexpected failure", "\tat ");
            try (Stream<Path> s = Files.list(out)) {
                assertThat(s.map(p -> p.getFileName().toString())).as("nothing half-written").isEmpty();
            }
            try (Stream<Path> s = Files.list(results)) {
                assertThat(s.map(p -> p.getFileName().toString())).containsExactly("plan.csv");
            }
            assertThat(Files.readString(results.resolve("plan.csv"))).isEqualTo("from an older run\n");
        } finally {
            if (before == null) {
                System.clearProperty("greenpack.results");
            } else {
                System.setProperty("greenpack.results", before);
            }
            new ProcessBuilder("umount", out.toString()).start().waitFor();
        }
    }
}
