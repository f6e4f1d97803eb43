package io.greenpack.cluster;

import io.greenpack.testing.LauncherFiles;
import io.greenpack.testing.LocalSparkCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reproducible what-if: the same scenario file and data give a byte-identical whatif.csv on a
 * real standalone cluster (points evaluated in executor JVMs, inputs broadcast) and in
 * {@code local[*]}. Child JVMs as {@code ./greenpack whatif} runs; work in {@code target/whatif-it-*},
 * deleted when the test passes.
 */
class WhatIfClusterIT {
    private static final Duration CLUSTER_START = Duration.ofMinutes(3);
    private static final Duration RUN = Duration.ofMinutes(10);
    private static final String FILE = """
            base: {headroom: 0.2}
            scenarios:
              - name: offload-analytics
                offload: {owners: [analytics], price_per_core_hour: 0.04, price_per_gb_hour: 0.005}
              - name: harvest-half
                harvest: {share: 0.5}
            sweep:
              headroom: [0.1, 0.3]
            """;

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    void whatIfOnStandaloneClusterIsByteIdenticalToLocal() throws Exception {
        Path root = Path.of(System.getProperty("greenpack.home", ".")).toAbsolutePath().normalize();
        LauncherFiles launcher = LauncherFiles.of(root);
        Path work = Files.createTempDirectory(Files.createDirectories(root.resolve("target")), "whatif-it-");
        Path yaml = work.resolve("w.yaml");
        Files.writeString(yaml, FILE);
        Path data = root.resolve("notebooks-data/sample");
        Path local = whatif(launcher, work.resolve("local"), Map.of(), List.of("--scenarios", yaml.toString(),
                "--data", data.toString()));
        Path cluster;
        try (LocalSparkCluster c = LocalSparkCluster.start(launcher, work.resolve("cluster"), 2, "4g", CLUSTER_START)) {
            cluster = whatif(launcher, work.resolve("on-cluster"),
                    Map.of("spark.executor.memory", "2g", "spark.sql.shuffle.partitions", "4"),
                    List.of("--scenarios", yaml.toString(), "--data", data.toString(), "--master", c.masterUrl(),
                            "--driver-host", "127.0.0.1"));
            assertThat(Files.readString(Files.walk(c.workDir()).filter(f -> f.getFileName().toString().equals("stderr"))
                    .findFirst().orElseThrow(), StandardCharsets.ISO_8859_1)).contains("Finished task");
        }
        assertThat(Files.readAllBytes(cluster.resolve("whatif.csv")))
                .as("whatif.csv: local[*] " + local + " vs cluster " + cluster)
                .isEqualTo(Files.readAllBytes(local.resolve("whatif.csv")));
        assertThat(Files.readString(local.resolve("whatif.csv")).lines().count()).isEqualTo(6);
        try (Stream<Path> paths = Files.walk(work)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static Path whatif(LauncherFiles launcher, Path dir, Map<String, String> properties, List<String> args)
            throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path out = dir.resolve("reports");
        Path log = dir.resolve("greenpack.log");
        List<String> cli = new ArrayList<>(List.of("whatif", "--out", out.toString(), "--verbose", "--iterations", "3000"));
        cli.addAll(args);
        Process p = new ProcessBuilder(launcher.greenpack("2g", properties, cli))
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!p.waitFor(RUN.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("greenpack " + String.join(" ", cli) + " did not finish within " + RUN
                        + "\n" + LocalSparkCluster.tail(log, 40));
            }
            assertThat(p.exitValue()).as("exit code\n" + LocalSparkCluster.tail(log, 60)).isZero();
        } finally {
            LocalSparkCluster.stop(p, Duration.ofSeconds(10));
        }
        try (Stream<Path> runs = Files.list(out)) {
            List<Path> folders = runs.filter(Files::isDirectory).toList();
            assertThat(folders).hasSize(1);
            return folders.get(0);
        }
    }
}
