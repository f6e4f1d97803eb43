package io.greenpack.importer;

/**
 * What the input tells about a host; null where it says nothing. Missing values are filled from
 * --host-cores/--host-mem-gb when hosts.csv is written.
 */
record HostFacts(String model, Double cores, Double memGb) {
    static final HostFacts UNKNOWN = new HostFacts(null, null, null);

    /** This host's facts with the other's filling the gaps (the larger number wins for capacities). */
    HostFacts merge(HostFacts o) {
        return new HostFacts(model != null ? model : o.model, max(cores, o.cores), max(memGb, o.memGb));
    }

    private static Double max(Double a, Double b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return Math.max(a, b);
    }
}
