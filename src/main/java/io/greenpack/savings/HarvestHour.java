package io.greenpack.savings;

/**
 * Capacity of the plan's hosts that batch work could use in one hour of day instead of being
 * left idle: per host, capacity × (1 − headroom) − planned demand, then less the overhead of the
 * batch VM itself (cores ÷ (1 + cpu overhead), memory − memory overhead per VM), summed over hosts.
 */
public record HarvestHour(int hourOfDay, double freeCpuCores, double freeMemGb) implements java.io.Serializable {
}
