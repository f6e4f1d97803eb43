package io.greenpack.spark;

import org.apache.spark.sql.SparkSession;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place a {@link SparkSession} is made. Embedded {@code local[*]} by default, bound to
 * 127.0.0.1 with the UI off; {@code --master spark://host:port} runs the same job on a
 * standalone cluster. Settings follow DESIGN §9 (what was measured to help on 2 cores).
 */
public final class Sparks {
    private static SparkSession shared;

    private Sparks() {
    }

    /** The session for this process; created on first use and reused (start-up costs seconds). */
    public static synchronized SparkSession session(String master) {
        if (shared == null || shared.sparkContext().isStopped()) {
            shared = create(master == null || master.isBlank() ? "local[*]" : master);
        }
        return shared;
    }

    public static synchronized void stop() {
        if (shared != null) {
            shared.stop();
            shared = null;
        }
    }

    private static SparkSession create(String master) {
        int cores = Runtime.getRuntime().availableProcessors();
        Path scratch = scratchDir();
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("spark.driver.bindAddress", "127.0.0.1");
        defaults.put("spark.driver.host", "127.0.0.1");
        defaults.put("spark.ui.enabled", "false");
        defaults.put("spark.ui.showConsoleProgress", "false");
        defaults.put("spark.sql.session.timeZone", "UTC");
        defaults.put("spark.sql.ansi.enabled", "false");
        defaults.put("spark.sql.shuffle.partitions", String.valueOf(Math.max(2, cores * 2)));
        defaults.put("spark.sql.adaptive.enabled", "true");
        defaults.put("spark.sql.execution.useObjectHashAggregateExec", "false");
        defaults.put("spark.sql.warehouse.dir", scratch.resolve("warehouse").toString());
        defaults.put("spark.local.dir", scratch.resolve("local").toString());
        SparkSession.Builder b = SparkSession.builder().appName("greenpack").master(master);
        // A -Dspark.x=y on the JVM command line (GREENPACK_JAVA_OPTS) wins over these defaults:
        // SparkConf reads system properties itself.
        defaults.forEach((k, v) -> {
            if (System.getProperty(k) == null) {
                b.config(k, v);
            }
        });
        return b.getOrCreate();
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
