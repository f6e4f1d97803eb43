package io.greenpack.optimize;

import io.greenpack.model.PowerCurve;

import java.util.Arrays;
import java.util.Objects;

/**
 * A kind of bin (a server model): full capacity per dimension (headroom is applied by the problem),
 * the price of one bin (hardware price, or 1 for "count the bins"), an optional power curve for the
 * energy objective, and how many may be used ({@link #UNLIMITED} for no limit).
 */
public record BinType(String id, double[] capacity, double cost, PowerCurve powerCurve, int available) implements java.io.Serializable {

    public static final int UNLIMITED = Integer.MAX_VALUE;

    public BinType {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(capacity, "capacity");
        capacity = capacity.clone();
    }

    /** A bin type that costs 1, has no power curve and no availability limit. */
    public static BinType of(String id, double... capacity) {
        return new BinType(id, capacity, 1.0, null, UNLIMITED);
    }

    public BinType withCost(double c) {
        return new BinType(id, capacity, c, powerCurve, available);
    }

    public BinType withPower(PowerCurve p) {
        return new BinType(id, capacity, cost, p, available);
    }

    public BinType withAvailable(int n) {
        return new BinType(id, capacity, cost, powerCurve, n);
    }

    public boolean limited() {
        return available != UNLIMITED;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BinType b && id.equals(b.id) && Arrays.equals(capacity, b.capacity) && cost == b.cost
                && Objects.equals(powerCurve, b.powerCurve) && available == b.available;
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "BinType[" + id + " " + Arrays.toString(capacity) + " cost=" + cost
                + (limited() ? " available=" + available : "") + "]";
    }
}
