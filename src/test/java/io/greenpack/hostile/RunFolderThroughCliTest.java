package io.greenpack.hostile;

import io.greenpack.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two reports of the same data through the real command line, with the default scenario and with
 * PUE 1.3: the run ids' hashes differ (the id hashes the inputs and the scenario), and every file
 * of a run folder has the one mode the umask gives a new file (index.html as plan.csv).
 */
class RunFolderThroughCliTest {
    @TempDir
    Path tmp;

    @Test
    void anotherScenarioGivesAnotherRunIdAndEveryFileHasTheUmasksMode() throws Exception {
        Path data = HostileCorpus.materialize(new HostileCorpus.Case("base", "report", 0, List.of(), ""), tmp);
        Path yaml = Files.writeString(tmp.resolve("pue.yaml"), "pue: 1.3\n");
        Path defaults = report(data, tmp.resolve("out-default"));
        Path pue = report(data, tmp.resolve("out-pue"), "--scenario", yaml.toString());

        String hash = "\\d{8}-\\d{6}-([0-9a-f]{7})";
        assertThat(defaults.getFileName().toString()).matches(hash);
        assertThat(pue.getFileName().toString()).matches(hash);
        assertThat(pue.getFileName().toString().substring(16)).as("PUE 1.3 and the default: another hash")
                .isNotEqualTo(defaults.getFileName().toString().substring(16));

        Set<PosixFilePermission> umaskMode = Files.getPosixFilePermissions(Files.createFile(tmp.resolve("probe")));
        Map<String, Set<PosixFilePermission>> modes = new TreeMap<>();
        try (Stream<Path> s = Files.walk(defaults)) {
            s.filter(Files::isRegularFile).forEach(p -> {
                try {
                    modes.put(defaults.relativize(p).toString(), Files.getPosixFilePermissions(p));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        assertThat(modes).containsKeys("index.html", "manifest.json", "summary.md", "plan.csv");
        assertThat(modes).as("one mode for every file, the umask's").allSatisfy((f, m) -> assertThat(m).as(f).isEqualTo(umaskMode));
    }

    private static Path report(Path data, Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("report", "--data", data.toString(), "--out", out.toString(),
                "--time-limit", "2"));
        args.addAll(List.of(more));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.toString()).isZero();
        Matcher m = Pattern.compile("report written to (\\S+)").matcher(run.out());
        assertThat(m.find()).as(run.toString()).isTrue();
        return Path.of(m.group(1));
    }
}
