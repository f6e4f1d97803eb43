package io.greenpack.correlate;

/**
 * Energy attributed to one application on one host (DESIGN §3), plus its class and virtualisation
 * verdict. The app {@value Analysis#UNATTRIBUTED_APP} holds what was attributed to no app on that host.
 * kWh are IT energy; cost and CO2e are of facility energy (IT × PUE).
 */
public record AppEnergy(String app, String host, double kwh, double dynamicKwh, double idleKwh, double cost,
                        double co2eKg, String appClass, String virtVerdict, String reason) {
}
