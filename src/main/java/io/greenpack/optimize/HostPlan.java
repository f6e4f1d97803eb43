package io.greenpack.optimize;

import java.util.List;

/**
 * One host of a consolidation plan: its model, its apps and the load predicted on it (peak over the
 * hours, hypervisor overhead included), with the power its curve gives at that load.
 *
 * @param cpuLoadFraction peak CPU use / the model's cores
 * @param memLoadFraction peak memory use / the model's memory
 * @param predictedWatts  mean power over the day at the planned load
 */
public record HostPlan(String host, String model, List<String> apps, double cpuCoresUsed, double memGbUsed,
                       double cpuLoadFraction, double memLoadFraction, double predictedWatts) implements java.io.Serializable {
}
