package io.greenpack.optimize;

import io.greenpack.model.PowerCurve;

/**
 * A server a plan may use: a model of {@code targets.csv} (bought at {@code price}), or one of the
 * fleet's existing hosts ({@code existing}: available once, nothing to buy, named after the host).
 *
 * @param available   how many may be used, {@link BinType#UNLIMITED} for no limit
 * @param existing    an existing host: the plan calls it by {@code model} (the host's name), not "model-n"
 * @param costPerYear what one server on costs a year beyond energy (support, licences); the total-cost
 *                    objective counts it over the horizon
 */
public record TargetModel(String model, double cpuCores, double memGb, PowerCurve powerCurve, double price,
                          int available, int rackUnits, boolean existing, double costPerYear) implements java.io.Serializable {

    /** A catalog model with no yearly cost. */
    public TargetModel(String model, double cpuCores, double memGb, PowerCurve powerCurve, double price, int available,
                       int rackUnits) {
        this(model, cpuCores, memGb, powerCurve, price, available, rackUnits, false, 0);
    }

    public static TargetModel of(String model, double cpuCores, double memGb, double idleWatts, double maxWatts) {
        return new TargetModel(model, cpuCores, memGb, PowerCurve.linear(idleWatts, maxWatts), 0, BinType.UNLIMITED, 1);
    }

    /** One existing host: available once, price 0, its own power curve. */
    public static TargetModel existingHost(String host, double cpuCores, double memGb, PowerCurve curve, int rackUnits,
                                           double costPerYear) {
        return new TargetModel(host, cpuCores, memGb, curve, 0, 1, rackUnits, true, costPerYear);
    }

    /** The price of one server plus its yearly cost over {@code horizonHours}: what the total-cost objective charges for it. */
    public double costOver(double horizonHours) {
        return price + costPerYear * horizonHours / 8760.0;
    }
}
