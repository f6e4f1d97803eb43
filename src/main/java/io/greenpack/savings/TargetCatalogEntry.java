package io.greenpack.savings;

import io.greenpack.model.PowerCurve;
import io.greenpack.optimize.TargetModel;
import io.greenpack.util.UserError;

import java.util.Objects;

/**
 * What savings needs to know about a target model: its power curve, price and space, and for
 * blades the enclosure. {@link TargetModel} (the optimizer's view) has no chassis fields, so this
 * record carries them; {@link #of(TargetModel)} makes a rack-server entry from it.
 *
 * @param rackUnits         rack units per server; for blades the per-blade share of the chassis
 *                          (targets.csv convention: a 10U chassis of 16 blades → 0.625)
 * @param blade             form = blade: the model only runs inside a chassis
 * @param chassisWatts      power of one chassis (fans, management, power supplies) with blades off, W
 * @param bladesPerChassis  slots per chassis
 * @param chassisPrice      price of one empty chassis, 0 when unknown (targets.csv has no column for it)
 */
public record TargetCatalogEntry(String model, double cpuCores, double memGb, PowerCurve powerCurve, double price,
                                 double rackUnits, boolean blade, double chassisWatts, int bladesPerChassis,
                                 double chassisPrice) implements java.io.Serializable {

    public TargetCatalogEntry {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(powerCurve, "powerCurve");
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

    /** A rack server from the optimizer's target model. */
    public static TargetCatalogEntry of(TargetModel t) {
        return new TargetCatalogEntry(t.model(), t.cpuCores(), t.memGb(), t.powerCurve(), t.price(), t.rackUnits(),
                false, 0, 1, 0);
    }

    /** A blade model: {@code t} describes one blade, the chassis is given separately. */
    public static TargetCatalogEntry blade(TargetModel t, double rackUnitsPerBlade, double chassisWatts,
                                           int bladesPerChassis, double chassisPrice) {
        return new TargetCatalogEntry(t.model(), t.cpuCores(), t.memGb(), t.powerCurve(), t.price(), rackUnitsPerBlade,
                true, chassisWatts, bladesPerChassis, chassisPrice);
    }
}
