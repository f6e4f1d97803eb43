package io.greenpack.optimize;

/**
 * What one application needs, as sized from its samples (DESIGN §4): cores and memory (a
 * percentile), optionally one value per hour of day, and the facts a meter cannot see.
 *
 * @param hourlyCpuCores 24 values or null; when given with {@code hourlyMemGb} the app is packed hour by hour
 * @param hourlyMemGb    24 values or null
 * @param group          anti-affinity group (replicas that must not share a host), or null
 * @param pinHost        the target model (or kept host, given as a model with available = 1) the app must run on, or null
 * @param dedicated      the app needs a host to itself (heavy I/O, GPU, licensed host…)
 * @param mayShareOs     the app may run in a shared OS instance, so it pays no per-VM hypervisor overhead
 */
public record AppDemand(String app, double cpuCores, double memGb, double[] hourlyCpuCores, double[] hourlyMemGb,
                        String group, String pinHost, boolean dedicated, boolean mayShareOs) implements java.io.Serializable {

    public static AppDemand of(String app, double cpuCores, double memGb) {
        return new AppDemand(app, cpuCores, memGb, null, null, null, null, false, false);
    }
}
