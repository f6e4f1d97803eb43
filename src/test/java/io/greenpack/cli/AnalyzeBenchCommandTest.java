package io.greenpack.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** bench analyze at a tiny size, in this JVM's shared session: one table row per size, fleet kept for reuse. */
class AnalyzeBenchCommandTest {
    @TempDir
    Path dir;

    private int run(StringWriter out, StringWriter err, String... args) {
        // As the CLI runs it: user errors become exit 2 and a message.
        String[] full = new String[args.length + 1];
        full[0] = "bench";
        System.arraycopy(args, 0, full, 1, args.length);
        return Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(full);
    }

    @Test
    void tinyAnalyzeBenchWritesOneRowPerSizeAndKeepsTheFleet() throws Exception {
        StringWriter out = new StringWriter();
        Path work = dir.resolve("work");
        Path res = dir.resolve("out");
        int code = run(out, new StringWriter(), "analyze", "--rows", "10000", "--days", "2",
                "--work", work.toString(), "--out", res.toString());
        assertThat(code).as(out.toString()).isZero();

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
        assertThat(out.toString()).contains("utilization rows: ingest", "power models");
        assertThat(Files.readString(res.resolve("analyze.md"))).contains("# Analysis benchmark", "| utilization rows |");
        assertThat(work.resolve("fleet-10000-2d").resolve("parquet").resolve("_complete")).exists();
    }

    @Test
    void aSizeBelowTenThousandRowsIsAUsageError() {
        StringWriter err = new StringWriter();
        int code = run(new StringWriter(), err, "analyze", "--rows", "500", "--work", dir.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--rows", "at least 10000").doesNotContain("Exception");
    }
}
