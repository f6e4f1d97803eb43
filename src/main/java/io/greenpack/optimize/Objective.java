package io.greenpack.optimize;

/**
 * What the solver minimises. The number of bins is reported whatever the objective.
 *
 * <ul>
 *   <li>{@link Kind#BIN_COST}: sum of {@link BinType#cost()} over used bins (cost 1 = count bins).</li>
 *   <li>{@link Kind#ENERGY}: kWh over {@code horizonHours}: for each used bin, the bin type's power
 *       curve at its load (CPU use / CPU capacity, hour by hour when items have hourly profiles).</li>
 *   <li>{@link Kind#TOTAL_COST}: energy kWh × {@code pricePerKwh} + hardware cost of used bins.</li>
 * </ul>
 */
public record Objective(Kind kind, double horizonHours, double pricePerKwh) implements java.io.Serializable {

    public enum Kind { BIN_COST, ENERGY, TOTAL_COST }

    public static Objective binCost() {
        return new Objective(Kind.BIN_COST, 0, 0);
    }

    /** Energy in kWh over the horizon (8,760 h is one year). */
    public static Objective energy(double horizonHours) {
        return new Objective(Kind.ENERGY, horizonHours, 0);
    }

    public static Objective totalCost(double horizonHours, double pricePerKwh) {
        return new Objective(Kind.TOTAL_COST, horizonHours, pricePerKwh);
    }

    public boolean needsPower() {
        return kind != Kind.BIN_COST;
    }
}
