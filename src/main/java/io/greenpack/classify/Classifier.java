package io.greenpack.classify;

import io.greenpack.correlate.Analysis;
import io.greenpack.correlate.AppEnergy;
import io.greenpack.ingest.catalog.AppCatalog;
import io.greenpack.ingest.catalog.AppInfo;
import io.greenpack.model.AppClassification;
import io.greenpack.model.AppUsage;
import io.greenpack.model.HostSpec;
import io.greenpack.model.VirtVerdict;
import io.greenpack.model.WorkloadClass;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Classifies an app from its p95 demand relative to its reference host (DESIGN §4). Rules, first
 * match wins:
 * <ol>
 * <li>{@code idle} — p95 CPU below {@value #IDLE_CORES} cores and p95 disk below
 *     {@value #IDLE_IOPS} IOPS and {@value #IDLE_MBPS} MB/s: it does nothing measurable;</li>
 * <li>{@code io-bound} — p95 disk at least {@value #IO_IOPS} IOPS or {@value #IO_MBPS} MB/s. Hosts.csv
 *     has no disk capacity, so I/O is judged against these absolute levels (a few percent of a
 *     2020s server's local NVMe, but more than a busy database VM usually does);</li>
 * <li>{@code memory-bound} — memory share of the host (p95 GB / host GB) at least {@value #DOMINANCE}×
 *     its CPU share (p95 cores / host cores);</li>
 * <li>{@code cpu-bound} — CPU share at least {@value #DOMINANCE}× memory share;</li>
 * <li>{@code balanced} — neither dominates.</li>
 * </ol>
 * Shares are relative to the host because "64 GB" is a lot on a 96 GB box and little on a 1 TB one.
 *
 * <p>Verdict, first match wins: {@code dedicated} when apps.csv needs gpu, infiniband, heavy_io,
 * graphics or licensed_host, or measured p95 disk reaches {@value #HEAVY_IOPS} IOPS or
 * {@value #HEAVY_MBPS} MB/s, or p95 GPU use is above {@value #GPU_PCT} %; {@code same-os-only} when
 * apps.csv says may_share_os; else {@code ok}.
 */
public final class Classifier {
    public static final double IDLE_CORES = Analysis.BUSY_APP_FLOOR_CORES;
    static final double IDLE_IOPS = 50;
    static final double IDLE_MBPS = 5;
    static final double IO_IOPS = 1500;
    static final double IO_MBPS = 80;
    static final double DOMINANCE = 2.0;
    static final double HEAVY_IOPS = 8000;
    static final double HEAVY_MBPS = 400;
    static final double GPU_PCT = 5;

    private Classifier() {
    }

    /** Every app against its reference host, the host where it used most CPU; by app name. */
    public static Map<String, AppClassification> classifyAll(List<AppUsage> usage, Map<String, HostSpec> hosts,
                                                             AppCatalog apps) {
        Map<String, AppUsage> reference = new TreeMap<>();
        for (AppUsage a : usage) {
            reference.merge(a.app(), a, (x, y) -> y.meanCpuCores() > x.meanCpuCores() ? y : x);
        }
        Map<String, AppInfo> info = apps.byName();
        Map<String, AppClassification> classes = new TreeMap<>();
        reference.forEach((app, a) -> classes.put(app, classify(a, hosts.get(a.host()), AppCatalog.get(info, app))));
        return classes;
    }

    /**
     * The energy lines with each app's class, verdict and reasons filled in, in the same order;
     * the unattributed lines keep theirs.
     */
    public static List<AppEnergy> label(List<AppEnergy> energy, Map<String, AppClassification> classes) {
        List<AppEnergy> out = new ArrayList<>(energy.size());
        for (AppEnergy e : energy) {
            AppClassification c = e.app().equals(Analysis.UNATTRIBUTED_APP) ? null : classes.get(e.app());
            out.add(c == null ? e : new AppEnergy(e.app(), e.host(), e.kwh(), e.dynamicKwh(), e.idleKwh(), e.cost(),
                    e.co2eKg(), c.workloadClass().key(), c.verdict().key(), c.classReason() + "; " + c.verdictReason()));
        }
        return out;
    }

    public static AppClassification classify(AppUsage u, HostSpec host, AppInfo info) {
        double cpuShare = u.p95CpuCores() / host.cores();
        double memShare = u.p95MemGb() / host.memGb();
        WorkloadClass cls;
        String why;
        if (u.p95CpuCores() < IDLE_CORES && u.p95DiskIops() < IDLE_IOPS && u.p95DiskMbps() < IDLE_MBPS) {
            cls = WorkloadClass.IDLE;
            why = String.format(Locale.ROOT, "p95 CPU %.3f cores (< %.2f) and almost no disk I/O", u.p95CpuCores(), IDLE_CORES);
        } else if (u.p95DiskIops() >= IO_IOPS || u.p95DiskMbps() >= IO_MBPS) {
            cls = WorkloadClass.IO_BOUND;
            why = String.format(Locale.ROOT, "p95 disk %.0f IOPS, %.0f MB/s (io-bound from %.0f IOPS or %.0f MB/s)",
                    u.p95DiskIops(), u.p95DiskMbps(), IO_IOPS, IO_MBPS);
        } else if (memShare >= DOMINANCE * cpuShare) {
            cls = WorkloadClass.MEMORY_BOUND;
            why = shares("memory", memShare, cpuShare, host);
        } else if (cpuShare >= DOMINANCE * memShare) {
            cls = WorkloadClass.CPU_BOUND;
            why = shares("CPU", cpuShare, memShare, host);
        } else {
            cls = WorkloadClass.BALANCED;
            why = String.format(Locale.ROOT, "CPU %.1f %% and memory %.1f %% of %s: neither %.0f× the other",
                    100 * cpuShare, 100 * memShare, host.host(), DOMINANCE);
        }

        List<String> dedicatedWhy = new ArrayList<>();
        for (String need : info.needs()) {
            dedicatedWhy.add("apps.csv needs " + need);
        }
        if (u.p95DiskIops() >= HEAVY_IOPS || u.p95DiskMbps() >= HEAVY_MBPS) {
            dedicatedWhy.add(String.format(Locale.ROOT, "measured heavy I/O (p95 %.0f IOPS, %.0f MB/s)", u.p95DiskIops(), u.p95DiskMbps()));
        }
        if (u.p95GpuPct() > GPU_PCT) {
            dedicatedWhy.add(String.format(Locale.ROOT, "uses a GPU (p95 %.0f %%)", u.p95GpuPct()));
        }
        VirtVerdict verdict;
        String verdictWhy;
        if (!dedicatedWhy.isEmpty()) {
            verdict = VirtVerdict.DEDICATED;
            verdictWhy = String.join("; ", dedicatedWhy);
        } else if (info.mayShareOs()) {
            verdict = VirtVerdict.SAME_OS_ONLY;
            verdictWhy = "apps.csv may_share_os: co-host on a shared OS, no VM needed";
        } else {
            verdict = VirtVerdict.OK;
            verdictWhy = "no special needs: may run as a VM";
        }
        return new AppClassification(u.app(), u.host(), cls, why, verdict, verdictWhy);
    }

    private static String shares(String dominant, double a, double b, HostSpec host) {
        return String.format(Locale.ROOT, "%s share %.1f %% of %s is %.1f× the other resource's %.1f %%",
                dominant, 100 * a, host.host(), b > 0 ? a / b : Double.POSITIVE_INFINITY, 100 * b);
    }
}
