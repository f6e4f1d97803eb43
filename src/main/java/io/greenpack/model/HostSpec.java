package io.greenpack.model;

/**
 * One measured machine from hosts.csv. Nameplate watts are optional (null when not given).
 *
 * @param role           "physical" or "hypervisor"
 * @param supportPerYear what keeping the host on costs a year beyond energy (support contract, space), 0 when not given
 */
public record HostSpec(String host, String model, int sockets, double cores, double memGb, String role,
                       String site, Double rackUnits, Double idleWatts, Double maxWatts, double supportPerYear)
        implements java.io.Serializable {

    /** A host without a support cost. */
    public HostSpec(String host, String model, int sockets, double cores, double memGb, String role,
                    String site, Double rackUnits, Double idleWatts, Double maxWatts) {
        this(host, model, sockets, cores, memGb, role, site, rackUnits, idleWatts, maxWatts, 0);
    }

    public boolean physical() {
        return "physical".equals(role);
    }
}
