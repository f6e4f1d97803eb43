package io.greenpack.bench;

import io.greenpack.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** bench analyze at a tiny size, in this JVM's shared session: one table row per size, fleet kept for reuse. */
class AnalyzeBenchCommandTest {
    @TempDir
    Path dir;

    @Test
    void tinyAnalyzeBenchWritesOneRowPerSizeAndKeepsTheFleet() throws Exception {
        Path work = dir.resolve("work");
        Path res = dir.resolve("out");
        CliRun run = CliRun.bench("analyze", "--rows", "10000", "--days", "2",
                "--work", work.toString(), "--out", res.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();

        List<String> csv = Files.readAllLines(res.resolve("analyze.csv"));
        assertThat(csv).hasSize(2);
        List<String> head = List.of(csv.get(0).split(","));
        String[] row = csv.get(1).split(",");
        assertThat(head).startsWith("utilization_rows", "power_rows", "hosts", "apps", "days");
        // 20 apps (the floor) x 2 days x 288 samples, some apps with a second instance.
        assertThat(Long.parseLong(row[0])).isBetween(20L * 2 * 288, 2L * 20 * 2 * 288);
        assertThat(row[2]).isEqualTo("8");
        assertThat(row[3]).isEqualTo("20");
        double ingest = Double.parseDouble(row[head.indexOf("ingest_s")]);
        double analysis = Double.parseDouble(row[head.indexOf("analysis_s")]);
        double total = Double.parseDouble(row[head.indexOf("total_s")]);
        assertThat(ingest).isPositive();
        assertThat(analysis).isPositive();
        assertThat(total).isCloseTo(ingest + analysis, org.assertj.core.api.Assertions.within(0.11));
        assertThat(Long.parseLong(row[head.indexOf("peak_heap_mb")])).isPositive();
        assertThat(run.out()).contains("utilization rows: ingest", "power models");
        assertThat(Files.readString(res.resolve("analyze.md"))).contains("# Analysis benchmark", "| utilization rows |");
        assertThat(work.resolve("fleet-10000-2d").resolve("parquet").resolve("_complete")).exists();
    }

    @Test
    void aSizeBelowTenThousandRowsIsAUsageError() {
        CliRun run = CliRun.bench("analyze", "--rows", "500", "--work", dir.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--rows", "at least 10000").doesNotContain("Exception");
    }
}
