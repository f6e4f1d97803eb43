package io.greenpack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway Spark standalone cluster on 127.0.0.1: one Master and one Worker, each a child
 * JVM started from the project's own runtime classpath (no Spark distribution needed).
 *
 * <p>What a Worker needs to launch executors without a distribution: it builds the executor's
 * command from {@code SPARK_HOME} ({@code $SPARK_HOME/jars/*} is the executor classpath, and the
 * folder must exist) and from the Scala version, which a distribution's scripts put into
 * {@code SPARK_SCALA_VERSION} (without it the launcher library looks for build folders and fails
 * with "Cannot find any build directories"). So {@code SPARK_HOME} is a fresh folder whose
 * {@code jars/} holds symbolic links to the classpath jars, and {@code SPARK_SCALA_VERSION=2.13}.
 * {@code SPARK_LOCAL_IP=127.0.0.1} keeps every listener (web UIs included, which otherwise bind
 * 0.0.0.0) on loopback; executors inherit it. The Master's REST submission server (fixed port
 * 6066) is switched off, and {@code spark.port.maxRetries=0} makes a port taken between picking
 * and binding fail clearly instead of moving silently to another port.
 *
 * <p>{@link #close()} stops the Worker (which stops its executors), then the Master, and kills
 * whatever is left; a shutdown hook does the same if the test JVM dies first. Logs stay in the
 * folder given to {@link #start}: {@code master.log}, {@code worker.log}, {@code work/<app>/<n>/stderr}.
 */
public final class LocalSparkCluster implements AutoCloseable {
    private static final String LOOPBACK = "127.0.0.1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final List<Process> processes = new ArrayList<>();
    private final Thread shutdownHook;
    private int masterPort;
    private int masterUiPort;

    private LocalSparkCluster(Path dir) {
        this.dir = dir;
        this.shutdownHook = new Thread(this::killAll, "local-spark-cluster-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts a Master and one Worker with {@code cores} and {@code memory} (e.g. "4g") for
     * executors, and waits until the Worker is registered (at most {@code timeout}).
     */
    public static LocalSparkCluster start(LauncherFiles launcher, Path dir, int cores, String memory,
                                          Duration timeout) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        LocalSparkCluster cluster = new LocalSparkCluster(dir);
        try {
            cluster.startProcesses(launcher, cores, memory, timeout);
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
    }

    private void startProcesses(LauncherFiles launcher, int cores, String memory, Duration timeout)
            throws IOException, InterruptedException {
        Path sparkHome = fakeSparkHome(launcher);
        masterPort = freePort();
        masterUiPort = freePort();
        int workerUiPort = freePort();
        // The daemons do not need greenpack.jar; without it Spark's own log4j2 defaults (INFO to
        // stderr) apply instead of greenpack's silent configuration, so the logs say what happened.
        Map<String, String> props = Map.of("spark.master.rest.enabled", "false", "spark.port.maxRetries", "0");
        processes.add(daemon(launcher.command("512m", props, false, "org.apache.spark.deploy.master.Master",
                List.of("--host", LOOPBACK, "--port", String.valueOf(masterPort),
                        "--webui-port", String.valueOf(masterUiPort))), sparkHome, "master.log"));
        processes.add(daemon(launcher.command("512m", props, false, "org.apache.spark.deploy.worker.Worker",
                List.of("--host", LOOPBACK, "--port", "0", "--webui-port", String.valueOf(workerUiPort),
                        "--cores", String.valueOf(cores), "--memory", memory,
                        "--work-dir", workDir().toString(), masterUrl())), sparkHome, "worker.log"));
        awaitWorker(timeout);
    }

    /** {@code spark://127.0.0.1:<port>}. */
    public String masterUrl() {
        return "spark://" + LOOPBACK + ":" + masterPort;
    }

    /** Where the Worker keeps each executor's stdout and stderr: {@code work/<app-id>/<executor>/}. */
    public Path workDir() {
        return dir.resolve("work");
    }

    public Path dir() {
        return dir;
    }

    /** The Master's state as its web UI serves it ({@code /json/}: workers, active and completed apps). */
    public JsonNode masterState() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://" + LOOPBACK + ":" + masterUiPort + "/json/"))
                .timeout(Duration.ofSeconds(10)).GET().build();
        return JSON.readTree(http.send(req, HttpResponse.BodyHandlers.ofString()).body());
    }

    /** The last lines of the Master's and Worker's logs, for failure messages. */
    public String logTails() {
        return tail(dir.resolve("master.log"), 15) + "\n" + tail(dir.resolve("worker.log"), 25);
    }

    @Override
    public void close() {
        // Worker first: on SIGTERM it kills its executors and tells the Master it is leaving.
        for (int i = processes.size() - 1; i >= 0; i--) {
            stop(processes.get(i), Duration.ofSeconds(30));
        }
        processes.clear();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or about to; nothing left for it to do
        }
    }

    /** Ends a process and everything it started: politely, then by force after {@code grace}. */
    public static void stop(Process p, Duration grace) {
        if (p == null) {
            return;
        }
        List<ProcessHandle> children = p.descendants().toList(); // a Worker's executors
        p.destroy();
        try {
            if (!p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        for (ProcessHandle child : children) {
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
    }

    private void killAll() {
        for (Process p : processes) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    /** A SPARK_HOME with jars/ (links to the classpath jars) and an empty conf/: enough for a Worker. */
    private Path fakeSparkHome(LauncherFiles launcher) throws IOException {
        Path home = dir.resolve("spark-home");
        Path jars = Files.createDirectories(home.resolve("jars"));
        Files.createDirectories(home.resolve("conf"));
        for (Path jar : launcher.classpath()) {
            Path link = jars.resolve(jar.getFileName());
            if (jar.toString().endsWith(".jar") && !Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.createSymbolicLink(link, jar.toAbsolutePath());
            }
        }
        return home;
    }

    private Process daemon(List<String> command, Path sparkHome, String logName) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(logName).toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("SPARK_")); // nothing from the caller's own Spark setup
        env.put("SPARK_HOME", sparkHome.toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", LOOPBACK);
        env.put("SPARK_LOCAL_DIRS", dir.resolve("local").toString()); // executors' scratch (shuffle files) stays here, not in /tmp
        env.put("JAVA_HOME", System.getProperty("java.home")); // executors use the same Java
        return pb.start();
    }

    private void awaitWorker(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            for (Process p : processes) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("a Spark daemon exited with " + p.exitValue()
                            + " while starting; logs in " + dir + "\n" + logTails());
                }
            }
            try {
                JsonNode state = masterState();
                if (state.path("aliveworkers").asInt() >= 1) {
                    return;
                }
                last = "master up, " + state.path("aliveworkers").asInt() + " alive workers";
            } catch (IOException notYet) {
                last = notYet.getClass().getSimpleName() + ": " + notYet.getMessage();
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the Spark worker did not register with the master within " + timeout
                + " (" + last + "); logs in " + dir + "\n" + logTails());
    }

    /** A port free on 127.0.0.1 right now (the OS picks it). */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return s.getLocalPort();
        }
    }

    /** The last {@code n} lines of a log file, or a note that it is missing. */
    public static String tail(Path file, int n) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return "--- " + file.getFileName() + " (last " + Math.min(n, lines.size()) + " lines)\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
        } catch (IOException e) {
            return "--- " + file + ": " + e.getMessage();
        }
    }
}
