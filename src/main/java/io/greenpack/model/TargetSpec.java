package io.greenpack.model;

/**
 * One hardware model of targets.csv: what consolidation may buy or reuse.
 *
 * @param curveWatts        watts at 0, 10, … 100 % load (11 points; from w0..w100, or a line
 *                          between idle_watts and max_watts when no curve is given)
 * @param price             purchase price in the scenario's currency, 0 when unknown
 * @param available         how many may be used; null = unlimited
 * @param chassisWatts      blade chassis power (shared by up to bladesPerChassis blades), 0 for rack servers
 * @param chassisPrice      price of one empty blade chassis, 0 when not given
 * @param supportPerYear    yearly support (and space) cost of one server on, 0 when not given
 * @param embodiedKgco2e    manufacturing CO2e of one server, kg, 0 when not given
 * @param sockets           processor sockets of one server (for a licence per socket), 2 when not given
 */
public record TargetSpec(String model, double cores, double memGb, double[] curveWatts, double price,
                         double rackUnits, String form, double chassisWatts, int bladesPerChassis, Integer available,
                         String source, double chassisPrice, double supportPerYear, double embodiedKgco2e, int sockets)
        implements java.io.Serializable {

    /** Two sockets: the usual rack server, and what a licence per socket counts when targets.csv has no sockets column. */
    public static final int DEFAULT_SOCKETS = 2;

    /** A target without chassis price, support or embodied figures. */
    public TargetSpec(String model, double cores, double memGb, double[] curveWatts, double price, double rackUnits,
                      String form, double chassisWatts, int bladesPerChassis, Integer available, String source) {
        this(model, cores, memGb, curveWatts, price, rackUnits, form, chassisWatts, bladesPerChassis, available, source,
                0, 0, 0, DEFAULT_SOCKETS);
    }

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
