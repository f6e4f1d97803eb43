package io.greenpack.importer;

import java.time.Instant;
import java.time.ZoneId;

/**
 * Options of {@code greenpack import}; null means "not given".
 *
 * @param hostCores        cores of every host whose input does not say (perfmon without per-CPU
 *                         counters, ipmitool, redfish, prometheus without node_cpu, synthetic hosts)
 * @param hostMemGb        memory of every host whose input does not say
 * @param host             host name for inputs that carry none (ipmitool, redfish); default: file name
 * @param vmsPerHost       planetlab/bitbrains: VMs placed round-robin per synthetic host
 * @param vmCores          planetlab: cores of one VM (its CPU % is of these cores)
 * @param vmMemGb          planetlab: memory of one VM (the traces have none)
 * @param zone             time zone of inputs whose timestamps carry none (ipmitool, redfish file names)
 * @param timeFromFilename redfish: a java.time pattern that finds the collection time in the file name
 * @param start            alibaba: the instant the trace's second 0 stands for (the trace gives no dates)
 * @param force            replace files of the kinds this import writes (other kinds are always kept)
 */
public record ImportOptions(Double hostCores, Double hostMemGb, String host, int vmsPerHost, double vmCores,
                            double vmMemGb, ZoneId zone, String timeFromFilename, Instant start, boolean force) {
    public static final int DEFAULT_VMS_PER_HOST = 10;
    public static final double DEFAULT_VM_CORES = 1.0;
    public static final double DEFAULT_VM_MEM_GB = 1.0;
    /**
     * alibaba: the trace's second 0. Alibaba publishes no calendar date for cluster-trace-v2018
     * (its timestamps count seconds from the start of the 8 sampled days); this date is only a
     * label that keeps the samples in the past, where ingest accepts them.
     */
    public static final String DEFAULT_START = "2018-01-01T00:00:00Z";

    public static ImportOptions defaults() {
        return new ImportOptions(null, null, null, DEFAULT_VMS_PER_HOST, DEFAULT_VM_CORES, DEFAULT_VM_MEM_GB,
                ZoneId.of("UTC"), null, Instant.parse(DEFAULT_START), false);
    }
}
