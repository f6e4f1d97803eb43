package io.greenpack.consolidate;

import io.greenpack.model.PowerCurve;
import io.greenpack.model.TargetModel;

import java.util.Objects;

/**
 * One measured host of today's fleet as a candidate of the plan (DESIGN §5): it is available once,
 * costs nothing to buy, holds what hosts.csv says and draws what its model's fitted curve says.
 *
 * @param physical       role {@code physical}: an app moved off it is a physical-to-virtual conversion
 * @param rackUnits      rack units it occupies
 * @param supportPerYear support and space cost a year while it is on (hosts.csv, 0 when not given)
 * @param curve          the fitted power curve of its model (nameplate idle/max watts when no fit)
 * @param comatose       the analysis found it comatose (no useful work over the window)
 */
public record ExistingHost(String host, String model, double cpuCores, double memGb, int sockets, boolean physical,
                           double rackUnits, double supportPerYear, PowerCurve curve, boolean comatose)
        implements java.io.Serializable {

    public ExistingHost {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(curve, "curve");
    }

    /** This host as a server a plan may keep: available once, nothing to buy, its support cost and no licence yet. */
    public TargetModel asTarget() {
        return TargetModel.existingHost(host, cpuCores, memGb, curve, rackUnits, supportPerYear, sockets);
    }
}
