package io.greenpack.savings;

import io.greenpack.config.Scenario;
import io.greenpack.model.TargetModel;
import io.greenpack.util.UserError;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        Before before = before(in);
        After after = after(in.plan(), catalog);
        double pue = sc.pue();
        double beforeFacility = before.itKwhPerYear() * pue;
        double afterFacility = after.itKwhPerYear() * pue;
        Totals t = new Totals(beforeFacility, afterFacility, beforeFacility * sc.tariffPerKwh(),
                afterFacility * sc.tariffPerKwh(),
                beforeFacility * meanIntensity(sc, in.measuredKwhByHourOfDay()) / 1000.0,
                afterFacility * meanIntensity(sc, after.wattsByHour()) / 1000.0);
        // Payback: hardware cost over the monthly money saved.
        double savedPerMonth = (t.beforeMoney() - t.afterMoney()) / 12.0;
        double payback = savedPerMonth > 0 ? after.hardware() / savedPerMonth : Double.POSITIVE_INFINITY;
        double err = in.modelErrorFraction();
        double afterIt = after.itKwhPerYear();
        return new SavingsResult(sc.name(), sc.currency(), in.windowHours(), pue, before.itKwhPerYear(),
                after.hostsKwhPerYear(), after.chassisKwhPerYear(), afterIt, afterIt * (1 - err), afterIt * (1 + err),
                beforeFacility, afterFacility, t.beforeMoney(), t.afterMoney(), t.beforeCo2eKg(), t.afterCo2eKg(),
                in.measured().size(), in.plan().size(), after.chassis(), before.rackUnits(), after.rackUnits(),
                after.hardware(), payback, sc.horizonYears(), after.wattsByHour(), harvest(in, catalog),
                migration(in.placements(), in.plan(), sc.migrationGbps()),
                showback(in.measured(), sc, pue, in.measuredKwhByHourOfDay()),
                figures(in, before, after, t, payback));
    }

    /** Today's fleet: measured IT energy, each host scaled to a year by its own covered hours. */
    private record Before(double itKwhPerYear, double rackUnits) {
    }

    /** The plan's fleet: hosts through their curves plus blade chassis, and what it costs to buy. */
    private record After(double hostsKwhPerYear, double chassisKwhPerYear, double rackUnits, double hardware,
                         int chassis, double[] wattsByHour) {
        double itKwhPerYear() {
            return hostsKwhPerYear + chassisKwhPerYear;
        }
    }

    /** Facility energy per year and what it costs in money and CO2e, before and after. */
    private record Totals(double beforeFacilityKwh, double afterFacilityKwh, double beforeMoney, double afterMoney,
                          double beforeCo2eKg, double afterCo2eKg) {
    }

    private static Before before(SavingsInput in) {
        double it = 0;
        double rack = 0;
        for (MeasuredHost h : in.measured()) {
            if (h.hours() > in.windowHours() * 1.0001) {
                throw new UserError("host " + h.host() + " is measured over " + h.hours()
                        + " h, longer than the data window of " + in.windowHours() + " h");
            }
            it += h.kwhPerYear();
            rack += h.rackUnits();
        }
        return new Before(it, rack);
    }

    /** Plan hosts through their curves, hour of day by hour of day, plus the blade chassis they need. */
    private static After after(List<PlannedHost> plan, Map<String, TargetModel> catalog) {
        double[] hostWattsByHour = new double[24];
        Map<String, Integer> bladesPerModel = new TreeMap<>();
        double rack = 0;
        double hardware = 0;
        for (PlannedHost p : plan) {
            TargetModel e = catalog.get(p.model());
            if (e == null) {
                throw new UserError("plan host " + p.host() + " uses model \"" + p.model()
                        + "\", which is not in the target catalog");
            }
            for (int h = 0; h < 24; h++) {
                hostWattsByHour[h] += e.powerCurve().watts(p.cpuCoresAt(h) / e.cpuCores());
            }
            // Every catalog entry of a plan host is priced: a reused server's entry costs 0.
            hardware += e.price();
            if (e.blade()) {
                bladesPerModel.merge(e.model(), 1, Integer::sum);
            } else {
                rack += e.rackUnits();
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
            rack += n * e.bladesPerChassis() * e.rackUnits();
            hardware += n * e.chassisPrice();
        }
        double[] wattsByHour = new double[24];
        double hostWattsMean = 0;
        for (int h = 0; h < 24; h++) {
            wattsByHour[h] = hostWattsByHour[h] + chassisWatts;
            hostWattsMean += hostWattsByHour[h] / 24.0;
        }
        return new After(hostWattsMean * HOURS_PER_YEAR / 1000.0, chassisWatts * HOURS_PER_YEAR / 1000.0, rack,
                hardware, chassis, wattsByHour);
    }

    private static List<Figure> figures(SavingsInput in, Before b, After a, Totals t, double payback) {
        double err = in.modelErrorFraction();
        double pue = in.scenario().pue();
        String cur = in.scenario().currency();
        int serversBefore = in.measured().size();
        int serversAfter = in.plan().size();
        // Today's facility energy, cost and CO2e are metered IT energy times scenario factors (PUE,
        // tariff, grid intensity): Provenance.MEASURED_TIMES_FACTOR, as the summary tiles say too.
        Provenance today = Provenance.today(in.measured(), Provenance.MEASURED);
        Provenance todayFactor = Provenance.today(in.measured(), Provenance.MEASURED_TIMES_FACTOR);
        List<Figure> f = new ArrayList<>();
        f.add(new Figure("servers_before", "Servers today", serversBefore, "", today));
        f.add(new Figure("servers_after", "Servers after consolidation", serversAfter, "", true));
        f.add(new Figure("servers_freed", "Servers freed", serversBefore - serversAfter, "", true));
        f.add(new Figure("rack_units_freed", "Rack units freed", b.rackUnits() - a.rackUnits(), "U", true));
        f.add(new Figure("it_kwh_before_per_year", "IT energy today", b.itKwhPerYear(), "kWh/year", today));
        f.add(new Figure("it_kwh_after_per_year", "IT energy after", a.itKwhPerYear(), "kWh/year", true));
        f.add(new Figure("facility_kwh_before_per_year", "Facility energy today (× PUE)", t.beforeFacilityKwh(), "kWh/year", todayFactor));
        f.add(new Figure("facility_kwh_after_per_year", "Facility energy after (× PUE)", t.afterFacilityKwh(), "kWh/year", true));
        f.add(new Figure("facility_kwh_saved_per_year", "Energy saved", t.beforeFacilityKwh() - t.afterFacilityKwh(), "kWh/year", true));
        f.add(new Figure("facility_kwh_saved_low", "Energy saved, low (model error +" + pct(err) + ")",
                (b.itKwhPerYear() - a.itKwhPerYear() * (1 + err)) * pue, "kWh/year", true));
        f.add(new Figure("facility_kwh_saved_high", "Energy saved, high (model error −" + pct(err) + ")",
                (b.itKwhPerYear() - a.itKwhPerYear() * (1 - err)) * pue, "kWh/year", true));
        f.add(new Figure("money_before_per_year", "Energy cost today", t.beforeMoney(), cur + "/year", todayFactor));
        f.add(new Figure("money_after_per_year", "Energy cost after", t.afterMoney(), cur + "/year", true));
        f.add(new Figure("money_saved_per_year", "Money saved", t.beforeMoney() - t.afterMoney(), cur + "/year", true));
        f.add(new Figure("co2e_before_per_year", "CO2e today", t.beforeCo2eKg() / 1000.0, "t CO2e/year", todayFactor));
        f.add(new Figure("co2e_after_per_year", "CO2e after", t.afterCo2eKg() / 1000.0, "t CO2e/year", true));
        f.add(new Figure("co2e_saved_per_year", "CO2e avoided", (t.beforeCo2eKg() - t.afterCo2eKg()) / 1000.0, "t CO2e/year", true));
        f.add(new Figure("hardware_cost", "Hardware cost", a.hardware(), cur, true));
        f.add(new Figure("payback_months", "Payback", payback, "months", true));
        return f;
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
     * The moves in order. Hosts that end up empty go first, those with the least memory to move
     * first (ties by name), so that whole hosts are emptied — and can be switched off — as early
     * as possible; moves off hosts the plan keeps using free nothing and come last. Within a host,
     * apps in descending memory (ties by name), so the longest copy starts while the network is
     * fresh and the host's remaining moves get quicker.
     */
    static List<MigrationMove> migration(List<VmPlacement> placements, List<PlannedHost> plan, double gbps) {
        if (placements.isEmpty()) {
            return List.of();
        }
        Map<String, String> target = new HashMap<>();
        Set<String> staysOn = new HashSet<>();
        for (PlannedHost p : plan) {
            // A reused server keeps its name in the plan: moving apps off it does not switch it off.
            staysOn.add(p.host());
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
        sources.sort(Comparator.comparing((String s) -> staysOn.contains(s))
                .thenComparingDouble((String s) -> bySource.get(s).stream().mapToDouble(VmPlacement::memGb).sum())
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
                        i == vms.size() - 1 && !staysOn.contains(s) ? s : null));
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
