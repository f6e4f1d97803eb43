package io.greenpack.generate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class GeneratorDeterminismTest {
    private static final GenerateOptions SMALL = GenerateOptions.defaults().withSize(8, 30, 2);

    @Test
    void sameSeedAndFlagsGiveByteIdenticalFiles(@TempDir Path a, @TempDir Path b) throws IOException {
        GenerationSummary first = FleetWriter.generate(SMALL, a);
        FleetWriter.generate(SMALL, b);
        assertThat(first.files()).contains("hosts.csv", "apps.csv", "targets.csv", "power.csv.gz",
                "utilization.csv.gz", "truth.json");
        for (String f : first.files()) {
            assertThat(Files.readAllBytes(a.resolve(f))).as(f).isEqualTo(Files.readAllBytes(b.resolve(f)));
        }
        // No leftovers from the write-then-rename.
        try (var listing = Files.list(a)) {
            assertThat(listing.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
        }
    }

    @Test
    void gzipHeaderCarriesNoTimestamp(@TempDir Path a) throws IOException {
        FleetWriter.generate(SMALL, a);
        byte[] gz = Files.readAllBytes(a.resolve("power.csv.gz"));
        assertThat(gz[0] & 0xff).isEqualTo(0x1f);
        assertThat(gz[1] & 0xff).isEqualTo(0x8b);
        assertThat(new byte[]{gz[4], gz[5], gz[6], gz[7]}).as("MTIME").containsOnly(0);
    }

    @Test
    void anotherSeedOrModelSetGivesOtherData(@TempDir Path a, @TempDir Path b, @TempDir Path c) throws IOException {
        FleetWriter.generate(SMALL, a);
        FleetWriter.generate(SMALL.withSeed(43), b);
        FleetWriter.generate(SMALL.withModelSet(ModelSet.B), c);
        assertThat(Files.readAllBytes(a.resolve("power.csv.gz"))).isNotEqualTo(Files.readAllBytes(b.resolve("power.csv.gz")));
        assertThat(Files.readAllBytes(a.resolve("utilization.csv.gz")))
                .isNotEqualTo(Files.readAllBytes(b.resolve("utilization.csv.gz")));
        assertThat(Files.readString(c.resolve("hosts.csv"))).contains("eos-1u").doesNotContain("atlas-1u");
    }

    @Test
    void plainCsvFormatWritesUncompressedFiles(@TempDir Path a) throws IOException {
        GenerationSummary s = FleetWriter.generate(SMALL.withCompress(false), a);
        assertThat(s.files()).contains("power.csv", "utilization.csv");
        assertThat(Files.readString(a.resolve("power.csv"))).startsWith("timestamp,host,psu,watts,energy_wh,source\n");
    }

    @Test
    void splitFilesHoldTheSameRowsByHost(@TempDir Path one, @TempDir Path three) throws IOException {
        FleetWriter.generate(SMALL.withCompress(false), one);
        GenerationSummary s = FleetWriter.generate(SMALL.withCompress(false).withFiles(3), three);
        assertThat(s.files()).contains("utilization-01.csv", "utilization-02.csv", "utilization-03.csv",
                "power-01.csv", "power-02.csv", "power-03.csv").doesNotContain("utilization.csv", "power.csv");
        for (String kind : java.util.List.of("power", "utilization")) {
            java.util.List<String> all = Files.readAllLines(one.resolve(kind + ".csv"));
            java.util.List<String> joined = new java.util.ArrayList<>();
            java.util.Set<String> hostsSeen = new java.util.HashSet<>();
            for (int f = 1; f <= 3; f++) {
                java.util.List<String> part = Files.readAllLines(three.resolve(kind + "-0" + f + ".csv"));
                assertThat(part.get(0)).isEqualTo(all.get(0));
                java.util.Set<String> hosts = new java.util.HashSet<>();
                part.subList(1, part.size()).forEach(l -> hosts.add(l.split(",")[1]));
                hosts.removeIf(h -> h.startsWith("ghost-"));
                assertThat(java.util.Collections.disjoint(hosts, hostsSeen)).as("%s file %d", kind, f).isTrue();
                hostsSeen.addAll(hosts);
                joined.addAll(part.subList(1, part.size()));
                // Within a file the rows keep the single file's order.
                java.util.Set<String> inPart = new java.util.HashSet<>(part.subList(1, part.size()));
                java.util.List<String> filtered = all.subList(1, all.size()).stream().filter(inPart::contains).toList();
                assertThat(part.subList(1, part.size())).as("%s file %d", kind, f).isEqualTo(filtered);
            }
            assertThat(joined).as(kind).containsExactlyInAnyOrderElementsOf(all.subList(1, all.size()));
        }
        assertThat(s.utilizationRows()).isEqualTo(Files.readAllLines(one.resolve("utilization.csv")).size() - 1L);
    }

    @Test
    void utilizationFilesMustBeBetweenOneAndTheHostCount() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SMALL.withFiles(0))
                .hasMessageContaining("--files");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SMALL.withFiles(9))
                .hasMessageContaining("--files").hasMessageContaining("from 1 to the number of hosts");
    }
}
