package io.greenpack.hostile;

import io.greenpack.testing.CliRun;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scenario name with NUL, BEL and ESC sequences (YAML double-quoted escapes), through the real
 * command line on the hostile corpus's base fleet: {@code report} and {@code whatif} accept it
 * (names are free text) and end with exit 0, and no control character reaches the terminal, the
 * page, an SVG chart (each parsed as XML), whatif.csv, summary.md or the deck; the name shows with
 * U+FFFD in its place.
 */
class ControlCharScenarioNameTest {
    /** "evil", NUL, BEL, ESC [2J (clear screen), ESC ]0;pwned BEL (set the window title). */
    private static final String YAML_NAME = "\"evil\\0\\a\\e[2J\\e]0;pwned\\a\"";
    private static final String SHOWN = "evil\uFFFD\uFFFD\uFFFD[2J";

    @TempDir
    Path tmp;

    private Path data() throws IOException {
        return HostileCorpus.materialize(new HostileCorpus.Case("base", "report", 0, List.of(), ""), tmp);
    }

    @Test
    void reportWithAControlCharacterScenarioNameWritesNoControlCharacter() throws Exception {
        Path yaml = tmp.resolve("s.yaml");
        Files.writeString(yaml, "base:\n  name: " + YAML_NAME + "\n  headroom: 0.2\n");
        Path out = tmp.resolve("out");
        CliRun run = CliRun.of("report", "--data", data().toString(), "--out", out.toString(), "--scenario",
                yaml.toString(), "--time-limit", "2");

        Path dir = checked(run, "report written to (\\S+)");
        assertThat(anySvgContains(dir, SHOWN)).as("the name reaches the charts (cleaned)").isTrue();
    }

    @Test
    void whatIfWithAControlCharacterScenarioNameWritesNoControlCharacter() throws Exception {
        Path yaml = tmp.resolve("w.yaml");
        Files.writeString(yaml, "base:\n  headroom: 0.2\nscenarios:\n  - name: " + YAML_NAME + "\n    headroom: 0.3\n"
                + "sweep:\n  headroom: [0.1, 0.4]\n");
        Path out = tmp.resolve("out");
        CliRun run = CliRun.of("whatif", "--data", data().toString(), "--scenarios", yaml.toString(), "--out",
                out.toString(), "--iterations", "500");

        Path dir = checked(run, "written to (\\S+)");
        assertThat(Files.readString(dir.resolve("whatif.csv"))).contains(SHOWN);
        assertThat(Files.readString(dir.resolve("index.html"))).contains(SHOWN);
        try (Stream<Path> s = Files.list(dir.resolve("points"))) {
            assertThat(s.map(p -> p.getFileName().toString())).as("point folders").hasSize(4)
                    .allMatch(f -> f.matches("[0-9]{2}-[A-Za-z0-9._=-]+"));
        }
    }

    /** Exit 0, a clean terminal, and every output of the run folder clean; returns the run folder. */
    private static Path checked(CliRun run, String written) throws IOException {
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).as(run.toString()).doesNotContain("\tat ");
        assertThat(HostileInputTest.controls(run.out() + run.err())).as("control characters on the terminal: " + run).isZero();
        Matcher m = Pattern.compile(written).matcher(run.out());
        assertThat(m.find()).as(run.toString()).isTrue();
        Path dir = Path.of(m.group(1));
        HostileInputTest.assertNoControlsAndValidSvg(dir);
        assertDeckClean(dir.resolve("deck.pptx"));
        return dir;
    }

    private static void assertDeckClean(Path deck) throws IOException {
        if (!Files.exists(deck)) {
            return;
        }
        try (InputStream in = Files.newInputStream(deck); XMLSlideShow ppt = new XMLSlideShow(in)) {
            for (XSLFSlide slide : ppt.getSlides()) {
                for (XSLFShape shape : slide.getShapes()) {
                    if (shape instanceof XSLFTextShape t) {
                        assertThat(HostileInputTest.controls(t.getText())).as("control characters in the deck: " + t.getText())
                                .isZero();
                    }
                }
            }
        }
    }

    private static boolean anySvgContains(Path dir, String text) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".svg")).toList()) {
                if (Files.readString(p).contains(text)) {
                    return true;
                }
            }
        }
        return false;
    }
}
