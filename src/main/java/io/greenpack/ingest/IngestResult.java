package io.greenpack.ingest;

import io.greenpack.ingest.catalog.AppCatalog;
import io.greenpack.ingest.catalog.HostInventory;
import io.greenpack.ingest.catalog.TargetCatalog;
import io.greenpack.ingest.files.FileStats;
import io.greenpack.ingest.files.Gap;
import io.greenpack.ingest.files.RejectRow;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The canonical, aligned fleet data every later stage reads.
 *
 * @param apps        apps.csv (empty when the data directory has none)
 * @param power       host, ts (end of interval, UTC), watts (PSUs summed), psus, coverage — only
 *                    intervals with every PSU of the host present
 * @param utilization host, app, ts, cpu_cores, mem_gb, disk_iops, disk_mbps, net_mbps, gpu_pct,
 *                    coverage — instances of an app on a host summed
 * @param rejects     every quarantined row, with its file and line
 * @param gaps        the first {@link Ingest#GAPS_LISTED} gaps; {@code gapCount} counts all
 * @param notes       fleet-level counts worth reporting (counter resets, intervals missing a PSU, …)
 * @param hasPower    false when the data directory has no power file: energy can only be modelled
 * @param hasUtilization false when it has no utilization file: no per-app figures
 */
public record IngestResult(HostInventory hosts, AppCatalog apps, TargetCatalog targets, Dataset<Row> power, Dataset<Row> utilization, List<RejectRow> rejects,
                           List<FileStats> files, List<Gap> gaps, long gapCount, Map<String, Long> notes,
                           Instant first, Instant last, long intervalSeconds, boolean hasPower,
                           boolean hasUtilization) {

    public long rowsRead() {
        return files.stream().mapToLong(FileStats::rowsRead).sum();
    }

    public long rowsRejected() {
        return files.stream().mapToLong(FileStats::rowsRejected).sum();
    }
}
