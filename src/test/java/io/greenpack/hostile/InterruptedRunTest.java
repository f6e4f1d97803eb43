package io.greenpack.hostile;

import io.greenpack.testing.ChildGreenpack;
import io.greenpack.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A report killed mid-way (SIGKILL: no shutdown hook, no cleanup) must leave the previous
 * report untouched and nothing under a final run-id name; its hidden {@code .…partial} leftover
 * is removed (and named) by the next run. A report interrupted by SIGINT, SIGTERM or SIGHUP
 * says so, exits 128 + the signal number and leaves nothing behind: no {@code .…partial}
 * folder, the notebook tables as they were.
 */
class InterruptedRunTest {
    /** Bound on the whole wait: start-up plus ingest of the sample on a busy 2-core machine. */
    private static final long MAX_WAIT_S = 600;

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
                    .matches("20250101-000000-abcdef0|\\..+\\.partial(\\.lock)?");
        }

        // The next run (a new second, so a new run id) does not collide with the leftover.
        List<String> leftovers = names(out).stream().filter(n -> n.endsWith(".partial")).toList();
        CliRun next = CliRun.of("report", "--out", out.toString());
        assertThat(next.exitCode()).as(next.toString()).isZero();
        for (String leftover : leftovers) {
            assertThat(next.err()).as("the next run names the leftover it removed")
                    .contains("removed " + out.resolve(leftover) + ", left by an interrupted run");
        }
        assertThat(names(out)).as("no hidden leftovers after the next run").noneMatch(n -> n.startsWith("."));
        List<String> finals = names(out).stream().filter(n -> !n.startsWith(".")).toList();
        assertThat(finals).hasSize(2).contains("20250101-000000-abcdef0");
        Path fresh = out.resolve(finals.stream().filter(n -> !n.equals("20250101-000000-abcdef0")).findFirst().orElseThrow());
        assertThat(fresh.resolve("index.html")).isRegularFile();
        assertThat(fresh.resolve("manifest.json")).isRegularFile();
        assertThat(digests(previous)).isEqualTo(before);
    }

    @Test
    void sigintWhileWritingRemovesTheUnfinishedFolderAndKeepsTheNotebookTables() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Map<String, String> results = oldNotebookTables();
        Process child = childReport(out);
        String when = signalWhen(child, () -> names(out).stream().anyMatch(n -> n.endsWith(".partial")), "INT");
        assertThat(when).as(childOutput()).isEqualTo("signalled");
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(tmp.resolve("child.err"));
        assertThat(child.exitValue()).as(err).isEqualTo(130);
        assertThat(err).contains("greenpack: interrupted (SIGINT); removed the unfinished " + out)
                .doesNotContain("unexpected failure", "Exception");
        assertThat(names(out)).as("nothing half-written, no lock files").isEmpty();
        assertThat(digests(tmp.resolve("results"))).as("notebook tables untouched").isEqualTo(results);
    }

    @Test
    void sigtermDuringIngestSaysInterruptedAndExits143() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Process child = childReport(out);
        String when = signalWhen(child, () -> childErr().contains("ingest"), "TERM");
        assertThat(when).as(childOutput()).isEqualTo("signalled");
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String err = childErr();
        assertThat(child.exitValue()).as(err).isEqualTo(143);
        assertThat(err).contains("greenpack: interrupted (SIGTERM)")
                .doesNotContain("unexpected failure", "SparkException", "NullPointerException");
        assertThat(names(out)).isEmpty();
    }

    @Test
    void sighupSaysInterruptedAndExits129() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Process child = childReport(out);
        String when = signalWhen(child, () -> childErr().contains("ingest"), "HUP");
        assertThat(when).as(childOutput()).isEqualTo("signalled");
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String err = childErr();
        assertThat(child.exitValue()).as(err).isEqualTo(129);
        assertThat(err).contains("greenpack: interrupted (SIGHUP)").doesNotContain("unexpected failure", "Exception");
        assertThat(names(out)).isEmpty();
    }

    interface Condition {
        boolean holds() throws IOException;
    }

    /** Sends {@code SIG<signal>} to the child once {@code ready} holds; "signalled", or why not. */
    private static String signalWhen(Process child, Condition ready, String signal) throws Exception {
        long t0 = System.nanoTime();
        try {
            while (System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(MAX_WAIT_S)) {
                if (!child.isAlive()) {
                    return "exited by itself with " + child.exitValue();
                }
                if (ready.holds()) {
                    Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(child.pid())).inheritIO().start();
                    assertThat(kill.waitFor()).isZero();
                    return "signalled";
                }
                Thread.sleep(20);
            }
            return "timeout";
        } catch (Exception | AssertionError e) {
            child.destroyForcibly();
            throw e;
        }
    }

    /** A results folder with tables of an "older run"; returns its digests. */
    private Map<String, String> oldNotebookTables() throws Exception {
        Path results = Files.createDirectories(tmp.resolve("results"));
        Files.writeString(results.resolve("app_energy.csv"), "app,kwh\nold,1\n");
        Files.writeString(results.resolve("README.md"), "notebook tables\n");
        return digests(results);
    }

    private String childErr() throws IOException {
        Path err = tmp.resolve("child.err");
        return Files.exists(err) ? Files.readString(err) : "";
    }

    private String childOutput() throws IOException {
        return "child stderr:\n" + childErr();
    }

    /**
     * {@code greenpack report --out out} on the bundled sample, in a child JVM with this JVM's
     * classpath; its notebook tables go to {@code tmp/results}, never to the checkout's.
     */
    private Process childReport(Path out) throws IOException {
        return ChildGreenpack.start(tmp, "2g", tmp.resolve("results"), List.of("report", "--out", out.toString()));
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
