package io.greenpack.importer;

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
 */
public record ImportOptions(Double hostCores, Double hostMemGb, String host, int vmsPerHost, double vmCores,
                            double vmMemGb, ZoneId zone, String timeFromFilename) {
    public static final int DEFAULT_VMS_PER_HOST = 10;
    public static final double DEFAULT_VM_CORES = 1.0;
    public static final double DEFAULT_VM_MEM_GB = 1.0;

    public static ImportOptions defaults() {
        return new ImportOptions(null, null, null, DEFAULT_VMS_PER_HOST, DEFAULT_VM_CORES, DEFAULT_VM_MEM_GB,
                ZoneId.of("UTC"), null);
    }
}
