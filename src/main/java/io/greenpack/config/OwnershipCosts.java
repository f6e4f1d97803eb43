package io.greenpack.config;

import io.greenpack.util.UserError;

/**
 * Costs of ownership beyond energy and hardware that a scenario may add to every option's total
 * cost (DESIGN §5): a yearly licence per core or per socket of every host that is on (hypervisor or
 * OS licences are often sold that way), and a one-time cost per app that changes host (the work and
 * risk of one migration). All 0 unless the scenario file sets them.
 *
 * @param licencePerCorePerYear   currency per core per year
 * @param licencePerSocketPerYear currency per socket per year
 * @param costPerMove             currency per app moved, once
 */
public record OwnershipCosts(double licencePerCorePerYear, double licencePerSocketPerYear, double costPerMove)
        implements java.io.Serializable {

    public OwnershipCosts {
        check("licence_per_core", licencePerCorePerYear);
        check("licence_per_socket", licencePerSocketPerYear);
        check("cost_per_move", costPerMove);
    }

    public static OwnershipCosts none() {
        return new OwnershipCosts(0, 0, 0);
    }

    /** Yearly licence of one host with these cores and sockets. */
    public double licencePerYear(double cores, int sockets) {
        return cores * licencePerCorePerYear + sockets * licencePerSocketPerYear;
    }

    private static void check(String key, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new UserError(key + ": expected an amount >= 0, got " + v);
        }
    }
}
