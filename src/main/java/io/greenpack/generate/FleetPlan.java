package io.greenpack.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything about the synthetic fleet that does not change with time: hosts, apps and where
 * they run, and the defects to inject. {@link FleetPlanner} makes it, {@link FleetWriter}
 * turns it into sample rows. Indexes into {@link #hosts()} and {@link #apps()} are stable.
 */
public record FleetPlan(GenerateOptions options, List<Host> hosts, List<App> apps, List<Outage> outages,
                        List<CounterReset> counterResets, List<BadRow> badRows) {

    /** Which way a host's power is metered. */
    public enum Meter { WATTS, ENERGY_COUNTER }

    /**
     * @param targetPeakUtil the CPU utilization the host's apps were sized to reach at their peak
     * @param peakHour       UTC hour around which the host's apps peak
     * @param psu1Share      fraction of the host's power drawn through PSU 1 (two-PSU hosts)
     * @param energyStartWh  counter value before the first interval (energy-counter hosts)
     */
    public record Host(int index, String name, HardwareModel model, String site, String role, int psus,
                       Meter meter, String source, double targetPeakUtil, double peakHour, boolean comatose,
                       double psu1Share, double energyStartWh) {
    }

    /**
     * Demand parameters of one app. Demand at time t is
     * {@code peak * (floor + (1 - floor) * bump(hour of day)) * (weekend ? weekendFactor : 1) * noise}.
     */
    public record App(int index, String name, AppClass appClass, String owner, String group, int hostIndex,
                      int instances, double instance1Share,
                      double peakCpuCores, double cpuFloor, double peakMemGb, double memFloor,
                      double peakDiskIops, double peakDiskMbps, double peakNetMbps,
                      double peakHour, double widthHours, double weekendFactor,
                      int reservedCores, int reservedMemGb, String needs, boolean mayShareOs, String pinHost) {
    }

    /** Intervals [fromInterval, toInterval) of a host with neither power nor utilization rows. */
    public record Outage(int hostIndex, int fromInterval, int toInterval) {
        boolean covers(int hostIndex, int interval) {
            return this.hostIndex == hostIndex && interval >= fromInterval && interval < toInterval;
        }
    }

    /** The energy counter of a host restarts from 0 at the start of this interval. */
    public record CounterReset(int hostIndex, int interval) {
    }

    /**
     * An injected bad row. {@code file} is {@code power} or {@code utilization}; power bad rows and
     * utilization value defects replace the good row of (interval, host[, app instance 1]);
     * {@code unknown_host} rows are extra rows.
     */
    public record BadRow(String file, String reason, int interval, int hostIndex, int appIndex) {
    }

    public List<String> comatoseHostNames() {
        List<String> names = new ArrayList<>();
        for (Host h : hosts) {
            if (h.comatose()) {
                names.add(h.name());
            }
        }
        return names;
    }

    public List<App> appsOn(int hostIndex) {
        List<App> list = new ArrayList<>();
        for (App a : apps) {
            if (a.hostIndex() == hostIndex) {
                list.add(a);
            }
        }
        return list;
    }
}
