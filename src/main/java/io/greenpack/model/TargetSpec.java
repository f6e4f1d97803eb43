package io.greenpack.model;

/**
 * One hardware model of targets.csv: what consolidation may buy or reuse.
 *
 * @param curveWatts        watts at 0, 10, … 100 % load (11 points; from w0..w100, or a line
 *                          between idle_watts and max_watts when no curve is given)
 * @param price             purchase price in the scenario's currency, 0 when unknown
 * @param available         how many may be used; null = unlimited
 * @param chassisWatts      blade chassis power (shared by up to bladesPerChassis blades), 0 for rack servers
 */
public record TargetSpec(String model, double cores, double memGb, double[] curveWatts, double price,
                         double rackUnits, String form, double chassisWatts, int bladesPerChassis, Integer available,
                         String source) implements java.io.Serializable {

    public boolean blade() {
        return "blade".equals(form);
    }

    public double idleWatts() {
        return curveWatts[0];
    }

    public double maxWatts() {
        return curveWatts[10];
    }
}
