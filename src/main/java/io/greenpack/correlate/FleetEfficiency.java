package io.greenpack.correlate;

/**
 * Fleet totals over the window. kWh are IT energy; facility energy = IT × PUE; cost and CO2e are
 * of facility energy.
 *
 * @param meanUtil      core-weighted mean utilization (busy cores / cores) over host-intervals
 * @param ep            IT-energy-weighted mean of the hosts' energy proportionality
 * @param maxConservationError largest |attributed + unattributed − measured| / measured over host-intervals
 */
public record FleetEfficiency(int hosts, int apps, double kwh, double facilityKwh, double cost, double co2eKg,
                              double idleKwh, double idleWasteKwh, double unattributedKwh, double meanUtil, double ep,
                              double coreHoursPerKwh, int comatoseHosts, double maxConservationError) {
}
