package io.greenpack.model;

import io.greenpack.util.UserError;

import java.util.Objects;

/**
 * A server a plan may use: a model of targets.csv (bought at {@code price}), or one of the fleet's
 * existing hosts ({@code existing}: available once, nothing to buy, named after the host). The one
 * record of target hardware: targets.csv is read into it, the optimizer packs onto it, the savings
 * and the outputs price and describe it.
 *
 * @param model            the model name (an existing host: the host's name, which the plan keeps)
 * @param powerCurve       watts at 0, 10, … 100 % load (w0..w100, or a line between idle_watts and max_watts)
 * @param price            purchase price of one server in the scenario's currency, 0 when unknown or existing
 * @param available        how many may be used, {@link #UNLIMITED} for no limit
 * @param rackUnits        rack units per server; for blades the per-blade share of the chassis
 *                         (targets.csv convention: a 10U chassis of 16 blades → 0.625)
 * @param blade            form = blade: the model only runs inside a chassis
 * @param chassisWatts     power of one chassis (fans, management, power supplies) with blades off, W; 0 for rack servers
 * @param bladesPerChassis slots per chassis (blades only)
 * @param chassisPrice     price of one empty chassis, 0 when not given
 * @param supportPerYear   yearly support (and space) cost of one server on, 0 when not given
 * @param licencePerYear   yearly licences of one server on as a scenario charges them (per core, per
 *                         socket); 0 as read from targets.csv or hosts.csv
 * @param embodiedKgco2e   manufacturing CO2e of one server, kg, 0 when not given
 * @param sockets          processor sockets of one server (for a licence per socket)
 * @param existing         one of today's hosts, not a model to buy
 * @param source           where the figures come from (targets.csv's source column), "" when not given
 */
public record TargetModel(String model, double cpuCores, double memGb, PowerCurve powerCurve, double price,
                          int available, double rackUnits, boolean blade, double chassisWatts, int bladesPerChassis,
                          double chassisPrice, double supportPerYear, double licencePerYear, double embodiedKgco2e,
                          int sockets, boolean existing, String source) implements java.io.Serializable {

    /** No limit on how many may be used (the optimizer's {@code BinType.UNLIMITED} is the same value). */
    public static final int UNLIMITED = Integer.MAX_VALUE;

    /** Two sockets: the usual rack server, and what a licence per socket counts when targets.csv has no sockets column. */
    public static final int DEFAULT_SOCKETS = 2;

    public TargetModel {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(powerCurve, "powerCurve");
        source = source == null ? "" : source;
        if (!(cpuCores > 0) || !(memGb > 0)) {
            throw new UserError("target " + model + ": cores and mem_gb must be > 0, got " + cpuCores + " and " + memGb);
        }
        if (!(price >= 0) || !(rackUnits >= 0) || !(chassisPrice >= 0)) {
            throw new UserError("target " + model + ": price, rack_units and chassis price must be >= 0");
        }
        if (blade && (!(chassisWatts >= 0) || bladesPerChassis < 1)) {
            throw new UserError("target " + model + " is a blade: it needs chassis_watts >= 0 and blades_per_chassis >= 1, got "
                    + chassisWatts + " and " + bladesPerChassis);
        }
    }

    /** A rack server of the catalog with no chassis, support, licence or embodied figures. */
    public static TargetModel rack(String model, double cpuCores, double memGb, PowerCurve powerCurve, double price,
                                   int available, double rackUnits) {
        return new TargetModel(model, cpuCores, memGb, powerCurve, price, available, rackUnits, false, 0, 0, 0, 0, 0, 0,
                DEFAULT_SOCKETS, false, "");
    }

    /** A rack server drawing power linear in load, free and unlimited, 1U: the small case of tests and examples. */
    public static TargetModel of(String model, double cpuCores, double memGb, double idleWatts, double maxWatts) {
        return rack(model, cpuCores, memGb, PowerCurve.linear(idleWatts, maxWatts), 0, UNLIMITED, 1);
    }

    /** One existing host: available once, price 0, its own power curve and support cost. */
    public static TargetModel existingHost(String host, double cpuCores, double memGb, PowerCurve powerCurve,
                                           double rackUnits, double supportPerYear, int sockets) {
        return new TargetModel(host, cpuCores, memGb, powerCurve, 0, 1, rackUnits, false, 0, 0, 0, supportPerYear, 0, 0,
                sockets, true, "");
    }

    /** This model as a blade: {@code rackUnits} is then its share of the chassis. */
    public TargetModel asBlade(double chassisWatts, int bladesPerChassis, double chassisPrice) {
        return new TargetModel(model, cpuCores, memGb, powerCurve, price, available, rackUnits, true, chassisWatts,
                bladesPerChassis, chassisPrice, supportPerYear, licencePerYear, embodiedKgco2e, sockets, existing, source);
    }

    public TargetModel withRackUnits(double units) {
        return new TargetModel(model, cpuCores, memGb, powerCurve, price, available, units, blade, chassisWatts,
                bladesPerChassis, chassisPrice, supportPerYear, licencePerYear, embodiedKgco2e, sockets, existing, source);
    }

    /** The same server with the licences a scenario charges for it a year. */
    public TargetModel withLicencePerYear(double perYear) {
        return new TargetModel(model, cpuCores, memGb, powerCurve, price, available, rackUnits, blade, chassisWatts,
                bladesPerChassis, chassisPrice, supportPerYear, perYear, embodiedKgco2e, sockets, existing, source);
    }

    /** The same server with another power curve. */
    public TargetModel withPowerCurve(PowerCurve curve) {
        return new TargetModel(model, cpuCores, memGb, curve, price, available, rackUnits, blade, chassisWatts,
                bladesPerChassis, chassisPrice, supportPerYear, licencePerYear, embodiedKgco2e, sockets, existing, source);
    }

    /** A blade's share of its chassis price (chassis price ÷ blades per chassis); 0 for a rack server. */
    public double chassisPriceShare() {
        return blade ? chassisPrice / bladesPerChassis : 0;
    }

    /** What one server on costs a year beyond energy: support and licences. */
    public double costPerYear() {
        return supportPerYear + licencePerYear;
    }

    /**
     * What the total-cost objective charges for one server over {@code horizonHours}: its price with
     * its share of a blade chassis, plus its yearly cost over the horizon.
     */
    public double costOver(double horizonHours) {
        return price + chassisPriceShare() + costPerYear() * horizonHours / 8760.0;
    }

    public double idleWatts() {
        return powerCurve.idleWatts();
    }

    public double maxWatts() {
        return powerCurve.maxWatts();
    }
}
