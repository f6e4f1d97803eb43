package io.greenpack.savings;

import io.greenpack.config.Scenario;
import io.greenpack.model.TargetModel;
import io.greenpack.util.UserError;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Before/after energy, money, CO2e, space, hardware cost and payback, harvestable capacity and the
 * migration plan of one scenario (DESIGN §6). Pure arithmetic on plain values; the rules are in
 * {@code package-info.java}.
 */
public final class Savings {
    private Savings() {
    }

    /** 365 days × 24 h: a year as the energy figures count it. */
    public static final double HOURS_PER_YEAR = 8760.0;

    /**
     * Share of the nominal link rate that a live migration's memory copy achieves (TCP/IP and
     * migration-protocol overhead, a link shared with other traffic). A rule of thumb of ours, not
     * a published constant; it makes the estimate conservative rather than precise.
     */
    public static final double MIGRATION_LINK_EFFICIENCY = 0.7;

    /**
     * Extra memory copied because pages are dirtied while the copy runs. Pre-copy live migration
     * (C. Clark et al., "Live Migration of Virtual Machines", NSDI 2005) sends all memory once and
     * then re-sends the pages written meanwhile in shrinking rounds; how much depends on the
     * workload's write rate. 20 % is our rule-of-thumb assumption for ordinary server VMs, not a
     * measured value: write-heavy VMs take longer.
     */
    public static final double MIGRATION_DIRTY_PAGE_FACTOR = 0.2;

    public static SavingsResult compute(SavingsInput in) {
        Scenario sc = in.scenario();
        Map<String, TargetModel> catalog = new HashMap<>();
        for (TargetModel e : in.catalog()) {
            catalog.put(e.model(), e);
        }

        // ---- before: measured, each host scaled to a year by its own covered hours
        double beforeIt = 0;
        double rackBefore = 0;
        for (MeasuredHost h : in.measured()) {
            if (h.hours() > in.windowHours() * 1.0001) {
                throw new UserError("host " + h.host() + " is measured over " + h.hours()
                        + " h, longer than the data window of " + in.windowHours() + " h");
            }
            beforeIt += h.kwhPerYear();
            rackBefore += h.rackUnits();
        }

        // ---- after: plan hosts through their curves, hour of day by hour of day, + chassis
        double[] hostWattsByHour = new double[24];
        Map<String, Integer> bladesPerModel = new TreeMap<>();
        double rackAfter = 0;
        double hardware = 0;
        for (PlannedHost p : in.plan()) {
            TargetModel e = catalog.get(p.model());
            if (e == null) {
                throw new UserError("plan host " + p.host() + " uses model \"" + p.model()
                        + "\", which is not in the target catalog");
            }
            for (int h = 0; h < 24; h++) {
                hostWattsByHour[h] += e.powerCurve().watts(p.cpuCoresAt(h) / e.cpuCores());
            }
            // Rule: every plan host is a new purchase (the plan's hosts are catalog models, not the
            // measured machines); blades are counted per chassis below.
            hardware += e.price();
            if (e.blade()) {
                bladesPerModel.merge(e.model(), 1, Integer::sum);
            } else {
                rackAfter += e.rackUnits();
            }
        }
        int chassis = 0;
        double chassisWatts = 0;
        for (Map.Entry<String, Integer> b : bladesPerModel.entrySet()) {
            TargetModel e = catalog.get(b.getKey());
            // A chassis is powered and occupies its full height as soon as one blade is in it.
            int n = (b.getValue() + e.bladesPerChassis() - 1) / e.bladesPerChassis();
            chassis += n;
            chassisWatts += n * e.chassisWatts();
            rackAfter += n * e.bladesPerChassis() * e.rackUnits();
            hardware += n * e.chassisPrice();
        }
        double[] afterWattsByHour = new double[24];
        double hostWattsMean = 0;
        for (int h = 0; h < 24; h++) {
            afterWattsByHour[h] = hostWattsByHour[h] + chassisWatts;
            hostWattsMean += hostWattsByHour[h] / 24.0;
        }
        double afterHosts = hostWattsMean * HOURS_PER_YEAR / 1000.0;
        double afterChassis = chassisWatts * HOURS_PER_YEAR / 1000.0;
        double afterIt = afterHosts + afterChassis;
        double err = in.modelErrorFraction();

        // ---- facility, money, carbon
        double pue = sc.pue();
        double beforeFacility = beforeIt * pue;
        double afterFacility = afterIt * pue;
        double beforeMoney = beforeFacility * sc.tariffPerKwh();
        double afterMoney = afterFacility * sc.tariffPerKwh();
        double beforeCo2 = beforeFacility * meanIntensity(sc, in.measuredKwhByHourOfDay()) / 1000.0;
        double afterCo2 = afterFacility * meanIntensity(sc, afterWattsByHour) / 1000.0;

        // ---- payback: hardware cost over the monthly money saved
        double savedPerMonth = (beforeMoney - afterMoney) / 12.0;
        double payback = savedPerMonth > 0 ? hardware / savedPerMonth : Double.POSITIVE_INFINITY;

        List<HarvestHour> harvest = harvest(in, catalog);
        List<MigrationMove> migration = migration(in.placements(), in.plan(), sc.migrationGbps());
        List<OwnerShare> showback = showback(in.measured(), sc, pue, in.measuredKwhByHourOfDay());

        int serversBefore = in.measured().size();
        int serversAfter = in.plan().size();
        String cur = sc.currency();
        List<Figure> f = new ArrayList<>();
        // Today's facility energy, cost and CO2e are metered IT energy times scenario factors (PUE,
        // tariff, grid intensity): Provenance.MEASURED_TIMES_FACTOR, as the summary tiles say too.
        Provenance today = Provenance.today(in.measured(), Provenance.MEASURED);
        Provenance todayFactor = Provenance.today(in.measured(), Provenance.MEASURED_TIMES_FACTOR);
        f.add(new Figure("servers_before", "Servers today", serversBefore, "", today));
        f.add(new Figure("servers_after", "Servers after consolidation", serversAfter, "", true));
        f.add(new Figure("servers_freed", "Servers freed", serversBefore - serversAfter, "", true));
        f.add(new Figure("rack_units_freed", "Rack units freed", rackBefore - rackAfter, "U", true));
        f.add(new Figure("it_kwh_before_per_year", "IT energy today", beforeIt, "kWh/year", today));
        f.add(new Figure("it_kwh_after_per_year", "IT energy after", afterIt, "kWh/year", true));
        f.add(new Figure("facility_kwh_before_per_year", "Facility energy today (× PUE)", beforeFacility, "kWh/year", todayFactor));
        f.add(new Figure("facility_kwh_after_per_year", "Facility energy after (× PUE)", afterFacility, "kWh/year", true));
        f.add(new Figure("facility_kwh_saved_per_year", "Energy saved", beforeFacility - afterFacility, "kWh/year", true));
        f.add(new Figure("facility_kwh_saved_low", "Energy saved, low (model error +" + pct(err) + ")",
                (beforeIt - afterIt * (1 + err)) * pue, "kWh/year", true));
        f.add(new Figure("facility_kwh_saved_high", "Energy saved, high (model error −" + pct(err) + ")",
                (beforeIt - afterIt * (1 - err)) * pue, "kWh/year", true));
        f.add(new Figure("money_before_per_year", "Energy cost today", beforeMoney, cur + "/year", todayFactor));
        f.add(new Figure("money_after_per_year", "Energy cost after", afterMoney, cur + "/year", true));
        f.add(new Figure("money_saved_per_year", "Money saved", beforeMoney - afterMoney, cur + "/year", true));
        f.add(new Figure("co2e_before_per_year", "CO2e today", beforeCo2 / 1000.0, "t CO2e/year", todayFactor));
        f.add(new Figure("co2e_after_per_year", "CO2e after", afterCo2 / 1000.0, "t CO2e/year", true));
        f.add(new Figure("co2e_saved_per_year", "CO2e avoided", (beforeCo2 - afterCo2) / 1000.0, "t CO2e/year", true));
        f.add(new Figure("hardware_cost", "Hardware cost", hardware, cur, true));
        f.add(new Figure("payback_months", "Payback", payback, "months", true));
        return new SavingsResult(sc.name(), cur, in.windowHours(), pue, beforeIt, afterHosts, afterChassis, afterIt,
                afterIt * (1 - err), afterIt * (1 + err), beforeFacility, afterFacility, beforeMoney, afterMoney,
                beforeCo2, afterCo2, serversBefore, serversAfter, chassis, rackBefore, rackAfter, hardware, payback,
                sc.horizonYears(), afterWattsByHour, harvest, migration, showback, f);
    }

    /**
     * Grid intensity weighted by when the energy is drawn, gCO2e/kWh. Without an hourly profile in
     * the scenario it is the constant; with one, Σ_h weight_h × intensity_h / Σ_h weight_h, and
     * without weights (no hourly measurement) every hour counts the same.
     */
    static double meanIntensity(Scenario sc, double[] weightByHour) {
        if (sc.hourlyGridGco2ePerKwh().isEmpty()) {
            return sc.gridGco2ePerKwh();
        }
        double total = 0;
        double weighted = 0;
        for (int h = 0; h < 24; h++) {
            double w = weightByHour == null ? 1 : weightByHour[h];
            total += w;
            weighted += w * sc.gridGco2ePerKwhAt(h);
        }
        if (total <= 0) {
            double sum = 0;
            for (int h = 0; h < 24; h++) {
                sum += sc.gridGco2ePerKwhAt(h);
            }
            return sum / 24;
        }
        return weighted / total;
    }

    /** Free capacity on the plan's hosts per hour of day (see {@link HarvestHour}). */
    static List<HarvestHour> harvest(SavingsInput in, Map<String, TargetModel> catalog) {
        Scenario sc = in.scenario();
        List<HarvestHour> out = new ArrayList<>(24);
        for (int h = 0; h < 24; h++) {
            double cores = 0;
            double mem = 0;
            for (PlannedHost p : in.plan()) {
                TargetModel e = catalog.get(p.model());
                double freeCores = Math.max(0, e.cpuCores() * (1 - sc.headroom()) - p.cpuCoresAt(h));
                double freeMem = Math.max(0, e.memGb() * (1 - sc.headroom()) - p.memGbAt(h));
                // The batch work runs in a VM too: it pays the same overhead as any other VM.
                cores += freeCores / (1 + sc.hypervisorCpuOverhead());
                mem += Math.max(0, freeMem - sc.hypervisorMemGb());
            }
            out.add(new HarvestHour(h, cores, mem));
        }
        return out;
    }

    /**
     * Estimated duration of one live migration, seconds: memory GB × 8 bit/byte ÷ (link Gbit/s ×
     * {@value #MIGRATION_LINK_EFFICIENCY}) × (1 + {@value #MIGRATION_DIRTY_PAGE_FACTOR}).
     */
    public static double migrationSeconds(double memGb, double gbps) {
        if (!(gbps > 0)) {
            throw new UserError("migration_gbps: expected a bandwidth > 0 Gbit/s, got " + gbps);
        }
        return memGb * 8.0 / (gbps * MIGRATION_LINK_EFFICIENCY) * (1 + MIGRATION_DIRTY_PAGE_FACTOR);
    }

    /**
     * The moves in order. Source hosts go first that have the least memory to move (ties by
     * name), so that whole hosts are emptied — and can be switched off — as early as possible;
     * within a host, apps in descending memory (ties by name), so the longest copy starts while
     * the network is fresh and the host's remaining moves get quicker.
     */
    static List<MigrationMove> migration(List<VmPlacement> placements, List<PlannedHost> plan, double gbps) {
        if (placements.isEmpty()) {
            return List.of();
        }
        Map<String, String> target = new HashMap<>();
        for (PlannedHost p : plan) {
            for (String app : p.apps()) {
                target.put(app, p.host());
            }
        }
        Map<String, List<VmPlacement>> bySource = new LinkedHashMap<>();
        for (VmPlacement v : placements) {
            if (!target.containsKey(v.app())) {
                throw new UserError("app " + v.app() + " runs on host " + v.fromHost()
                        + " today, but the plan places it nowhere");
            }
            bySource.computeIfAbsent(v.fromHost(), k -> new ArrayList<>()).add(v);
        }
        List<String> sources = new ArrayList<>(bySource.keySet());
        sources.sort(Comparator.comparingDouble((String s) -> bySource.get(s).stream().mapToDouble(VmPlacement::memGb).sum())
                .thenComparing(Comparator.naturalOrder()));
        List<MigrationMove> out = new ArrayList<>();
        double total = 0;
        for (String s : sources) {
            List<VmPlacement> vms = new ArrayList<>(bySource.get(s));
            vms.sort(Comparator.comparingDouble(VmPlacement::memGb).reversed().thenComparing(VmPlacement::app));
            for (int i = 0; i < vms.size(); i++) {
                VmPlacement v = vms.get(i);
                double sec = migrationSeconds(v.memGb(), gbps);
                total += sec;
                out.add(new MigrationMove(out.size() + 1, v.app(), s, target.get(v.app()), v.memGb(), sec, total,
                        i == vms.size() - 1 ? s : null));
            }
        }
        return out;
    }

    /** Today's energy, cost and CO2e per owner (hosts without an owner under "unassigned"). */
    static List<OwnerShare> showback(List<MeasuredHost> measured, Scenario sc, double pue, double[] weights) {
        Map<String, double[]> by = new TreeMap<>();
        for (MeasuredHost h : measured) {
            String owner = h.owner() == null || h.owner().isBlank() ? "unassigned" : h.owner();
            double[] a = by.computeIfAbsent(owner, k -> new double[2]);
            a[0]++;
            a[1] += h.kwhPerYear() * pue;
        }
        double intensity = meanIntensity(sc, weights);
        List<OwnerShare> out = new ArrayList<>();
        by.forEach((owner, a) -> out.add(new OwnerShare(owner, (int) a[0], a[1], a[1] * sc.tariffPerKwh(),
                a[1] * intensity / 1000.0)));
        return out;
    }

    private static String pct(double fraction) {
        return Figure.format(fraction * 100, "%");
    }
}
