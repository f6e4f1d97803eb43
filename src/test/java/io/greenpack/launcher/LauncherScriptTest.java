package io.greenpack.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code ./greenpack} script itself, run by bash in a copy of the checkout whose build is
 * already there, with a stand-in {@code java} first on the PATH that records each call: which
 * calls train the class-data archive and which only run the command.
 */
class LauncherScriptTest {

    @TempDir
    Path root;

    private Path calls;

    private void checkout() throws IOException {
        Path script = root.resolve("greenpack");
        Files.copy(Path.of(System.getProperty("greenpack.home", ".")).resolve("greenpack"), script);
        script.toFile().setExecutable(true);
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        Path target = Files.createDirectories(root.resolve("target"));
        for (String f : List.of("greenpack.jar", "greenpack.classpath", "jvm.args")) {
            Files.writeString(target.resolve(f), "");
        }
        // The build is newer than the sources: the script must not start Maven.
        Files.setLastModifiedTime(root.resolve("pom.xml"), FileTime.from(Instant.now().minusSeconds(3600)));
        Path bin = Files.createDirectories(root.resolve("bin"));
        calls = root.resolve("calls.txt");
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/usr/bin/env bash\necho \"$*\" >> '" + calls + "'\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private List<String> run(String... args) throws Exception {
        Files.deleteIfExists(calls);
        List<String> cmd = new ArrayList<>(List.of("bash", root.resolve("greenpack").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("PATH", root.resolve("bin") + ":" + System.getenv("PATH"));
        pb.environment().remove("GREENPACK_CDS");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }

    @Test
    void helpAndVersionNeverWaitForTheArchiveTrainingACommandTrainsItFirst() throws Exception {
        checkout();
        for (String[] quick : new String[][]{{"--help"}, {"report", "--help"}, {"-V"}, {"help", "report"}, {}}) {
            List<String> seen = run(quick);
            assertThat(seen).as(String.join(" ", quick)).hasSize(1);
            assertThat(seen.get(0)).doesNotContain("ArchiveClassesAtExit").endsWith(String.join(" ", quick).strip());
        }
        // A real command with no archive yet: one training run on the bundled sample, then the command.
        List<String> seen = run("validate", "--data", "dc1");
        assertThat(seen).hasSize(2);
        assertThat(seen.get(0)).contains("-XX:ArchiveClassesAtExit=", "report --data " + root.resolve("notebooks-data/sample"));
        assertThat(seen.get(1)).doesNotContain("ArchiveClassesAtExit").endsWith("io.greenpack.cli.Main validate --data dc1");
    }
}
