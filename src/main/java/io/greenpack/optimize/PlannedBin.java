package io.greenpack.optimize;

import java.util.List;

/**
 * One bin of a plan: its type, the items on it (sorted by id) and how full it is.
 *
 * @param peakFill    per dimension, the highest load over the hours as a fraction of the full
 *                    capacity (headroom not subtracted: 0.8 with 20 % headroom is "full")
 * @param cpuFill     peak fill of the CPU dimension (NaN when the problem has none)
 * @param memFill     peak fill of the memory dimension (NaN when the problem has none)
 * @param balance     min/max of the peak fills over the dimensions: 1 = every resource equally
 *                    used, near 0 = one resource idles while another is full
 * @param meanWatts   mean power at the planned load over the hours (NaN without a power curve)
 * @param objective   this bin's share of the plan's objective
 */
public record PlannedBin(String type, List<String> items, double[] peakFill, double cpuFill, double memFill,
                         double balance, double meanWatts, double objective) implements java.io.Serializable {
}
