package io.greenpack.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The assumptions of one run (DESIGN §8): prices, carbon, facility overhead, how demand is
 * sized and how much headroom a consolidation plan keeps. Immutable; {@link #defaults()} is
 * what {@code report} uses without a scenario file. Loading from YAML with validation lives in
 * this package too ({@code ScenarioFile}).
 *
 * @param name                 shown in chart footers and reports
 * @param tariffPerKwh         energy price, currency per kWh
 * @param currency             ISO code or symbol, shown with money figures
 * @param gridGco2ePerKwh      grid carbon intensity, gCO2e per kWh (constant)
 * @param hourlyGridGco2ePerKwh optional 24 values (hour of day, UTC) replacing the constant; empty when not given
 * @param pue                  power usage effectiveness, facility kWh per IT kWh (≥ 1)
 * @param headroom             fraction of each target's capacity kept free, in [0, 1)
 * @param percentile           demand percentile used for sizing, in (0, 100]
 * @param hourlySizing         size one demand vector per hour of day (workloads peaking at different hours share)
 * @param hypervisorCpuOverhead fraction of a VM's CPU added by virtualisation, in [0, 1)
 * @param hypervisorMemGb      memory the hypervisor takes per VM, GB
 * @param targets              target model names from targets.csv, or ["all"]
 * @param horizonYears         horizon for total cost and payback
 * @param idlePolicy           how idle power is split among apps: cpu-share, equal, reserved, unattributed
 * @param migrationGbps        network bandwidth for live migration estimates, Gbit/s
 * @param costs                licence per core or socket and cost per move, added to each option's total cost
 */
public record Scenario(String name, double tariffPerKwh, String currency, double gridGco2ePerKwh,
                       List<Double> hourlyGridGco2ePerKwh, double pue, double headroom, double percentile,
                       boolean hourlySizing, double hypervisorCpuOverhead, double hypervisorMemGb,
                       List<String> targets, double horizonYears, IdlePolicy idlePolicy, double migrationGbps,
                       OwnershipCosts costs) implements java.io.Serializable {

    public Scenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(currency, "currency");
        hourlyGridGco2ePerKwh = List.copyOf(hourlyGridGco2ePerKwh);
        targets = List.copyOf(targets);
        Objects.requireNonNull(idlePolicy, "idlePolicy");
        Objects.requireNonNull(costs, "costs");
    }

    /** A scenario without licence or move costs. */
    public Scenario(String name, double tariffPerKwh, String currency, double gridGco2ePerKwh,
                    List<Double> hourlyGridGco2ePerKwh, double pue, double headroom, double percentile,
                    boolean hourlySizing, double hypervisorCpuOverhead, double hypervisorMemGb,
                    List<String> targets, double horizonYears, IdlePolicy idlePolicy, double migrationGbps) {
        this(name, tariffPerKwh, currency, gridGco2ePerKwh, hourlyGridGco2ePerKwh, pue, headroom, percentile, hourlySizing,
                hypervisorCpuOverhead, hypervisorMemGb, targets, horizonYears, idlePolicy, migrationGbps, OwnershipCosts.none());
    }

    /** The same scenario with these licence and move costs. */
    public Scenario withCosts(OwnershipCosts c) {
        return new Scenario(name, tariffPerKwh, currency, gridGco2ePerKwh, hourlyGridGco2ePerKwh, pue, headroom, percentile,
                hourlySizing, hypervisorCpuOverhead, hypervisorMemGb, targets, horizonYears, idlePolicy, migrationGbps, c);
    }

    public static Scenario defaults() {
        return new Scenario("base", 0.18, "EUR", 350, List.of(), 1.6, 0.2, 95, false, 0.1, 2.0,
                List.of("all"), 3, IdlePolicy.CPU_SHARE, 10);
    }

    /** Grid intensity for an hour of day (UTC), gCO2e per kWh. */
    public double gridGco2ePerKwhAt(int hourOfDay) {
        return hourlyGridGco2ePerKwh.isEmpty() ? gridGco2ePerKwh : hourlyGridGco2ePerKwh.get(hourOfDay);
    }

    public boolean allTargets() {
        return targets.contains("all");
    }

    /**
     * The scenario with the YAML's snake_case keys (for manifest.json and reports); loading this map
     * as a scenario file gives the same scenario back. An hourly grid profile is written as the
     * list of 24 values.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("tariff_per_kwh", tariffPerKwh);
        m.put("currency", currency);
        m.put("grid_gco2e_per_kwh", hourlyGridGco2ePerKwh.isEmpty() ? (Object) gridGco2ePerKwh : hourlyGridGco2ePerKwh);
        m.put("pue", pue);
        m.put("headroom", headroom);
        m.put("percentile", percentile);
        m.put("hourly_sizing", hourlySizing);
        Map<String, Object> hv = new LinkedHashMap<>();
        hv.put("cpu_overhead", hypervisorCpuOverhead);
        hv.put("mem_overhead_gb", hypervisorMemGb);
        m.put("hypervisor", hv);
        m.put("targets", targets);
        m.put("horizon_years", horizonYears);
        m.put("idle_policy", idlePolicy.key());
        m.put("migration_gbps", migrationGbps);
        m.put("licence_per_core", costs.licencePerCorePerYear());
        m.put("licence_per_socket", costs.licencePerSocketPerYear());
        m.put("cost_per_move", costs.costPerMove());
        return m;
    }
}
