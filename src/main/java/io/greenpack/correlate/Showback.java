package io.greenpack.correlate;

import io.greenpack.model.AppUsage;
import io.greenpack.ingest.catalog.AppCatalog;
import io.greenpack.ingest.catalog.AppInfo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Showback per owner (DESIGN §6): energy, cost and CO2e of the owner's apps, reserved versus used
 * capacity. Apps missing from apps.csv, and each host's unattributed line, go to {@value Analysis#NO_OWNER}.
 * Reservations count every app apps.csv lists for the owner, measured or not (a reservation of an
 * app that never ran is sprawl too).
 */
final class Showback {
    private Showback() {
    }

    static List<OwnerShowback> perOwner(List<AppEnergy> energy, List<AppUsage> usage, AppCatalog apps) {
        Map<String, double[]> acc = new TreeMap<>(); // kwh, cost, co2, reservedCores, usedCores, reservedMem, usedMem
        Map<String, Set<String>> members = new TreeMap<>();
        Map<String, AppInfo> byName = apps.byName();
        for (AppEnergy e : energy) {
            String owner = e.app().equals(Analysis.UNATTRIBUTED_APP) ? Analysis.NO_OWNER : ownerOf(AppCatalog.get(byName, e.app()));
            double[] a = acc.computeIfAbsent(owner, k -> new double[7]);
            a[0] += e.kwh();
            a[1] += e.cost();
            a[2] += Double.isFinite(e.co2eKg()) ? e.co2eKg() : 0;
        }
        for (AppUsage u : usage) {
            String owner = ownerOf(AppCatalog.get(byName, u.app()));
            double[] a = acc.computeIfAbsent(owner, k -> new double[7]);
            a[4] += u.p95CpuCores();
            a[6] += u.p95MemGb();
            members.computeIfAbsent(owner, k -> new HashSet<>()).add(u.app());
        }
        for (AppInfo i : apps.apps()) {
            String owner = ownerOf(i);
            double[] a = acc.computeIfAbsent(owner, k -> new double[7]);
            a[3] += i.reservedCores() == null ? 0 : i.reservedCores();
            a[5] += i.reservedMemGb() == null ? 0 : i.reservedMemGb();
            members.computeIfAbsent(owner, k -> new HashSet<>()).add(i.app());
        }
        List<OwnerShowback> out = new ArrayList<>();
        acc.forEach((owner, a) -> out.add(new OwnerShowback(owner, members.getOrDefault(owner, Set.of()).size(),
                a[0], a[1], a[2], a[3], a[4], a[5], a[6])));
        return out;
    }

    private static String ownerOf(AppInfo info) {
        return info.owner() == null ? Analysis.NO_OWNER : info.owner();
    }
}
