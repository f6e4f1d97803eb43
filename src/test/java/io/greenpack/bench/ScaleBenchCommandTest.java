package io.greenpack.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** bench scale at a tiny size: generate and report each in a child JVM, conversion here; CSV, Markdown, chart. */
class ScaleBenchCommandTest {
    @TempDir
    Path dir;

    @Test
    void tinyScaleBenchWritesTableAndChart() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new BenchCommand());
        cl.setOut(new PrintWriter(out, true));
        Path work = dir.resolve("work");
        Path res = dir.resolve("out");
        int code = cl.execute("scale", "--sizes", "2x6", "--days", "1", "--heap", "1g",
                "--work", work.toString(), "--out", res.toString());
        assertThat(code).as(out.toString()).isZero();

        List<String> csv = Files.readAllLines(res.resolve("scale.csv"));
        assertThat(csv).hasSize(2);
        String[] head = csv.get(0).split(",");
        String[] row = csv.get(1).split(",", -1);
        assertThat(List.of(head)).startsWith("hosts", "apps", "days", "utilization_rows")
                .contains("ingest_s", "analysis_s", "consolidate_s", "render_s", "peak_heap_mb", "cpu_s");
        assertThat(row[0]).isEqualTo("2");
        assertThat(row[1]).isEqualTo("6");
        assertThat(Long.parseLong(row[3])).as("utilization rows").isGreaterThan(1000);
        for (String column : List.of("generate_s", "convert_s", "report_process_s", "ingest_s", "analysis_s", "render_s")) {
            double v = Double.parseDouble(row[List.of(head).indexOf(column)]);
            assertThat(v).as(column).isPositive();
        }
        double process = Double.parseDouble(row[List.of(head).indexOf("report_process_s")]);
        double ingest = Double.parseDouble(row[List.of(head).indexOf("ingest_s")]);
        assertThat(ingest).as("a stage takes less than the whole report JVM").isLessThan(process);
        long heap = Long.parseLong(row[List.of(head).indexOf("peak_heap_mb")]);
        assertThat(heap).isPositive().isLessThanOrEqualTo(1024 + 64);

        String md = Files.readString(res.resolve("scale.md"));
        assertThat(md).contains("# Scale benchmark", "| hosts × apps |", "| 2 × 6 |", "Largest stage per size", "Spark 4.2.0");
        byte[] png = Files.readAllBytes(res.resolve("scale.png"));
        assertThat(png.length).isGreaterThan(5_000);
        assertThat(new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
        assertThat(Files.readString(res.resolve("scale.svg"))).contains("<svg", "Utilization rows");
        assertThat(res.resolve("scale-runs").resolve("scale-h2-a6-d1-s42.json")).exists();
        // Generated and converted once, kept for the next run.
        assertThat(work.resolve("scale-h2-a6-d1-s42").resolve("parquet").resolve("_converted")).exists();
    }
}
