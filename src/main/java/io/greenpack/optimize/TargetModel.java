package io.greenpack.optimize;

/**
 * A server model one may consolidate onto (a row of {@code targets.csv}).
 *
 * @param available how many may be used, {@link BinType#UNLIMITED} for no limit
 */
public record TargetModel(String model, double cpuCores, double memGb, PowerCurve powerCurve, double price,
                          int available, int rackUnits) implements java.io.Serializable {

    public static TargetModel of(String model, double cpuCores, double memGb, double idleWatts, double maxWatts) {
        return new TargetModel(model, cpuCores, memGb, PowerCurve.linear(idleWatts, maxWatts), 0, BinType.UNLIMITED, 1);
    }
}
