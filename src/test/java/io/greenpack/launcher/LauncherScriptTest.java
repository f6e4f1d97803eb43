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
 * already there, with a stand-in {@code java} (first on the PATH, or in JAVA_HOME) that records
 * each call: which calls train the class-data archive and which only run the command.
 */
class LauncherScriptTest {

    @TempDir
    Path root;

    private Path calls;

    /** A checkout with its build, and a stand-in java in {@code jdk/bin} that says it is {@code version}. */
    private void checkout(String version) throws IOException {
        Path script = root.resolve("greenpack");
        Files.copy(Path.of(System.getProperty("greenpack.home", ".")).resolve("greenpack"), script);
        script.toFile().setExecutable(true);
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        Path target = Files.createDirectories(root.resolve("target"));
        for (String f : List.of("greenpack.jar", "greenpack.classpath")) {
            Files.writeString(target.resolve(f), "");
        }
        Files.writeString(target.resolve("jvm.args"), "--add-opens=java.base/java.nio=ALL-UNNAMED "
                + "--add-opens=java.base/sun.security.action=ALL-UNNAMED -XX:+UseParallelGC\n");
        // The build is newer than the sources: the script must not start Maven.
        Files.setLastModifiedTime(root.resolve("pom.xml"), FileTime.from(Instant.now().minusSeconds(3600)));
        Path bin = Files.createDirectories(root.resolve("jdk/bin"));
        calls = root.resolve("calls.txt");
        Path java = bin.resolve("java");
        // No release file: the launcher asks "java -version", which is answered, not recorded.
        Files.writeString(java, "#!/usr/bin/env bash\n"
                + "if [[ \"$1\" == -version ]]; then echo 'openjdk version \"" + version + "\" 2026-01-01' >&2; exit 0; fi\n"
                + "echo \"$*\" >> '" + calls + "'\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** Runs the launcher with the stand-in java first on the PATH, or as JAVA_HOME's. */
    private List<String> run(boolean asJavaHome, String... args) throws Exception {
        Files.deleteIfExists(calls);
        List<String> cmd = new ArrayList<>(List.of("bash", root.resolve("greenpack").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (asJavaHome) {
            pb.environment().put("JAVA_HOME", root.resolve("jdk").toString());
        } else {
            pb.environment().remove("JAVA_HOME");
            pb.environment().put("PATH", root.resolve("jdk/bin") + ":" + System.getenv("PATH"));
        }
        pb.environment().remove("GREENPACK_CDS");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }

    @Test
    void helpAndVersionNeverWaitForTheArchiveTrainingACommandTrainsItFirst() throws Exception {
        checkout("17.0.9");
        for (String[] quick : new String[][]{{"--help"}, {"report", "--help"}, {"-V"}, {"help", "report"}, {}}) {
            List<String> seen = run(false, quick);
            assertThat(seen).as(String.join(" ", quick)).hasSize(1);
            assertThat(seen.get(0)).doesNotContain("ArchiveClassesAtExit").endsWith(String.join(" ", quick).strip());
        }
        // A real command with no archive yet: one training run on the bundled sample, then the command.
        List<String> seen = run(false, "validate", "--data", "dc1");
        assertThat(seen).hasSize(2);
        assertThat(seen.get(0)).contains("-XX:ArchiveClassesAtExit=" + root.resolve("target/greenpack-17.0.9.jsa"),
                "report --data " + root.resolve("notebooks-data/sample"), "--add-opens=java.base/sun.security.action");
        assertThat(seen.get(1)).doesNotContain("ArchiveClassesAtExit").endsWith("io.greenpack.cli.Main validate --data dc1");
        // The training report publishes its tables into its own temporary folder, never the user's.
        assertThat(seen.get(0)).containsPattern("-Dgreenpack\\.results=" + java.util.regex.Pattern.quote(root.resolve("target/cds-training.").toString())
                        + "\\d+/results ")
                .doesNotContain("notebooks-data/results");
    }

    @Test
    void ctrlCDuringTheArchiveTrainingStopsTheLauncherAndTheCommandNeverRuns() throws Exception {
        checkout("17.0.9");
        // The training run takes long (it sleeps); the command itself would be recorded.
        Files.writeString(root.resolve("jdk/bin/java"), "#!/usr/bin/env bash\n"
                + "if [[ \"$1\" == -version ]]; then echo 'openjdk version \"17.0.9\" 2026-01-01' >&2; exit 0; fi\n"
                + "echo \"$*\" >> '" + calls + "'\n"
                + "if [[ \"$*\" == *ArchiveClassesAtExit* ]]; then exec sleep 60; fi\n");
        Files.deleteIfExists(calls);
        ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("greenpack").toString(), "validate", "--data", "dc1")
                .redirectErrorStream(true);
        pb.environment().remove("JAVA_HOME");
        pb.environment().put("PATH", root.resolve("jdk/bin") + ":" + System.getenv("PATH"));
        pb.environment().remove("GREENPACK_CDS");
        Process p = pb.start();
        long t0 = System.nanoTime();
        while (!(Files.exists(calls) && Files.readString(calls).contains("ArchiveClassesAtExit"))) {
            assertThat(System.nanoTime() - t0).as("training started").isLessThan(TimeUnit.SECONDS.toNanos(30));
            Thread.sleep(20);
        }
        Thread.sleep(200); // the launcher is now waiting for the training run
        assertThat(new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor()).isZero();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).as(out).isTrue();
        long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
        assertThat(p.exitValue()).as(out).isEqualTo(130);
        assertThat(out).contains("interrupted while preparing the class-data archive; nothing was run");
        assertThat(Files.readAllLines(calls)).as("only the training run, never the command").hasSize(1);
        assertThat(seconds).as("the training run was stopped, not waited for").isLessThan(30);
        try (var left = Files.list(root.resolve("target"))) {
            assertThat(left.map(f -> f.getFileName().toString()))
                    .as("no archive, temporary archive or training folder left").noneMatch(n -> n.contains(".jsa") || (n.startsWith("cds-training.") && !n.endsWith(".log")));
        }
    }

    @Test
    void onJava25FromJavaHomeTheArchiveIsAnAotCacheAndSparksFlagsSuitThatJava() throws Exception {
        checkout("ignored");
        Files.writeString(root.resolve("jdk/release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"25.0.3\"\n");
        List<String> seen = run(true, "validate", "--data", "dc1");
        assertThat(seen).hasSize(2);
        Path cache = root.resolve("target/greenpack-25.0.3.aot");
        assertThat(seen.get(0)).contains("-XX:AOTCacheOutput=" + cache + ".").doesNotContain("ArchiveClassesAtExit");
        for (String call : seen) {
            assertThat(call).contains("--add-opens=java.base/java.nio=ALL-UNNAMED", "-XX:+UseParallelGC",
                            "--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED")
                    .doesNotContain("sun.security.action");
        }
        // The stand-in wrote no cache, so the command runs without one; once there, it is used.
        assertThat(seen.get(1)).doesNotContain("AOTCache");
        Files.writeString(cache, "cache");
        seen = run(true, "validate", "--data", "dc1");
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0)).contains("-XX:AOTCache=" + cache, "-Xlog:aot*=off").endsWith("io.greenpack.cli.Main validate --data dc1");
    }

    @Test
    void benchRunsTheBenchmarksAfterTheProductsClasspathWhichTheArchiveIsTrainedOn() throws Exception {
        checkout("17.0.9");
        Path benchClasses = root.resolve("target/test-classes");
        Path stamp = benchClasses.resolve("io/greenpack/bench/BenchCommand.class");
        Files.createDirectories(stamp.getParent());
        Files.writeString(stamp, "");
        assertThat(run(false, "bench", "--help")).singleElement().asString()
                .endsWith(benchClasses + " io.greenpack.bench.BenchCommand --help");
        List<String> seen = run(false, "bench", "pack", "--instances", "1");
        assertThat(seen).hasSize(2);
        assertThat(seen.get(0)).contains("-XX:ArchiveClassesAtExit=", "io.greenpack.cli.Main report --data")
                .doesNotContain("test-classes");
        assertThat(seen.get(1)).doesNotContain("io.greenpack.cli.Main")
                .endsWith(":" + benchClasses + " io.greenpack.bench.BenchCommand pack --instances 1");
    }
}
