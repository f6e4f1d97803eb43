package io.greenpack.correlate;

/**
 * Efficiency figures of one host over the window (DESIGN §3). Energies are IT energy (at the
 * meter); cost and CO2e are of facility energy (IT × PUE).
 *
 * @param meanUtil        mean CPU utilization (fraction of the host's cores) over intervals with known utilization
 * @param p95Util         95th percentile of the same
 * @param idleKwh         energy the host would draw at zero load: min(P, P_idle) per interval
 * @param idleShare       idleKwh / kwh
 * @param idleWasteKwh    energy drawn while u < 10 %
 * @param ep              energy proportionality of the host's power model (see {@link FittedCurve#energyProportionality()})
 * @param coreHoursPerKwh busy core-hours per IT kWh
 * @param comatose        p95 utilization below 5 % and no app above the comatose floor for the whole window;
 *                        never for a host without utilization samples ({@link #hasUtilization()} false)
 * @param metered         true when the energy comes from the host's power samples; false when it is
 *                        modelled from its utilization through a published curve ({@link ModelledPower})
 */
public record HostEfficiency(String host, String model, long intervals, double meanUtil, double p95Util, double kwh,
                             double idleKwh, double idleShare, double idleWasteKwh, double ep, double coreHoursPerKwh,
                             boolean comatose, double facilityKwh, double cost, double co2eKg, boolean metered) {

    /** A metered host. */
    public HostEfficiency(String host, String model, long intervals, double meanUtil, double p95Util, double kwh,
                          double idleKwh, double idleShare, double idleWasteKwh, double ep, double coreHoursPerKwh,
                          boolean comatose, double facilityKwh, double cost, double co2eKg) {
        this(host, model, intervals, meanUtil, p95Util, kwh, idleKwh, idleShare, idleWasteKwh, ep, coreHoursPerKwh,
                comatose, facilityKwh, cost, co2eKg, true);
    }

    /** False for a host with power samples and no utilization samples: no utilization verdict is possible. */
    public boolean hasUtilization() {
        return Double.isFinite(p95Util);
    }

    /** "metered" or "modelled (no meter)", as tables and the report print it. */
    public String power() {
        return metered ? "metered" : ModelledPower.LABEL;
    }

    /** The utilization verdict: "comatose", "no utilization data" or "". */
    public String flag() {
        return comatose ? "comatose" : hasUtilization() ? "" : "no utilization data";
    }
}
