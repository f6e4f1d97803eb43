package io.greenpack.spark;

import io.greenpack.util.UserError;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place a {@link SparkSession} is made. Embedded {@code local[*]} by default, bound to
 * 127.0.0.1 with the UI off; {@code --master spark://host:port} runs the same job on a
 * standalone cluster, and under {@code spark-submit} the master it was given is used. Settings
 * follow DESIGN §9 (what was measured to help on 2 cores).
 */
public final class Sparks {
    /** What {@code spark-submit} (and {@code -Dspark.master}) sets; SparkConf reads it too. */
    private static final String MASTER_PROPERTY = "spark.master";
    /** Written by the build from the pom's {@code spark.jvm.opts} (a filtered resource). */
    private static final String JVM_OPTIONS_RESOURCE = "jvm-options.txt";

    private static SparkSession shared;

    private Sparks() {
    }

    /** The session for this process; created on first use and reused (start-up costs seconds). */
    public static synchronized SparkSession session(String master) {
        return session(master, null);
    }

    /**
     * The session for this process; created on first use and reused (start-up costs seconds).
     * The first call decides: a later call with another master gets the existing session (one
     * command runs per process; tests share one local session on purpose).
     *
     * @param master     {@code local[*]}, {@code local[N]} or {@code spark://host:port}; null or blank:
     *                   the {@code spark.master} property that spark-submit sets, else {@code local[*]}
     * @param driverHost the address of this machine that a cluster's executors connect back to
     *                   ({@code spark.driver.host}); null or blank: 127.0.0.1 for local masters,
     *                   Spark's own choice ({@code SPARK_LOCAL_IP}, else this machine's address) otherwise
     */
    public static synchronized SparkSession session(String master, String driverHost) {
        if (master != null && !master.isBlank()) {
            checkMaster(master.strip()); // also when a session exists: a wrong --master is never ignored in silence
        }
        if (shared != null && shared.sparkContext().isStopped()) {
            // Spark stops its context after a fatal error in a job (an OutOfMemoryError, a failed
            // DAG scheduler): that session is dead for good. Forget it so that the builder does not
            // hand it (or its context) back, and start a fresh one.
            forget(shared);
            shared = null;
        }
        if (shared == null) {
            shared = create(resolveMaster(master), driverHost);
        }
        return shared;
    }

    /**
     * Spark's smallest driver heap: 1.5 × the 300 MB it reserves for itself (its
     * UnifiedMemoryManager). Below it, SparkContext refuses to start and tells the user to set
     * {@code --driver-memory}, an option greenpack does not have.
     */
    static final long MIN_HEAP_BYTES = 471_859_200L;

    /** Refuses a heap Spark cannot start in, naming it and the way out. */
    static void checkHeap(long maxHeapBytes) {
        if (maxHeapBytes < MIN_HEAP_BYTES) {
            throw new UserError(String.format(java.util.Locale.ROOT, "the Java heap is %d MB and Spark needs at least "
                    + "%d MB to start; give it more, e.g. GREENPACK_HEAP=2g ./greenpack ... (the launcher's default is 8g)",
                    maxHeapBytes >> 20, MIN_HEAP_BYTES >> 20));
        }
    }

    /** How long to wait for a cluster master to accept a connection before giving up. */
    static final int MASTER_CONNECT_SECONDS = 20;
    private static final java.util.regex.Pattern LOCAL = java.util.regex.Pattern.compile("local(\\[(\\*|[1-9][0-9]*)(,[0-9]+)?])?");
    private static final java.util.regex.Pattern STANDALONE =
            java.util.regex.Pattern.compile("spark://([^:/,\\s]+|\\[[0-9a-fA-F:]+]):([0-9]{1,5})");

    /**
     * Refuses a master URL Spark cannot use, and a standalone master that does not answer within
     * {@value #MASTER_CONNECT_SECONDS} s, with a {@link UserError} naming the URL (Spark itself
     * says "Could not parse Master URL", or retries for a minute and then fails on a stopped context).
     * yarn and k8s:// are left to Spark: they come with spark-submit and its configuration.
     */
    static void checkMaster(String master) {
        if (LOCAL.matcher(master).matches() || master.equals("yarn") || master.startsWith("k8s://")) {
            return;
        }
        java.util.regex.Matcher m = STANDALONE.matcher(master);
        if (!m.matches()) {
            throw new UserError("--master " + master + ": not a Spark master URL; expected local[*], local[N] or "
                    + "spark://HOST:PORT (a standalone cluster; several masters are not supported here)");
        }
        String host = m.group(1).startsWith("[") ? m.group(1).substring(1, m.group(1).length() - 1) : m.group(1);
        int port = Integer.parseInt(m.group(2));
        long t0 = System.nanoTime();
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(host, port), MASTER_CONNECT_SECONDS * 1000);
        } catch (IOException e) {
            String why = e instanceof java.net.UnknownHostException ? "unknown host " + host
                    : e instanceof java.net.SocketTimeoutException ? "no answer" : e.getMessage();
            throw new UserError(String.format(java.util.Locale.ROOT, "--master %s: cannot reach the Spark master at "
                            + "%s:%d (%s); gave up after %.1f s (limit %d s). Expected a running standalone master there "
                            + "(start it with sbin/start-master.sh), or leave --master out to run locally",
                    master, host, port, why, (System.nanoTime() - t0) / 1e9, MASTER_CONNECT_SECONDS), e);
        }
    }

    /** How long to wait for a context that is still stopping (on another thread) to let go. */
    private static final long STOPPING_WAIT_MILLIS = 60_000;

    private static void forget(SparkSession dead) {
        // The builder looks at the thread's active and the default session first.
        assert dead.sparkContext().isStopped();
        SparkSession.clearActiveSession();
        SparkSession.clearDefaultSession();
    }

    /**
     * The builder's session, never one on a stopped context: {@code SparkContext.stop()} marks the
     * context stopped first and unregisters it last, and in between {@code getOrCreate()} would
     * return the stopping context. Waits for it to be unregistered, then builds again.
     */
    private static SparkSession getOrCreateLive(SparkSession.Builder b) {
        long deadline = System.nanoTime() + STOPPING_WAIT_MILLIS * 1_000_000;
        while (true) {
            SparkSession s = b.getOrCreate();
            if (!s.sparkContext().isStopped()) {
                return s;
            }
            SparkSession.clearActiveSession();
            SparkSession.clearDefaultSession();
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the previous SparkContext is stopped but still registered after "
                        + STOPPING_WAIT_MILLIS / 1000 + " s; cannot start a new Spark session");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the stopped SparkContext to go", e);
            }
        }
    }

    public static synchronized void stop() {
        if (shared != null) {
            shared.stop();
            shared = null;
        }
    }

    static String resolveMaster(String master) {
        if (master != null && !master.isBlank()) {
            return master.strip();
        }
        String submitted = System.getProperty(MASTER_PROPERTY);
        return submitted == null || submitted.isBlank() ? "local[*]" : submitted.strip();
    }

    /** local, local[N], local[*], local[N,F]: everything runs in this JVM. */
    static boolean isLocal(String master) {
        return master.equals("local") || master.startsWith("local[");
    }

    private static SparkSession create(String master, String driverHost) {
        checkHeap(Runtime.getRuntime().maxMemory());
        boolean local = isLocal(master);
        int cores = Runtime.getRuntime().availableProcessors();
        Path scratch = scratchDir();
        Map<String, String> defaults = new LinkedHashMap<>();
        if (local) {
            // Nothing leaves this machine: listen on loopback only.
            defaults.put("spark.driver.bindAddress", "127.0.0.1");
            defaults.put("spark.driver.host", "127.0.0.1");
            // Near the core count in local mode (DESIGN §9). On a cluster this machine's core
            // count means nothing; Spark's default with adaptive coalescing fits better there.
            defaults.put("spark.sql.shuffle.partitions", String.valueOf(Math.max(2, cores * 2)));
            // On a cluster the worker's own directories win (Spark warns if this is set).
            defaults.put("spark.local.dir", scratch.resolve("local").toString());
            // The executor is this JVM: by default a task's OutOfMemoryError makes Spark call
            // System.exit(52) with no word of what happened. At depth 0 it fails the job instead,
            // and the CLI says how much heap there was and what to do.
            defaults.put("spark.executor.killOnFatalError.depth", "0");
        } else {
            // Executors are other JVMs started by the cluster: give them the same JVM options as
            // this driver (Spark adds its own --add-opens too; ours also carry GC and reflection flags).
            String jvmOptions = jvmOptions();
            if (jvmOptions != null) {
                defaults.put("spark.executor.extraJavaOptions", jvmOptions);
            }
            // Ship greenpack's classes to the executors. spark-submit sets spark.jars itself, and
            // running from target/classes (an IDE) there is no jar to ship.
            String appJar = appJar();
            if (appJar != null) {
                defaults.put("spark.jars", appJar);
            }
        }
        defaults.put("spark.ui.enabled", "false");
        defaults.put("spark.ui.showConsoleProgress", "false");
        defaults.put("spark.sql.session.timeZone", "UTC");
        defaults.put("spark.sql.ansi.enabled", "false");
        defaults.put("spark.sql.adaptive.enabled", "true");
        defaults.put("spark.sql.execution.useObjectHashAggregateExec", "false");
        // No generated first-level ("fast") hash map in aggregations: greenpack's queries run once
        // per process over many groups, where compiling that extra code costs more than it saves
        // (bench ingest: about 1.5 s less per run, in 5 of 5 alternating runs).
        defaults.put("spark.sql.codegen.aggregate.map.twolevel.enabled", "false");
        defaults.put("spark.sql.warehouse.dir", scratch.resolve("warehouse").toString());
        SparkSession.Builder b = SparkSession.builder().appName("greenpack").master(master);
        // A -Dspark.x=y on the JVM command line (GREENPACK_JAVA_OPTS, or spark-submit --conf) wins
        // over these defaults: SparkConf reads system properties itself.
        defaults.forEach((k, v) -> {
            if (System.getProperty(k) == null) {
                b.config(k, v);
            }
        });
        // An explicit --driver-host wins over everything: the user named the address.
        if (driverHost != null && !driverHost.isBlank()) {
            b.config("spark.driver.host", driverHost.strip());
        }
        return getOrCreateLive(b);
    }

    /** The pom's {@code spark.jvm.opts}, or null when the resource was not filtered (IDE builds). */
    static String jvmOptions() {
        try (InputStream in = Sparks.class.getResourceAsStream(JVM_OPTIONS_RESOURCE)) {
            if (in == null) {
                return null;
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            return text.isEmpty() || text.contains("${") ? null : text;
        } catch (IOException e) {
            return null;
        }
    }

    /** The jar greenpack runs from, or null when its classes come from a folder. */
    private static String appJar() {
        try {
            CodeSource source = Sparks.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return null;
            }
            Path p = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(p) && p.toString().endsWith(".jar") ? p.toAbsolutePath().toString() : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static Path scratchDir() {
        Path base = Path.of(System.getProperty("greenpack.home", ".")).resolve("target").resolve("spark");
        try {
            Files.createDirectories(base);
            return base.toAbsolutePath();
        } catch (Exception e) {
            return Path.of(System.getProperty("java.io.tmpdir"), "greenpack-spark");
        }
    }
}
