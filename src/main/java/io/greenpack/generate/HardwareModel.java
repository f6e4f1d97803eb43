package io.greenpack.generate;

/**
 * A measured server model of the synthetic fleet and its true power curve (DESIGN section 3).
 * {@code family} is {@code linear} (exponent 1.0) or {@code fan}:
 * P(u) = P_idle + (P_max - P_idle)(2u - u^r). The nameplate values written to hosts.csv
 * deliberately differ from the truth, as vendor nameplates do.
 *
 * @param fleetWeight relative share of the fleet's hosts that are this model
 */
public record HardwareModel(String name, String family, double idleWatts, double maxWatts, double exponent,
                            int sockets, int cores, int memGb, int rackUnits,
                            double nameplateIdleWatts, double nameplateMaxWatts, double fleetWeight) {

    public static final String LINEAR = "linear";
    public static final String FAN = "fan";

    public HardwareModel {
        if (!(idleWatts > 0 && idleWatts < maxWatts)) {
            throw new IllegalArgumentException(name + ": need 0 < idle_watts < max_watts");
        }
        if (!LINEAR.equals(family) && !FAN.equals(family)) {
            throw new IllegalArgumentException(name + ": family must be linear or fan, got " + family);
        }
        if (LINEAR.equals(family) && exponent != 1.0) {
            throw new IllegalArgumentException(name + ": a linear model has exponent 1.0");
        }
    }

    /** True mean power in watts at CPU utilization {@code u} in [0,1] (clamped). */
    public double watts(double u) {
        double x = Math.max(0.0, Math.min(1.0, u));
        double dynamic = LINEAR.equals(family) ? x : 2 * x - Math.pow(x, exponent);
        return idleWatts + (maxWatts - idleWatts) * dynamic;
    }

    static HardwareModel linear(String name, double idle, double max, int sockets, int cores, int memGb,
                                int rackUnits, double weight) {
        return new HardwareModel(name, LINEAR, idle, max, 1.0, sockets, cores, memGb, rackUnits,
                nameplate(idle, 1.12), nameplate(max, 1.18), weight);
    }

    static HardwareModel fan(String name, double idle, double max, double r, int sockets, int cores, int memGb,
                             int rackUnits, double weight) {
        return new HardwareModel(name, FAN, idle, max, r, sockets, cores, memGb, rackUnits,
                nameplate(idle, 0.93), nameplate(max, 1.22), weight);
    }

    /** Nameplates are round numbers, usually on the high side of the truth. */
    private static double nameplate(double truth, double factor) {
        return Math.round(truth * factor / 5.0) * 5.0;
    }
}
