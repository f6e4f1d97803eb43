package io.greenpack.importer;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Shared by the VM-trace importers: VMs onto synthetic hosts, and each host's size as the sum of
 * its VMs' largest provisioned cores and memory, unless --host-cores/--host-mem-gb say otherwise.
 */
final class VmTraceFleet {
    private final SyntheticHosts hosts;
    private final Map<String, double[]> vmMax = new HashMap<>(); // vm -> {cores, memGb}

    VmTraceFleet(String prefix, List<Path> files, ImportOptions options) {
        if (options.vmsPerHost() < 1) {
            throw new io.greenpack.util.UserError("--vms-per-host must be at least 1, found " + options.vmsPerHost());
        }
        this.hosts = new SyntheticHosts(prefix, files.stream().map(VmTraceFleet::vmName).toList(), options.vmsPerHost());
    }

    /** A VM's name from its file: the file name without extension; a bare number gets a "vm" prefix. */
    static String vmName(Path file) {
        String stem = ExportText.stem(file);
        return stem.chars().allMatch(Character::isDigit) ? "vm" + stem : stem;
    }

    String hostOf(String vm) {
        return hosts.hostOf(vm);
    }

    /** What a VM was given (provisioned), remembered at its maximum. */
    void provisioned(String vm, double cores, double memGb) {
        double[] m = vmMax.computeIfAbsent(vm, k -> new double[2]);
        m[0] = Math.max(m[0], cores);
        m[1] = Math.max(m[1], memGb);
    }

    /** Declares every synthetic host with its size. */
    void declareHosts(ImportOptions options, CanonicalWriter out) {
        Map<String, double[]> size = new HashMap<>();
        vmMax.forEach((vm, m) -> {
            double[] s = size.computeIfAbsent(hostOf(vm), k -> new double[2]);
            s[0] += m[0];
            s[1] += m[1];
        });
        size.forEach((host, s) -> out.host(host, new HostFacts(null,
                options.hostCores() != null ? options.hostCores() : s[0],
                options.hostMemGb() != null ? options.hostMemGb() : s[1])));
        out.note(hosts.hostCount() + " synthetic hosts: VMs sorted by name and dealt round-robin, "
                + "--vms-per-host " + options.vmsPerHost() + "; a host's cores and memory are "
                + (options.hostCores() != null ? "--host-cores/--host-mem-gb" : "the sum of what its VMs were given") + ".");
    }
}
