package io.greenpack.pipeline;

import io.greenpack.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled sample's result tables and plan, byte for byte: a {@code report} run through the
 * real CLI must write the same {@code tables/*.csv}, {@code plan.csv} and {@code migration.csv} as
 * recorded in {@code golden/sample-tables.sha256}. Code moves that are meant to change nothing
 * must leave this green.
 *
 * <p>Deterministic by construction: the optimizer's time limit is set a week out, so it stops on
 * its iteration budget and never on the clock, however busy the machine. No compared file holds
 * anything run-specific: no table has a timing column, and the run id, timestamps and solver
 * seconds live in manifest.json and index.html, which are not compared.
 *
 * <p>To record a deliberate change of the figures: run with {@code -Dgolden.update=true}, which
 * rewrites the resource file in the source tree, and commit it with the change that explains it.
 * On a mismatch the actual files are kept under {@code target/golden-actual/} for a diff.
 */
class SampleGoldenTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden/sample-tables.sha256");

    @TempDir
    Path tmp;

    @Test
    void bundledSampleTablesAndPlanAreUnchanged() throws Exception {
        CliRun run = CliRun.of("report", "--out", tmp.toString(), "--seed", "1", "--iterations", "200000",
                "--time-limit", String.valueOf(7 * 24 * 3600));
        assertThat(run.exitCode()).as(run.toString()).isZero();
        Path dir;
        try (Stream<Path> s = Files.list(tmp)) {
            dir = s.findFirst().orElseThrow();
        }
        Map<String, String> actual = hashes(dir);
        assertThat(actual).containsKeys("tables/plan.csv", "tables/plan_summary.csv", "tables/app_energy.csv", "plan.csv");
        if (Boolean.getBoolean("golden.update")) {
            Files.write(GOLDEN, lines(actual), StandardCharsets.UTF_8);
            return;
        }
        Map<String, String> expected = new TreeMap<>();
        for (String line : Files.readAllLines(GOLDEN, StandardCharsets.UTF_8)) {
            String[] kv = line.split("  ", 2);
            expected.put(kv[1], kv[0]);
        }
        if (!actual.equals(expected)) {
            keep(dir, actual.keySet());
        }
        assertThat(actual).as("SHA-256 per file (actual files kept in target/golden-actual/)").isEqualTo(expected);
    }

    /** SHA-256 of every compared file, by path relative to the run folder. */
    static Map<String, String> hashes(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir.resolve("tables"))) {
            s.filter(p -> p.getFileName().toString().endsWith(".csv")).forEach(files::add);
        }
        files.add(dir.resolve("plan.csv"));
        files.add(dir.resolve("migration.csv"));
        Map<String, String> out = new TreeMap<>();
        for (Path f : files) {
            String name = dir.relativize(f).toString().replace('\\', '/');
            out.put(name, sha256(Files.readString(f, StandardCharsets.UTF_8)));
        }
        return out;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static List<String> lines(Map<String, String> hashes) {
        List<String> out = new ArrayList<>();
        hashes.forEach((name, sha) -> out.add(sha + "  " + name));
        return out;
    }

    private static void keep(Path dir, Iterable<String> names) throws IOException {
        Path keep = Path.of("target/golden-actual");
        for (String name : names) {
            Path to = keep.resolve(name);
            Files.createDirectories(to.getParent());
            Files.copy(dir.resolve(name), to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
