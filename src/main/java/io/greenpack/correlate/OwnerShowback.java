package io.greenpack.correlate;

/**
 * Showback per owner (apps.csv): energy, cost and CO2e of its apps, and reserved versus used
 * capacity (the gap is sprawl that another team could use instead of buying).
 *
 * @param usedCoresP95 sum over the owner's apps of each app's p95 cores (an upper bound of the
 *                     owner's simultaneous use: apps do not all peak at once)
 */
public record OwnerShowback(String owner, int apps, double kwh, double cost, double co2eKg, double reservedCores,
                            double usedCoresP95, double reservedMemGb, double usedMemGbP95) {
}
