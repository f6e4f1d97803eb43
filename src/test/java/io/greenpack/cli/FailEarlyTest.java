package io.greenpack.cli;

import io.greenpack.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.greenpack.testing.CliRun.refused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mistakes the CLI must refuse before any work starts (no Spark session, no ingest): exit 2 with
 * one message naming the option, value or path, what was wrong and what was expected.
 */
class FailEarlyTest {
    @TempDir
    Path tmp;

    @Test
    void aNegativeIterationBudgetOrTimeLimitIsRefused() {
        refused(CliRun.of("report", "--iterations", "-5", "--out", tmp.toString()),
                "--iterations: expected a number of iterations >= 1, got -5");
        refused(CliRun.of("consolidate", "--time-limit", "-1", "--out", tmp.toString()),
                "--time-limit: expected a number of seconds > 0, got -1.0");
        assertThat(tmp).isEmptyDirectory();
    }

    @Test
    void reportHelpPrintsNoPicocliWarnings() {
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        CliRun run;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            run = CliRun.of("report", "--help");
        } finally {
            System.setErr(stderr);
        }
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("20 % headroom");
        assertThat(captured.toString(StandardCharsets.UTF_8) + run.err()).doesNotContain("WARN");
    }

    @Test
    void outputFolderProblemsAreFoundBeforeIngestWithTheirReason() throws Exception {
        Path file = Files.writeString(tmp.resolve("taken"), "x");
        long t0 = System.nanoTime();
        refused(CliRun.of("report", "--out", file.toString()), file + ": is an existing file, not a folder");
        refused(CliRun.of("analyze", "--out", "/proc/greenpack-out"), "lies under /proc");
        refused(CliRun.of("whatif", "--out", file.resolve("sub").toString()), "cannot be created: not a directory");
        assertThat((System.nanoTime() - t0) / 1e9).as("no ingest ran").isLessThan(20);
    }

    @Test
    void aReadOnlyOutputFolderIsRefusedBeforeIngest() throws Exception {
        Path ro = Files.createDirectories(tmp.resolve("ro"));
        // As root, permissions do not stop writing: a read-only mount does.
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", ro.toString())
                .redirectErrorStream(true).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mount.waitFor() == 0, "cannot mount a read-only tmpfs here (not root?)");
        try {
            refused(CliRun.of("report", "--out", ro.toString()), "output folder " + ro + ": cannot be written: read-only file system");
        } finally {
            new ProcessBuilder("umount", ro.toString()).start().waitFor();
        }
    }

    @Test
    void aMasterThatIsNoUrlOrDoesNotAnswerIsAUserError() {
        refused(CliRun.of("report", "--master", "bogus://nowhere:1", "--out", tmp.toString()),
                "--master bogus://nowhere:1: not a Spark master URL; expected local[*], local[N] or spark://HOST:PORT");
        refused(CliRun.of("validate", "--master", "spark://127.0.0.1:1"),
                "--master spark://127.0.0.1:1: cannot reach the Spark master at 127.0.0.1:1", "gave up after", "limit 20 s");
    }

    @Test
    void aSweepLargerThanTheLimitIsRefusedBeforeExpanding() throws Exception {
        StringBuilder yaml = new StringBuilder("sweep:\n");
        String[] keys = {"pue", "headroom", "tariff_per_kwh", "grid_gco2e_per_kwh", "horizon_years", "percentile",
                "migration_gbps", "hypervisor.cpu_overhead", "hypervisor.mem_overhead_gb"};
        for (String k : keys) {
            yaml.append("  ").append(k).append(": [");
            for (int i = 1; i <= 10; i++) {
                yaml.append(i > 1 ? ", " : "").append(k.equals("percentile") ? 80 + i : k.equals("headroom") ? i / 20.0 : 1 + i / 10.0);
            }
            yaml.append("]\n");
        }
        Path file = Files.writeString(tmp.resolve("huge.yaml"), yaml);
        long t0 = System.nanoTime();
        refused(CliRun.of("whatif", "--scenarios", file.toString(), "--out", tmp.resolve("out").toString()),
                "huge.yaml", "the sweep has 1,000,000,000 points", "the limit is 10,000 points");
        assertThat((System.nanoTime() - t0) / 1e9).as("refused up front").isLessThan(10);
    }

    @Test
    void outOfMemoryIsSaidWithTheHeapAndTheWaysOutNeverAsARawError() {
        // As Spark reports a task's OutOfMemoryError: wrapped, and sometimes only in the message.
        Exception wrapped = new RuntimeException("Job aborted", new OutOfMemoryError("Java heap space"));
        Exception text = new RuntimeException("Job aborted due to stage failure: java.lang.OutOfMemoryError: Java heap space\n\tat x");
        assertThat(Failures.outOfMemoryIn(wrapped)).isEqualTo("Java heap space");
        assertThat(Failures.outOfMemoryIn(text)).isEqualTo("Java heap space");
        assertThat(Failures.outOfMemoryIn(new RuntimeException("fine"))).isNull();
        assertThat(Main.outOfMemoryMessage(8192, "Java heap space"))
                .isEqualTo("greenpack: out of memory (Java heap space): this data needs more than the 8.0 GB Java heap it had. "
                        + "Give it more, e.g. GREENPACK_HEAP=16g ./greenpack ... (the launcher's default is 8g), or run on a "
                        + "cluster with --master spark://HOST:PORT; nothing was written");
    }

    @Test
    void aFullDiskIsAUserErrorNamingTheFile() {
        Exception e = new RuntimeException("Job aborted", new java.nio.file.FileSystemException("/out/.r.partial/plan.csv",
                null, "No space left on device"));
        assertThat(Failures.noSpaceLeft(e)).isNotNull().hasMessageStartingWith(
                "/out/.r.partial/plan.csv: no space left on device while writing this file");
        assertThat(Failures.noSpaceLeft(new RuntimeException("other"))).isNull();
    }
}
