package io.greenpack.cli;

import io.greenpack.ingest.IngestOptions;
import io.greenpack.util.Home;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Instant;

/** Options of every command that reads fleet data. */
public final class DataOptions {
    @Option(names = "--data", paramLabel = "DIR",
            description = "Data directory with hosts.*, power.*, utilization.* (optional targets.*, apps.*); "
                    + ".csv, .csv.gz, .parquet or .jsonl. Default: the bundled sample notebooks-data/sample.")
    Path data;

    @Option(names = "--master", paramLabel = "URL", defaultValue = "local[*]",
            description = "Spark master: local[*] (default, embedded) or spark://host:port for a standalone cluster.")
    String master;

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

    public IngestOptions ingestOptions() {
        return new IngestOptions(intervalMinutes * 60, maxGapMinutes * 60, Instant.now());
    }
}
