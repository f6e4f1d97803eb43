package io.greenpack.pipeline;

import io.greenpack.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled sample's result tables and plan: a {@code report} run through the real CLI must
 * write the same {@code tables/*.csv}, {@code plan.csv} and {@code migration.csv} as recorded in
 * {@code golden/sample/}. Code moves that are meant to change nothing must leave this green.
 *
 * <p>Text and whole numbers must match exactly. Decimal numbers may differ by one unit in their
 * last printed digit plus one part in a million: sums over Spark partitions are merged in the
 * order tasks finish, and the JIT's {@code Math.log}/{@code Math.pow} intrinsics may differ by an
 * ulp between CPUs, so a full-precision double is not reproducible to the last bit across
 * machines. Any change a person would notice is far larger than that.
 *
 * <p>Deterministic otherwise: the default seed and iteration budget, and a time limit a week out,
 * so the optimizer stops on its budget and never on the clock however busy the machine. No compared file holds anything run-specific: the run
 * id, timestamps and solver seconds live in manifest.json and index.html, which are not compared.
 *
 * <p>To record a deliberate change of the figures: run with {@code -Dgolden.update=true}, which
 * rewrites {@code src/test/resources/golden/sample/}, and commit it with the change that explains
 * it. {@code git diff} then shows what moved.
 */
class SampleGoldenTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden/sample");

    @TempDir
    Path tmp;

    @Test
    void bundledSampleTablesAndPlanAreUnchanged() throws Exception {
        CliRun run = CliRun.of("report", "--out", tmp.toString(), "--seed", "1", "--iterations", "20000",
                "--time-limit", String.valueOf(7 * 24 * 3600));
        assertThat(run.exitCode()).as(run.toString()).isZero();
        Path dir;
        try (Stream<Path> s = Files.list(tmp)) {
            dir = s.findFirst().orElseThrow();
        }
        List<String> actual = comparedFiles(dir);
        assertThat(actual).contains("tables/plan.csv", "tables/plan_summary.csv", "tables/app_energy.csv", "plan.csv");
        if (Boolean.getBoolean("golden.update")) {
            record(dir, actual);
            return;
        }
        assertThat(actual).as("compared files").isEqualTo(comparedFiles(GOLDEN));
        List<String> differences = new ArrayList<>();
        for (String name : actual) {
            differences.addAll(io.greenpack.testing.CsvLines.differences(name, Files.readAllLines(GOLDEN.resolve(name)),
                    Files.readAllLines(dir.resolve(name))));
        }
        assertThat(differences).as("differences from " + GOLDEN + " (at most 20 per file)").isEmpty();
    }

    /** Every compared file, as a path relative to the run folder, sorted. */
    static List<String> comparedFiles(Path dir) throws IOException {
        TreeSet<String> out = new TreeSet<>();
        try (Stream<Path> s = Files.list(dir.resolve("tables"))) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv")).forEach(n -> out.add("tables/" + n));
        }
        out.add("plan.csv");
        out.add("migration.csv");
        return new ArrayList<>(out);
    }

    private static void record(Path dir, List<String> names) throws IOException {
        if (Files.isDirectory(GOLDEN)) {
            try (Stream<Path> s = Files.walk(GOLDEN)) {
                s.filter(Files::isRegularFile).forEach(p -> p.toFile().delete());
            }
        }
        for (String name : names) {
            Path to = GOLDEN.resolve(name);
            Files.createDirectories(to.getParent());
            Files.copy(dir.resolve(name), to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
