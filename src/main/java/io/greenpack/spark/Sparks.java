package io.greenpack.spark;

import org.apache.spark.sql.SparkSession;

import java.nio.file.Files;
import java.nio.file.Path;

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
        return SparkSession.builder()
                .appName("greenpack")
                .master(master)
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.ansi.enabled", "false")
                .config("spark.sql.shuffle.partitions", String.valueOf(Math.max(2, cores * 2)))
                .config("spark.sql.adaptive.enabled", "true")
                .config("spark.sql.execution.useObjectHashAggregateExec", "false")
                .config("spark.sql.warehouse.dir", scratch.resolve("warehouse").toString())
                .config("spark.local.dir", scratch.resolve("local").toString())
                .config("spark.sql.sources.partitionColumnTypeInference.enabled", "false")
                .getOrCreate();
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
