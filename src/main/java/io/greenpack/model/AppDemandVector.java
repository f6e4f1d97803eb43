package io.greenpack.model;

/**
 * The sized demand of one app on one host (DESIGN §4): cores and memory at the scenario's
 * percentile, optionally per hour of day, and the facts the optimizer needs.
 *
 * @param id             the item id for the optimizer: the app name, or {@code app@host} when the app
 *                       runs on several hosts (each placement is moved on its own)
 * @param percentile     the sizing percentile, in (0, 100]
 * @param hourlyCpuCores 24 values (hour of day, UTC) or null when hourly sizing is off
 * @param hourlyMemGb    24 values or null
 * @param dedicated      virtualisation verdict {@code dedicated}
 * @param mayShareOs     virtualisation verdict {@code same-os-only}
 */
public record AppDemandVector(String id, String app, String host, double percentile, double cpuCores, double memGb,
                              double[] hourlyCpuCores, double[] hourlyMemGb, double p95CpuCores, double p95MemGb,
                              double meanCpuCores, String group, String pinHost, boolean dedicated, boolean mayShareOs,
                              String workloadClass) implements java.io.Serializable {

    public AppDemandVector {
        hourlyCpuCores = hourlyCpuCores == null ? null : hourlyCpuCores.clone();
        hourlyMemGb = hourlyMemGb == null ? null : hourlyMemGb.clone();
    }
}
