package io.greenpack.cli;

import io.greenpack.ingest.IngestOptions;
import io.greenpack.spark.Sparks;
import io.greenpack.util.Home;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Instant;

/** Options of every command that reads fleet data. */
public final class DataOptions {
    @Option(names = "--data", paramLabel = "DIR",
            description = "Data directory with hosts.*, power.*, utilization.* (optional targets.*, apps.*); "
                    + ".csv, .csv.gz, .parquet or .jsonl. Default: the bundled sample notebooks-data/sample.")
    Path data;

    // No picocli default: without --master, Sparks uses the master spark-submit was given, else local[*].
    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master: local[*] (default, embedded) or spark://host:port for a standalone cluster "
                    + "(under spark-submit, default: its --master). A master that does not accept a connection within "
                    + "20 s is given up (exit 2).")
    String master;

    @Option(names = "--driver-host", paramLabel = "HOST",
            description = "With a cluster master: the address of this machine the executors connect back to "
                    + "(spark.driver.host). Default: 127.0.0.1 for local[*]; otherwise SPARK_LOCAL_IP, else this "
                    + "machine's address.")
    String driverHost;

    @Option(names = "--interval-minutes", paramLabel = "N", defaultValue = "5",
            description = "Interval samples are aligned onto by time-weighted mean (default: ${DEFAULT-VALUE}).")
    long intervalMinutes;

    @Option(names = "--max-gap-minutes", paramLabel = "N", defaultValue = "15",
            description = "A silence longer than this in a series is reported as a gap, never interpolated "
                    + "(default: ${DEFAULT-VALUE}).")
    long maxGapMinutes;

    public Path dataDir() {
        return data == null ? Home.sampleData() : data.toAbsolutePath().normalize();
    }

    /** The Spark session for these options (one per process, see {@link Sparks#session(String, String)}). */
    public SparkSession spark() {
        return Sparks.session(master, driverHost);
    }

    public IngestOptions ingestOptions() {
        return new IngestOptions(intervalMinutes * 60, maxGapMinutes * 60, Instant.now());
    }
}
