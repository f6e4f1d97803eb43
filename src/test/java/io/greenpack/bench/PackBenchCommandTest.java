package io.greenpack.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The bench command runs from a test (small settings) and writes both files. */
class PackBenchCommandTest {
    @TempDir
    Path dir;

    @Test
    void smallBenchWritesCsvAndMarkdown() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new BenchPackCommand());
        cl.setOut(new PrintWriter(out, true));
        int code = cl.execute("--out", dir.toString(), "--instances", "2", "--sizes", "25,60",
                "--time-limit", "0.5", "--iterations", "2000", "--large-items", "500", "--large-time-limit", "1",
                "--bounded-sizes", "100", "--bounded-time-limits", "1");
        assertThat(code).as(out.toString()).isZero();
        String csv = Files.readString(dir.resolve("pack.csv"));
        assertThat(csv).startsWith("class,items").contains("uniform,25", "correlated,60", "anti-correlated,25", "large-3-types,500");
        // Never more bins than FFD on any instance.
        csv.lines().skip(1).forEach(l -> assertThat(l.split(",")[7]).as(l).isEqualTo("0"));
        assertThat(Files.readString(dir.resolve("pack.md"))).contains("| class |", "## Bounded availability");
        // Bounded availability: every computer once; the solver is cheaper than FFD and not below the bound.
        String bounded = Files.readString(dir.resolve("pack_bounded.csv"));
        assertThat(bounded.lines()).hasSize(2);
        String[] row = bounded.lines().skip(1).findFirst().orElseThrow().split(",");
        assertThat(row[0]).isEqualTo("100");
        assertThat(row[1]).isEqualTo("300");
        double cost = Double.parseDouble(row[4]);
        assertThat(cost).isLessThan(Double.parseDouble(row[5])).isGreaterThanOrEqualTo(Double.parseDouble(row[6]));
    }
}
