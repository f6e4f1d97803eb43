package io.greenpack.generate;

import io.greenpack.util.Home;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The sample in notebooks-data/sample is what the default command makes (cheap checks only). */
class BundledSampleTest {
    private final Path sample = Home.sampleData();

    /** The repository's limit per tracked file. */
    private static final long MAX_TRACKED_FILE_BYTES = 5L << 20;

    @Test
    void isSmallCompressedAndDocumented() throws IOException {
        for (String f : List.of("hosts.csv", "apps.csv", "targets.csv", "power-01.csv.gz", "power-02.csv.gz",
                "utilization-01.csv.gz", "utilization-02.csv.gz", "truth.json", "README.md")) {
            assertThat(sample.resolve(f)).as(f).isNotEmptyFile();
            assertThat(Files.size(sample.resolve(f))).as(f).isLessThan(MAX_TRACKED_FILE_BYTES);
        }
        assertThat(sample.resolve("utilization.csv.gz")).doesNotExist();
        assertThat(Files.readString(sample.resolve("README.md")))
                .contains("./greenpack generate --out notebooks-data/sample --files 2");
        assertThat(Home.notebookResults().resolve("README.md")).isNotEmptyFile();
    }

    @Test
    void smallFilesAreExactlyWhatTheDefaultFlagsPlan() throws IOException {
        FleetPlan plan = FleetPlanner.plan(GenerateOptions.defaults());
        assertThat(Files.readAllBytes(sample.resolve("hosts.csv"))).isEqualTo(FleetWriter.hostsCsv(plan));
        assertThat(Files.readAllBytes(sample.resolve("apps.csv"))).isEqualTo(FleetWriter.appsCsv(plan));
        assertThat(Files.readAllBytes(sample.resolve("targets.csv"))).isEqualTo(FleetWriter.targetsCsv());

        GeneratedFiles files = new GeneratedFiles(sample);
        assertThat(files.truth.get("command").asText())
                .isEqualTo(Truth.command(GenerateOptions.bundledSample()));
        assertThat(files.truth.at("/flags/files").asInt()).isEqualTo(2);
        assertThat(files.truth.get("seed").asLong()).isEqualTo(42);
        assertThat(files.truth.at("/flags/hosts").asInt()).isEqualTo(40);
        assertThat(files.truth.at("/flags/apps").asInt()).isEqualTo(150);
        assertThat(files.truth.at("/flags/days").asInt()).isEqualTo(7);
        for (FleetPlan.App a : plan.apps()) {
            assertThat(files.truth.at("/apps/" + a.name() + "/class").asText()).isEqualTo(a.appClass().label());
        }
        Set<String> comatose = new HashSet<>();
        files.truth.get("comatose_hosts").forEach(n -> comatose.add(n.asText()));
        assertThat(comatose).containsExactlyInAnyOrderElementsOf(plan.comatoseHostNames()).isNotEmpty();
        for (HardwareModel m : GenerateOptions.defaults().modelSet().models()) {
            assertThat(files.truth.at("/models/" + m.name() + "/exponent").asDouble()).isEqualTo(m.exponent());
        }
    }

    @Test
    void powerFilesMatchTheirRecordedRowCountsAndBadRows() {
        GeneratedFiles files = new GeneratedFiles(sample);
        for (String f : GenerateOptions.bundledSample().fileNames("power")) {
            List<String[]> power = files.rows(f);
            assertThat(power.size() - 1).as(f).isEqualTo(files.truth.at("/data_rows/" + f).asInt());
            assertThat(power.get(1)[0]).isEqualTo("2026-10-05T00:05:00Z");
            files.truth.at("/bad_rows/" + f + "/rows").forEach(r -> {
                String[] row = power.get(r.get("line").asInt() - 1);
                assertThat(row[1]).isEqualTo(r.get("host").asText());
                assertThat(row[0]).isEqualTo(r.get("timestamp").asText());
            });
        }
    }

    @Test
    void utilizationIsSplitByHostAndEachFileMatchesItsRecordedRowsAndBadRows() {
        GeneratedFiles files = new GeneratedFiles(sample);
        Set<String> seen = new HashSet<>();
        for (String f : GenerateOptions.bundledSample().fileNames("utilization")) {
            List<String[]> util = files.rows(f);
            assertThat(util.get(0)[0]).isEqualTo("timestamp");
            assertThat(util.size() - 1).as(f).isEqualTo(files.truth.at("/data_rows/" + f).asInt());
            files.truth.at("/bad_rows/" + f + "/rows").forEach(r -> {
                String[] row = util.get(r.get("line").asInt() - 1);
                assertThat(row[1]).isEqualTo(r.get("host").asText());
                assertThat(row[0]).isEqualTo(r.get("timestamp").asText());
            });
            // Every (known) host's series is in one file only.
            Set<String> hostsHere = new HashSet<>();
            util.subList(1, util.size()).forEach(r -> hostsHere.add(r[1]));
            hostsHere.removeIf(h -> h.startsWith("ghost-"));
            assertThat(hostsHere).as(f).isNotEmpty();
            assertThat(java.util.Collections.disjoint(hostsHere, seen)).as(f).isTrue();
            seen.addAll(hostsHere);
        }
        assertThat(files.truth.at("/bad_rows/utilization-01.csv.gz/total").asInt()
                + files.truth.at("/bad_rows/utilization-02.csv.gz/total").asInt()).isEqualTo(6);
    }
}
