package io.greenpack.model;

/**
 * What one application used on one host, from its aligned samples: the features that
 * classification and sizing read. Percentiles are computed once per app and host, in one Spark
 * pass (DESIGN §9).
 *
 * @param sizingPercentile the scenario's percentile, in (0, 100]
 * @param cpuCoresAtP      cores at the sizing percentile
 * @param memGbAtP         memory at the sizing percentile
 */
public record AppUsage(String app, String host, long samples, double meanCpuCores, double p95CpuCores, double maxCpuCores,
                       double meanMemGb, double p95MemGb, double p95DiskIops, double p95DiskMbps, double p95NetMbps,
                       double p95GpuPct, double sizingPercentile, double cpuCoresAtP, double memGbAtP) {
}
