package io.greenpack.hostile;

import io.greenpack.testing.CliRun;
import io.greenpack.testing.TestSpark;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every case of the hostile-input corpus (hostile/cases.csv) through the real CLI in-process:
 * exit 2 with one message naming the file, or exit 0 with the bad rows quarantined; never a
 * stack trace, never exit 1, never a run folder (final or .partial) left by a failed report.
 */
class HostileInputTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void warmUp() {
        TestSpark.session(); // one session for every case; CliRun's Sparks.session reuses it
    }

    /** All cases, or those named in -Dhostile.cases=a,b (to rerun a few while fixing them). */
    static List<HostileCorpus.Case> cases() throws IOException {
        String only = System.getProperty("hostile.cases", "");
        List<String> names = List.of(only.split(","));
        return HostileCorpus.cases().stream().filter(c -> only.isBlank() || names.contains(c.name())).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void endsInExitTwoWithOneMessageOrQuarantinesTheRows(HostileCorpus.Case c) throws Exception {
        if (c.name().equals("unreadable-file")) {
            Assumptions.assumeFalse("root".equals(System.getProperty("user.name")),
                    "running as root: chmod 000 does not stop root from reading, so this case cannot fail");
        }
        Path data = HostileCorpus.materialize(c, tmp);
        Path out = tmp.resolve("out");
        Set<String> before = tree(tmp);
        long t0 = System.nanoTime();
        CliRun run = c.command().equals("report")
                ? CliRun.of("report", "--data", data.toString(), "--out", out.toString())
                : CliRun.of("validate", "--data", data.toString());
        System.out.printf("hostile %-36s exit %d in %5.1f s: %s%n", c.name(), run.exitCode(),
                (System.nanoTime() - t0) / 1e9, run.exitCode() == 0 ? summary(run.out()) : message(run.err()));

        assertThat(run.err()).as("no stack trace: " + run).doesNotContain("\tat ");
        assertThat(controls(run.out() + run.err())).as("control characters on the terminal: " + run).isZero();
        assertThat(run.exitCode()).as(run.toString()).isNotEqualTo(1).isEqualTo(c.exit());
        // One message, not the input echoed back: a 10 MB line must not reach the terminal.
        assertThat(run.out().length() + run.err().length()).as("output size").isLessThan(20_000);
        String where = c.exit() == 2 ? run.err() : run.out();
        for (String s : c.expected()) {
            assertThat(where).as(run.toString()).contains(s);
        }
        if (c.exit() == 2) {
            assertThat(errorLines(run.err())).as("one message: " + run.err()).hasSize(1);
        }

        // Nothing appears outside the run folder: the data directory is as it was, and the out
        // dir holds exactly one complete run folder (exit 0) or nothing at all (exit 2).
        Set<String> after = tree(tmp);
        after.removeIf(p -> p.startsWith("out"));
        before.removeIf(p -> p.startsWith("out"));
        assertThat(after).as("files outside the run folder").isEqualTo(before);
        if (c.command().equals("report")) {
            List<String> runs = Files.exists(out) ? list(out) : List.of();
            if (c.exit() == 2) {
                assertThat(runs).as("no run folder and no .partial after a failed run").isEmpty();
            } else {
                assertThat(runs).hasSize(1);
                assertThat(runs.get(0)).matches("\\d{8}-\\d{6}-[0-9a-f]{7}");
                checkOutputs(c, out.resolve(runs.get(0)));
            }
        }
    }

    /** What a run folder made from hostile names must not contain. */
    private static void checkOutputs(HostileCorpus.Case c, Path run) throws IOException {
        String html = Files.readString(run.resolve("index.html"));
        assertThat(html).doesNotContain("<script>alert").doesNotContain("<img src=x");
        for (String line : Files.readAllLines(run.resolve("rejects.csv"))) {
            for (String cell : line.split(",")) {
                assertThat(cell).as("formula injection in rejects.csv: " + line).doesNotStartWith("=").doesNotStartWith("@");
            }
        }
        try (Stream<Path> s = Files.walk(run)) {
            assertThat(s.map(p -> p.getFileName().toString())).doesNotContain("passwd", "greenpack-pwned");
        }
        assertThat(Path.of("/tmp/greenpack-pwned")).doesNotExist();
        assertNoControlsAndValidSvg(run);
    }

    /** No control character from a name reaches a text output of {@code run}, and every SVG is valid XML. */
    static void assertNoControlsAndValidSvg(Path run) throws IOException {
        try (Stream<Path> s = Files.walk(run)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String name = p.getFileName().toString();
                if (name.endsWith(".svg")) {
                    javax.xml.parsers.DocumentBuilderFactory xml = javax.xml.parsers.DocumentBuilderFactory.newInstance();
                    xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false); // offline
                    xml.newDocumentBuilder().parse(p.toFile());
                }
                if (name.endsWith(".svg") || name.endsWith(".html") || name.endsWith(".csv") || name.endsWith(".md")) {
                    assertThat(controls(Files.readString(p))).as("control characters in " + p).isZero();
                }
            }
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new AssertionError("an SVG of " + run + " is not valid XML: " + e.getMessage(), e);
        }
    }

    /** C0 controls other than tab, newline and carriage return, DEL and C1 controls in {@code s}. */
    static long controls(String s) {
        return s.chars().filter(c -> (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F)).count();
    }

    /** Lines of stderr that are not progress ("ingest: ..." steps). */
    private static List<String> errorLines(String err) {
        return err.lines().filter(l -> l.startsWith("greenpack:")).toList();
    }

    /** The "greenpack: ..." lines of stderr, cut short for the log. */
    private static String message(String err) {
        String l = String.join(" / ", errorLines(err));
        return l.length() > 300 ? l.substring(0, 297) + "..." : l;
    }

    /** "rejected rows: N of M" and the first rejected row, for the log. */
    private static String summary(String out) {
        List<String> lines = out.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("rejected rows")) {
                String first = i + 1 < lines.size() ? lines.get(i + 1).strip() : "";
                return lines.get(i) + " " + (first.length() > 140 ? first.substring(0, 137) + "..." : first);
            }
        }
        return lines.isEmpty() ? "" : lines.get(0);
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Every path under root (relative), links not followed. */
    private static Set<String> tree(Path root) throws IOException {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.forEach(p -> out.add(root.relativize(p).toString()
                    + (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "/" : "")));
        }
        return out;
    }
}
