package io.greenpack.generate;

import io.greenpack.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class GenerateCommandTest {
    @Test
    void generatesAllFilesAndExitsZero(@TempDir Path dir) {
        CliRun run = CliRun.of("generate", "--out", dir.toString(), "--hosts", "6", "--apps", "20", "--days", "1",
                "--seed", "3", "--model-set", "b", "--start", "2026-11-02");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("utilization rows", dir.getFileName().toString());
        for (String f : new String[]{"hosts.csv", "apps.csv", "targets.csv", "power.csv.gz", "utilization.csv.gz",
                "truth.json"}) {
            assertThat(dir.resolve(f)).as(f).isNotEmptyFile();
        }
        GeneratedFiles files = new GeneratedFiles(dir);
        assertThat(files.truth.at("/flags/model_set").asText()).isEqualTo("b");
        assertThat(files.rows("utilization.csv.gz").get(1)[0]).isEqualTo("2026-11-02T00:05:00Z");
    }

    @Test
    void plainCsvOnRequest(@TempDir Path dir) {
        CliRun run = CliRun.of("generate", "--out", dir.toString(), "--hosts", "3", "--apps", "5", "--days", "1",
                "--format", "csv", "--interval-minutes", "15");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(dir.resolve("power.csv")).isNotEmptyFile();
        assertThat(dir.resolve("power.csv.gz")).doesNotExist();
    }

    @Test
    void filesSplitsPowerAndUtilizationByHostWithTheSameRows(@TempDir Path dir) {
        Path one = dir.resolve("one");
        Path three = dir.resolve("three");
        for (Path out : new Path[]{one, three}) {
            CliRun run = CliRun.of("generate", "--out", out.toString(), "--hosts", "7", "--apps", "20", "--days", "1",
                    "--files", out == one ? "1" : "3");
            assertThat(run.exitCode()).as(run.toString()).isZero();
        }
        GeneratedFiles a = new GeneratedFiles(one);
        GeneratedFiles b = new GeneratedFiles(three);
        for (String kind : new String[]{"power", "utilization"}) {
            java.util.List<String> all = new java.util.ArrayList<>();
            java.util.Map<String, String> fileOfHost = new java.util.HashMap<>();
            for (int i = 1; i <= 3; i++) {
                String name = kind + "-0" + i + ".csv.gz";
                java.util.List<String[]> rows = b.rows(name);
                for (String[] r : rows.subList(1, rows.size())) {
                    all.add(String.join(",", r));
                    String earlier = fileOfHost.putIfAbsent(r[1], name);
                    assertThat(earlier == null || earlier.equals(name)).as(r[1] + " in one file").isTrue();
                }
                assertThat(b.truth.at("/data_rows/" + name).asLong()).isEqualTo(rows.size() - 1);
            }
            java.util.List<String> whole = a.rows(kind + ".csv.gz").stream().skip(1).map(r -> String.join(",", r)).sorted().toList();
            assertThat(all.stream().sorted().toList()).as(kind).isEqualTo(whole);
        }
        assertThat(three.resolve("power.csv.gz")).doesNotExist();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "--hosts, 0, --hosts",
            "--apps, -3, --apps",
            "--days, 0, --days",
            "--interval-minutes, 7, --interval-minutes",
            "--format, xml, 'csv, csv.gz'",
            "--model-set, c, 'a, b'",
            "--start, yesterday, --start",
            "--start, 2026-10-05T00:03:00Z, --start",
            "--hosts, many, --hosts",
            "--files, 0, --files"})
    void badOptionExitsTwoNamingIt(String option, String value, String expected, @TempDir Path dir) {
        CliRun run = CliRun.of("generate", "--out", dir.toString(), option, value);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains(option).contains(expected).doesNotContain("Exception");
    }

    @Test
    void outMustBeADirectory(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        CliRun run = CliRun.of("generate", "--out", file.toString(), "--hosts", "2", "--apps", "2", "--days", "1");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("--out");
    }

    @Test
    void outIsRequired() {
        CliRun run = CliRun.of("generate");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--out");
    }

    @Test
    void helpDescribesEveryOptionWithExamples() {
        CliRun run = CliRun.of("generate", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--out", "--hosts", "--apps", "--days", "--interval-minutes", "--seed",
                "--start", "--format", "--model-set", "Examples:", "greenpack generate --out");
        assertThat(CliRun.of("--help").out()).contains("generate");
    }
}
