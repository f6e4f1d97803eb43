package io.greenpack.hostile;

import io.greenpack.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A report killed mid-way (SIGKILL: no shutdown hook, no cleanup) must leave the previous
 * report untouched and nothing under a final run-id name; a hidden {@code .…partial} leftover
 * is allowed (RunFolder's contract), and the next run must still succeed.
 */
class InterruptedRunTest {
    /** Bound on the whole wait: start-up plus ingest of the sample on a busy 2-core machine. */
    private static final long MAX_WAIT_S = 240;

    @TempDir
    Path tmp;

    @Test
    void killedReportLeavesThePreviousRunAloneAndTheNextRunWorks() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path previous = Files.createDirectories(out.resolve("20250101-000000-abcdef0"));
        Files.writeString(previous.resolve("index.html"), "<html>the previous report</html>\n");
        Files.writeString(previous.resolve("manifest.json"), "{\"run\":\"previous\"}\n");
        Files.createDirectories(previous.resolve("charts"));
        Files.write(previous.resolve("charts/fleet-power.png"), new byte[]{(byte) 0x89, 'P', 'N', 'G'});
        Map<String, String> before = digests(previous);

        Process child = childReport(out);
        long t0 = System.nanoTime();
        String killedAt = "timeout";
        try {
            while (System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(MAX_WAIT_S)) {
                if (!child.isAlive()) {
                    killedAt = "exited by itself with " + child.exitValue();
                    break;
                }
                if (names(out).stream().anyMatch(n -> n.endsWith(".partial"))) {
                    killedAt = "while writing the .partial folder";
                    break;
                }
                Thread.sleep(20);
            }
        } finally {
            child.destroyForcibly(); // SIGKILL on Unix: the JVM gets no chance to clean up
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("child ended").isTrue();
        }
        System.out.printf("interrupted report: killed %s after %.1f s; out holds %s%n", killedAt,
                (System.nanoTime() - t0) / 1e9, names(out));
        assertThat(killedAt).as("the child was killed mid-way (see " + tmp.resolve("child.err") + ")")
                .isEqualTo("while writing the .partial folder");

        // The previous report is byte for byte as it was; nothing appeared under a final name.
        assertThat(digests(previous)).isEqualTo(before);
        for (String n : names(out)) {
            assertThat(n).as("only the previous run and hidden .partial leftovers")
                    .matches("20250101-000000-abcdef0|\\..+\\.partial");
        }

        // The next run (a new second, so a new run id) does not collide with the leftover.
        CliRun next = CliRun.of("report", "--out", out.toString());
        assertThat(next.exitCode()).as(next.toString()).isZero();
        List<String> finals = names(out).stream().filter(n -> !n.startsWith(".")).toList();
        assertThat(finals).hasSize(2).contains("20250101-000000-abcdef0");
        Path fresh = out.resolve(finals.stream().filter(n -> !n.equals("20250101-000000-abcdef0")).findFirst().orElseThrow());
        assertThat(fresh.resolve("index.html")).isRegularFile();
        assertThat(fresh.resolve("manifest.json")).isRegularFile();
        assertThat(digests(previous)).isEqualTo(before);
    }

    /** {@code greenpack report --out out} on the bundled sample, in a child JVM with this JVM's classpath. */
    private Process childReport(Path out) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--add-opens") || a.startsWith("-D")) {
                cmd.add(a);
            }
        }
        cmd.add("-Xmx2g");
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-Dgreenpack.home=" + System.getProperty("greenpack.home", "."));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("io.greenpack.cli.Main");
        cmd.addAll(List.of("report", "--out", out.toString()));
        return new ProcessBuilder(cmd)
                .redirectOutput(tmp.resolve("child.out").toFile())
                .redirectError(tmp.resolve("child.err").toFile())
                .start();
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Relative path -> SHA-256 of every file under root. */
    private static Map<String, String> digests(Path root) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                out.put(root.relativize(p).toString(), HexFormat.of().formatHex(sha.digest(Files.readAllBytes(p))));
            }
        }
        return out;
    }
}
