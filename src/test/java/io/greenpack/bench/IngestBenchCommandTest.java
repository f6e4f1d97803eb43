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

/** bench ingest on a tiny fleet: generates, converts, runs each measurement in a child JVM. */
class IngestBenchCommandTest {
    @TempDir
    Path dir;

    @Test
    void tinyBenchWritesCsvAndMarkdownFromChildJvms() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new BenchCommand());
        cl.setOut(new PrintWriter(out, true));
        int code = cl.execute("ingest", "--rows-target", "20000", "--runs", "1", "--heap", "1g", "--warm", "2",
                "--work", dir.resolve("work").toString(), "--out", dir.resolve("out").toString());
        assertThat(code).as(out.toString()).isZero();

        List<String> csv = Files.readAllLines(dir.resolve("out").resolve("ingest.csv"));
        assertThat(csv.get(0)).startsWith("format,run,rows,").endsWith("process_cpu_s,load_average,warm_s");
        assertThat(csv).hasSize(3);
        for (String line : csv.subList(1, csv.size())) {
            String[] f = line.split(",");
            assertThat(f[0]).isIn("csv", "parquet");
            assertThat(Long.parseLong(f[2])).as(line).isGreaterThanOrEqualTo(20_000);
            assertThat(Double.parseDouble(f[5])).as(line).isPositive();
            assertThat(Double.parseDouble(f[6])).as(line).isPositive();
            assertThat(Long.parseLong(f[7])).as(line).isPositive();
            // Two repetitions in the same JVM after the fresh run.
            assertThat(f[11].split(";")).as(line).hasSize(2).allSatisfy(w -> assertThat(Double.parseDouble(w)).isPositive());
        }
        assertThat(Files.readString(dir.resolve("out").resolve("ingest.md"))).contains("| format |", "Spark 4.2.0", "median warm s");
        // Generated and converted once into the cache folder, reused by later runs.
        assertThat(Files.exists(dir.resolve("work").resolve("h2-a10-d7-s42-f2").resolve("parquet").resolve("_converted"))).isTrue();
    }
}
