package io.greenpack.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.greenpack.testing.CsvLines;
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
 * The same report on a real Spark standalone cluster (one Master, one Worker, executors in their
 * own JVMs, all on 127.0.0.1) as embedded {@code local[*]}: every table under the run folder's
 * {@code tables/} must match (decimals within their last printed digit plus 1e-6 relative, as
 * {@link CsvLines} compares; rows in the same order, since the report writes its tables ordered).
 *
 * <p>Both reports run as child JVMs with the launcher's classpath and JVM options, i.e. as
 * {@code ./greenpack report ...} runs; so this JVM holds no SparkSession and the two runs cannot
 * share one by accident. Everything lives in {@code target/cluster-it-*}, deleted when the test
 * passes and kept after a failure (logs of the reports, Master, Worker and executors). Waits are
 * bounded; the cluster is stopped in all cases.
 *
 * <p>The same cluster also runs {@code whatif}, which must be reproducible locally or on a cluster:
 * its {@code whatif.csv} must be byte-identical to the local run's. One cluster for both keeps the
 * suite's time down.
 */
class StandaloneClusterIT {
    /** Generous: two cores shared with other work; each report took ~2 min under load 13. */
    private static final Duration CLUSTER_START = Duration.ofMinutes(3);
    private static final Duration RUN = Duration.ofMinutes(10);
    /** Modest executors: the sample is small, and the machine is shared. Shuffle partitions near
     * the cluster's 2 cores, as a cluster user would tune it (Spark's default 200 doubles the time). */
    private static final Map<String, String> ON_CLUSTER = Map.of("spark.executor.memory", "2g",
            "spark.sql.shuffle.partitions", "4");
    private static final String WHATIF_FILE = """
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
    @Timeout(value = 40, unit = TimeUnit.MINUTES) // last resort; the waits below are shorter
    void reportAndWhatIfOnStandaloneClusterMatchLocal() throws Exception {
        Path root = Path.of(System.getProperty("greenpack.home", ".")).toAbsolutePath().normalize();
        LauncherFiles launcher = LauncherFiles.of(root);
        Path work = Files.createTempDirectory(Files.createDirectories(root.resolve("target")), "cluster-it-");
        Path data = root.resolve("notebooks-data/sample");
        Path yaml = work.resolve("whatif.yaml");
        Files.writeString(yaml, WHATIF_FILE);
        // The optimizer must stop on its iteration budget, not the clock, for equal plans.
        List<String> reportArgs = List.of("report", "--iterations", "3000", "--time-limit", "600", "--data", data.toString());
        List<String> whatifArgs = List.of("whatif", "--iterations", "3000", "--scenarios", yaml.toString(),
                "--data", data.toString());

        Path localRun = run(launcher, work.resolve("local"), Map.of(), reportArgs);
        Path localWhatIf = run(launcher, work.resolve("local-whatif"), Map.of(), whatifArgs);

        Path clusterRun;
        Path clusterWhatIf;
        try (LocalSparkCluster cluster = LocalSparkCluster.start(launcher, work.resolve("cluster"), 2, "4g",
                CLUSTER_START)) {
            List<String> onCluster = List.of("--master", cluster.masterUrl(), "--driver-host", "127.0.0.1");
            clusterRun = run(launcher, work.resolve("on-cluster"), ON_CLUSTER, concat(reportArgs, onCluster));
            clusterWhatIf = run(launcher, work.resolve("on-cluster-whatif"), ON_CLUSTER, concat(whatifArgs, onCluster));

            // The work really ran on the cluster: the Master saw the apps finish, and an executor
            // JVM (not the driver) ran tasks.
            JsonNode state = cluster.masterState();
            List<String> apps = new ArrayList<>();
            state.path("completedapps").forEach(a -> apps.add(a.path("name").asText() + ":" + a.path("state").asText()));
            assertThat(apps).as("apps the master completed").containsExactly("greenpack:FINISHED", "greenpack:FINISHED");
            assertThat(executorLogs(cluster.workDir()))
                    .as("executor logs under " + cluster.workDir())
                    .anySatisfy(log -> assertThat(Files.readString(log, StandardCharsets.ISO_8859_1))
                            .contains("Successfully registered with driver").contains("Finished task"));
        }

        List<String> localTables = tables(localRun);
        assertThat(localTables).as("tables of the local run " + localRun).isNotEmpty();
        assertThat(tables(clusterRun)).as("tables of the cluster run " + clusterRun).isEqualTo(localTables);
        for (String table : localTables) {
            assertThat(CsvLines.differences(localRun.resolve("tables").resolve(table),
                    clusterRun.resolve("tables").resolve(table)))
                    .as("tables/" + table + ": local[*] vs standalone cluster")
                    .isEmpty();
        }
        assertThat(CsvLines.differences(localWhatIf.resolve("whatif.csv"), clusterWhatIf.resolve("whatif.csv")))
                .as("whatif.csv: local[*] " + localWhatIf + " vs cluster " + clusterWhatIf)
                .isEmpty();
        assertThat(Files.readString(localWhatIf.resolve("whatif.csv")).lines().count())
                .as("header + base + 2 scenarios + 2 sweep points").isEqualTo(6);
        // Passed: the logs are not needed (a failure keeps them for a look).
        deleteTree(work);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Deletes a folder; symbolic links (the fake SPARK_HOME's jars) are removed, never followed. */
    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * Runs {@code greenpack <command> --out <dir>/reports --verbose <args>} in a child JVM, as the
     * launcher would; returns the run folder.
     */
    private static Path run(LauncherFiles launcher, Path dir, Map<String, String> properties, List<String> args)
            throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path out = dir.resolve("reports");
        Path log = dir.resolve("greenpack.log");
        List<String> cliArgs = new ArrayList<>(List.of(args.get(0), "--out", out.toString(), "--verbose"));
        cliArgs.addAll(args.subList(1, args.size()));
        Process p = new ProcessBuilder(launcher.greenpack("2g", properties, cliArgs))
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!p.waitFor(RUN.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("greenpack " + String.join(" ", cliArgs) + " did not finish within "
                        + RUN + "\n" + LocalSparkCluster.tail(log, 40));
            }
            assertThat(p.exitValue()).as("exit code of greenpack " + String.join(" ", cliArgs) + "\n"
                    + LocalSparkCluster.tail(log, 60)).isZero();
        } finally {
            LocalSparkCluster.stop(p, Duration.ofSeconds(10));
        }
        try (Stream<Path> runs = Files.list(out)) {
            List<Path> folders = runs.filter(Files::isDirectory).toList();
            assertThat(folders).as("run folders in " + out).hasSize(1);
            return folders.get(0);
        }
    }

    private static List<String> tables(Path run) throws IOException {
        Path tables = run.resolve("tables");
        try (Stream<Path> files = Files.walk(tables)) {
            return files.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".csv"))
                    .map(f -> tables.relativize(f).toString()).sorted().toList();
        }
    }

    private static List<Path> executorLogs(Path workDir) throws IOException {
        if (!Files.isDirectory(workDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(workDir)) {
            return files.filter(f -> f.getFileName().toString().equals("stderr")).toList();
        }
    }
}
