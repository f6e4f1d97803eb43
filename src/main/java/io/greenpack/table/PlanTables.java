package io.greenpack.table;

import io.greenpack.config.Scenario;
import io.greenpack.consolidate.ConsolidationOutcome;
import io.greenpack.consolidate.ConsolidationStage;
import io.greenpack.consolidate.OptionPlan;
import io.greenpack.correlate.PlanReplay;
import io.greenpack.model.HostSpec;
import io.greenpack.optimize.ConsolidationPlan;
import io.greenpack.optimize.HostPlan;
import io.greenpack.savings.PlanOption;
import io.greenpack.savings.SavingsResult;
import io.greenpack.model.AppDemandVector;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The consolidation result tables of DESIGN §7: plan, plan_summary, plus contention (the replay). */
public final class PlanTables {
    private PlanTables() {
    }

    public static Map<String, Table> all(ConsolidationOutcome o, Scenario s, List<AppDemandVector> allDemand,
                                         List<HostSpec> hosts) {
        Map<String, Table> out = new LinkedHashMap<>();
        out.put("plan", plan(o, allDemand, hosts));
        out.put("plan_summary", summary(o, s));
        out.put("contention", contention(o));
        out.putAll(options(o));
        return out;
    }

    /**
     * plan_options (the sizing the verdict uses) and plan_options_other_sizing (the same options
     * with the other sizing, to show what hourly sizing frees and at what replayed risk); empty
     * without options.
     */
    public static Map<String, Table> options(ConsolidationOutcome o) {
        Map<String, Table> out = new LinkedHashMap<>();
        if (o.verdict() == null) {
            return out;
        }
        out.put("plan_options", options("plan_options", o.options(), o.sizing()));
        if (!o.otherSizing().isEmpty()) {
            String other = ConsolidationStage.HOURLY.equals(o.sizing()) ? ConsolidationStage.FLAT : ConsolidationStage.HOURLY;
            out.put("plan_options_other_sizing", options("plan_options_other_sizing", o.otherSizing(), other));
        }
        return out;
    }

    /**
     * One row per option (DESIGN §7), planned or not; an option not planned says why in reason.
     * contention_share is the replayed share of host-intervals above capacity × (1 − headroom),
     * contention_share_full_capacity above 100 %.
     */
    public static Table options(String name, List<OptionPlan> plans, String sizing) {
        StringColumn option = StringColumn.create("option");
        BooleanColumn planned = BooleanColumn.create("planned");
        IntColumn before = IntColumn.create("hosts_before");
        IntColumn after = IntColumn.create("hosts_after");
        IntColumn freed = IntColumn.create("servers_freed");
        DoubleColumn rack = DoubleColumn.create("rack_units_freed");
        DoubleColumn kwh = DoubleColumn.create("kwh_saved_per_year");
        DoubleColumn money = DoubleColumn.create("money_saved_per_year");
        DoubleColumn capex = DoubleColumn.create("capex");
        DoubleColumn tco = DoubleColumn.create("tco_over_horizon");
        DoubleColumn payback = DoubleColumn.create("payback_months");
        DoubleColumn co2 = DoubleColumn.create("co2e_avoided_over_horizon");
        DoubleColumn embodied = DoubleColumn.create("embodied_co2e");
        IntColumn moves = IntColumn.create("moves");
        IntColumn p2v = IntColumn.create("p2v_moves");
        DoubleColumn contention = DoubleColumn.create("contention_share");
        IntColumn lb = IntColumn.create("lower_bound");
        DoubleColumn gap = DoubleColumn.create("gap");
        BooleanColumn recommended = BooleanColumn.create("recommended");
        StringColumn reason = StringColumn.create("reason");
        DoubleColumn contentionFull = DoubleColumn.create("contention_share_full_capacity");
        StringColumn sizingColumn = StringColumn.create("sizing");
        for (OptionPlan plan : plans) {
            PlanOption o = plan.row();
            contentionFull.append(PlanReplay.overShare(plan.risk()));
            sizingColumn.append(sizing == null ? "" : sizing);
            option.append(o.option());
            planned.append(o.planned());
            before.append(o.hostsBefore());
            after.append(o.hostsAfter());
            freed.append(o.serversFreed());
            rack.append(o.rackUnitsFreed());
            kwh.append(o.kwhSavedPerYear());
            money.append(o.moneySavedPerYear());
            capex.append(o.capex());
            tco.append(o.tcoOverHorizon());
            payback.append(o.paybackMonths() == null ? Double.NaN : o.paybackMonths());
            co2.append(o.co2eAvoidedOverHorizonKg());
            embodied.append(o.embodiedCo2eKg());
            moves.append(o.moves());
            p2v.append(o.p2vMoves());
            contention.append(o.contentionShare());
            lb.append(o.lowerBound());
            gap.append(o.gap());
            recommended.append(o.recommended());
            reason.append(o.reason());
        }
        return Table.create(name, option, planned, before, after, freed, rack, kwh, money, capex, tco, payback,
                co2, embodied, moves, p2v, contention, lb, gap, recommended, reason, contentionFull, sizingColumn);
    }

    /** app, from_host, to_host, to_model; apps on kept hosts stay (to_host = from_host). */
    public static Table plan(ConsolidationOutcome o, List<AppDemandVector> allDemand, List<HostSpec> hosts) {
        return plan(o.plan(), allDemand, hosts);
    }

    /**
     * One plan's moves: every app with the host it runs on today and the host it runs on after; an
     * existing host's model is its model in hosts.csv.
     */
    public static Table plan(ConsolidationPlan p, List<AppDemandVector> allDemand, List<HostSpec> hosts) {
        StringColumn app = StringColumn.create("app");
        StringColumn from = StringColumn.create("from_host");
        StringColumn to = StringColumn.create("to_host");
        StringColumn model = StringColumn.create("to_model");
        Map<String, String[]> target = new HashMap<>();
        Map<String, String> hostModel = new HashMap<>();
        hosts.forEach(h -> hostModel.put(h.host(), h.model()));
        for (HostPlan h : p.hosts()) {
            h.apps().forEach(id -> target.put(id, new String[]{h.host(), hostModel.getOrDefault(h.host(), h.model())}));
        }
        for (AppDemandVector v : allDemand) {
            String[] t = target.get(v.id());
            app.append(v.app());
            from.append(v.host());
            to.append(t == null ? v.host() : t[0]);
            model.append(t == null ? hostModel.getOrDefault(v.host(), "") + " (kept)" : t[1]);
        }
        return Table.create("plan", app, from, to, model);
    }

    public static Table summary(ConsolidationOutcome o, Scenario s) {
        SavingsResult r = o.savings();
        return Table.create("plan_summary",
                StringColumn.create("scenario", s.name()),
                IntColumn.create("hosts_before", new int[]{r.serversBefore()}),
                IntColumn.create("hosts_after", new int[]{r.serversAfter()}),
                IntColumn.create("lower_bound", new int[]{o.plan().packing().lowerBound()}),
                DoubleColumn.create("gap", o.plan().packing().gap()),
                DoubleColumn.create("kwh_before", r.beforeFacilityKwhPerYear()),
                DoubleColumn.create("kwh_after", r.afterFacilityKwhPerYear()),
                DoubleColumn.create("cost_saved", r.beforeMoneyPerYear() - r.afterMoneyPerYear()),
                DoubleColumn.create("co2e_saved_kg", r.beforeCo2eKgPerYear() - r.afterCo2eKgPerYear()),
                DoubleColumn.create("payback_months", Double.isFinite(r.paybackMonths()) ? r.paybackMonths() : Double.NaN),
                IntColumn.create("kept_hosts", new int[]{o.keptHosts().size()}),
                DoubleColumn.create("contention_share", PlanReplay.overShare(o.risk())));
    }

    public static Table contention(ConsolidationOutcome o) {
        StringColumn host = StringColumn.create("to_host");
        LongColumn n = LongColumn.create("intervals");
        LongColumn cpu = LongColumn.create("cpu_over_intervals");
        LongColumn mem = LongColumn.create("mem_over_intervals");
        DoubleColumn share = DoubleColumn.create("over_share");
        DoubleColumn worstCpu = DoubleColumn.create("worst_cpu_excess");
        DoubleColumn worstMem = DoubleColumn.create("worst_mem_excess");
        for (PlanReplay.HostRisk r : o.risk()) {
            host.append(r.targetHost());
            n.append(r.intervals());
            cpu.append(r.cpuOverIntervals());
            mem.append(r.memOverIntervals());
            share.append(r.overShare());
            worstCpu.append(r.worstCpuExcess());
            worstMem.append(r.worstMemExcess());
        }
        return Table.create("contention", host, n, cpu, mem, share, worstCpu, worstMem);
    }
}
