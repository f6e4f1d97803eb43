package io.greenpack.optimize;

import java.util.Arrays;
import java.util.Objects;

/**
 * Something to place: one demand per dimension of the problem (cores, memory GB, …), in the same
 * units as the bin capacities. When {@code hourlyDemand} is given ({@code [24][dimensions]}), the
 * item's demand differs per hour of day and capacity is checked hour by hour, so that items that
 * peak at different hours can share a bin; {@code demand} is then ignored by the solver (keep it as
 * the peak for reports).
 *
 * @param group     anti-affinity group (replicas that must not share a bin), or null
 * @param pinType   the bin type this item must be placed on, or null. To pin to one existing host,
 *                  give that host its own bin type with {@code available = 1}.
 * @param dedicated the item needs a bin to itself
 */
public record Item(String id, double[] demand, double[][] hourlyDemand, String group, String pinType,
                   boolean dedicated) implements java.io.Serializable {

    public Item {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(demand, "demand");
        demand = demand.clone();
        if (hourlyDemand != null) {
            double[][] copy = new double[hourlyDemand.length][];
            for (int h = 0; h < hourlyDemand.length; h++) {
                copy[h] = hourlyDemand[h].clone();
            }
            hourlyDemand = copy;
        }
    }

    /** A plain item: one demand vector, no constraints. */
    public static Item of(String id, double... demand) {
        return new Item(id, demand, null, null, null, false);
    }

    public Item withGroup(String g) {
        return new Item(id, demand, hourlyDemand, g, pinType, dedicated);
    }

    public Item withPin(String type) {
        return new Item(id, demand, hourlyDemand, group, type, dedicated);
    }

    public Item asDedicated() {
        return new Item(id, demand, hourlyDemand, group, pinType, true);
    }

    /** The same item with a demand per hour of day ({@code [24][dimensions]}); demand becomes the peak. */
    public Item withHourly(double[][] hourly) {
        double[] peak = new double[demand.length];
        for (double[] h : hourly) {
            for (int d = 0; d < peak.length && d < h.length; d++) {
                peak[d] = Math.max(peak[d], h[d]);
            }
        }
        return new Item(id, peak, hourly, group, pinType, dedicated);
    }

    /** Demand in dimension d at hour h (the flat demand when the item has no hourly profile). */
    public double demandAt(int hour, int d) {
        return hourlyDemand == null ? demand[d] : hourlyDemand[hour][d];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Item i && id.equals(i.id) && Arrays.equals(demand, i.demand)
                && Arrays.deepEquals(hourlyDemand, i.hourlyDemand) && Objects.equals(group, i.group)
                && Objects.equals(pinType, i.pinType) && dedicated == i.dedicated;
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Item[" + id + " " + Arrays.toString(demand) + (hourlyDemand != null ? " hourly" : "")
                + (group != null ? " group=" + group : "") + (pinType != null ? " pin=" + pinType : "")
                + (dedicated ? " dedicated" : "") + "]";
    }
}
