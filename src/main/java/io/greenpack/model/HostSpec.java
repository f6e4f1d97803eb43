package io.greenpack.model;

/**
 * One measured machine from hosts.csv. Nameplate watts are optional (null when not given).
 *
 * @param role "physical" or "hypervisor"
 */
public record HostSpec(String host, String model, int sockets, double cores, double memGb, String role,
                       String site, Double rackUnits, Double idleWatts, Double maxWatts) implements java.io.Serializable {
}
