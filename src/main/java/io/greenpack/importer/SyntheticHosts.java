package io.greenpack.importer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * VM traces (PlanetLab, Bitbrains) say nothing about physical hosts. The VMs, sorted by name,
 * are dealt round-robin onto ceil(VMs / --vms-per-host) synthetic hosts named
 * {@code <prefix>-host-001}, … so that every run over the same files gives the same placement.
 */
final class SyntheticHosts {
    private final Map<String, String> hostOfVm = new HashMap<>();

    SyntheticHosts(String prefix, List<String> vmNames, int vmsPerHost) {
        List<String> vms = List.copyOf(new TreeSet<>(vmNames));
        int hosts = Math.max(1, (vms.size() + vmsPerHost - 1) / vmsPerHost);
        for (int i = 0; i < vms.size(); i++) {
            hostOfVm.put(vms.get(i), String.format("%s-host-%03d", prefix, i % hosts + 1));
        }
    }

    String hostOf(String vm) {
        return hostOfVm.get(vm);
    }

    int hostCount() {
        return (int) hostOfVm.values().stream().distinct().count();
    }
}
