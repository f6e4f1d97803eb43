package io.greenpack.hostile;

import io.greenpack.testing.ChildGreenpack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled sample plus a small gzip of one valid utilization row repeated until it expands to
 * 2 GB (about 32 M rows), reported with a 1 GB heap in a child JVM, as {@code GREENPACK_HEAP=1g}
 * would run it. The data cannot fit, so the run must stop with the memory message (how much heap
 * it had, {@code GREENPACK_HEAP}, {@code --master}) and exit 2: never Spark's exit 52, a raw
 * OutOfMemoryError or a stack trace, and nothing written to the output or the notebook tables.
 * And a heap below the one Spark can start in is refused with the heap and the way out.
 */
class MemoryLimitsTest {
    private static final String HEADER = "timestamp,host,app,instance,cpu_cores,mem_gb,disk_iops,disk_mbps,net_mbps\n";
    private static final String ROW = "2026-10-05T00:05:00Z,srv-001,app-0090,1,0.468,5.92,94.4,8.12,20.94\n";
    private static final long EXPANDED_BYTES = 2L << 30;

    @TempDir
    Path tmp;

    @Test
    void twoGigabytesOfOneValidRowStopWithTheMemoryMessage() throws Exception {
        Path data = sampleCopy();
        byte[] block = ROW.repeat(16_384).getBytes(StandardCharsets.US_ASCII);
        Path bomb = data.resolve("utilization-03.csv.gz");
        HostileCorpus.writeGzip(bomb, HEADER.getBytes(StandardCharsets.US_ASCII), block,
                EXPANDED_BYTES / block.length * block.length);
        assertThat(Files.size(bomb)).as("a small file").isLessThan(32L << 20);
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path results = Files.createDirectories(tmp.resolve("results"));
        Files.writeString(results.resolve("plan.csv"), "from an older run\n");

        Process child = ChildGreenpack.start(tmp, "1g", results,
                java.util.List.of("report", "--data", data.toString(), "--out", out.toString()));
        boolean ended = child.waitFor(600, TimeUnit.SECONDS);
        if (!ended) {
            child.destroyForcibly().waitFor();
        }
        String err = Files.readString(tmp.resolve("child.err"));
        assertThat(ended).as("ended within 10 minutes: " + err).isTrue();
        assertThat(child.exitValue()).as(err).isEqualTo(2);
        assertThat(err).contains("greenpack: out of memory", "Java heap it had", "GREENPACK_HEAP=", "--master spark://",
                "nothing was written").doesNotContain("\tat ", "SparkException", "unexpected failure");
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.map(p -> p.getFileName().toString())).as("nothing written, nothing half-written").isEmpty();
        }
        try (Stream<Path> s = Files.list(results)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("plan.csv");
        }
        assertThat(Files.readString(results.resolve("plan.csv"))).isEqualTo("from an older run\n");
    }

    @Test
    void aHeapTooSmallForSparkIsAUserErrorWithTheWayOut() throws Exception {
        Path results = Files.createDirectories(tmp.resolve("results"));
        Process child = ChildGreenpack.start(tmp, "256m", results, java.util.List.of("validate"));
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(tmp.resolve("child.err"));
        assertThat(child.exitValue()).as(err).isEqualTo(2);
        assertThat(err).contains("greenpack: the Java heap is 2", "MB and Spark needs at least 450 MB to start",
                "GREENPACK_HEAP=2g").doesNotContain("unexpected failure", "driver-memory", "\tat ");
    }

    /** The bundled sample's inputs in a folder of the test's own. */
    private Path sampleCopy() throws Exception {
        Path sample = io.greenpack.util.Home.sampleData();
        Path data = Files.createDirectories(tmp.resolve("data"));
        try (Stream<Path> s = Files.list(sample)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                Files.copy(f, data.resolve(f.getFileName()));
            }
        }
        return data;
    }
}
