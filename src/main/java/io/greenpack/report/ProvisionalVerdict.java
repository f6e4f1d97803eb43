package io.greenpack.report;

import io.greenpack.config.Scenario;
import io.greenpack.consolidate.ConsolidationOutcome;
import io.greenpack.correlate.AnalysisResult;
import io.greenpack.correlate.PlanReplay;
import io.greenpack.model.HostSpec;
import io.greenpack.savings.Figure;
import io.greenpack.savings.PlanOption;
import io.greenpack.savings.SavingsResult;
import io.greenpack.savings.Scope;
import io.greenpack.savings.Verdict;
import io.greenpack.model.AppDemandVector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A one-option {@link Verdict} built from today's single plan (every moved app onto new targets:
 * the {@code refresh} option). The outputs render any Verdict; this adapter stands in until the
 * run plans all four options, and is replaced by changing the one call in {@link PlanOutputs}.
 */
public final class ProvisionalVerdict {
    private ProvisionalVerdict() {
    }

    /** The refresh plan as the only option; recommended only when it pays back within the horizon. */
    public static Verdict from(ConsolidationOutcome o, AnalysisResult a, List<HostSpec> hosts, Scenario s) {
        SavingsResult r = o.savings();
        double payback = r.paybackNever() ? Double.POSITIVE_INFINITY : r.paybackMonths();
        boolean paysBack = Double.isFinite(payback) && payback <= s.horizonYears() * 12;
        int moves = r.migration().size();
        Set<String> physical = new TreeSet<>();
        hosts.stream().filter(h -> "physical".equals(h.role())).forEach(h -> physical.add(h.host()));
        int p2v = (int) r.migration().stream().filter(m -> physical.contains(m.fromHost())).count();
        double co2eOverHorizonKg = r.co2eKgSavedPerYear() * s.horizonYears();
        double tco = r.afterMoneyPerYear() * s.horizonYears() + r.hardwareCost();
        var packing = o.plan().packing();
        PlanOption refresh = new PlanOption(PlanOption.REFRESH, true, "all moved apps onto new target hosts",
                r.serversBefore(), r.serversAfter(), r.serversFreed(), r.rackUnitsFreed(),
                r.facilityKwhSavedPerYear(), r.moneySavedPerYear(), r.hardwareCost(), tco,
                Double.isFinite(payback) ? payback : null, co2eOverHorizonKg, 0,
                moves, p2v, PlanReplay.overShare(o.risk()), packing.lowerBound(), packing.gap(), paysBack);
        String sentence = sentence(refresh, r.currency(), s.horizonYears());
        return new Verdict(paysBack ? PlanOption.REFRESH : null, sentence, List.of(refresh), scope(o, a, hosts),
                s.horizonYears(), r.currency());
    }

    private static String sentence(PlanOption o, String currency, double horizonYears) {
        String what = "Replacing " + o.hostsBefore() + " servers with " + o.hostsAfter() + " new ones saves "
                + Figure.format(o.moneySavedPerYear(), currency + " a year") + " for "
                + Figure.format(o.capex(), currency) + " of hardware";
        if (o.recommended()) {
            return what + "; it pays back in " + Figure.format(o.paybackMonths(), "months") + ".";
        }
        return "Do not buy new hardware for energy alone: " + what.substring(0, 1).toLowerCase() + what.substring(1)
                + " and does not pay back within " + Figure.format(horizonYears, "years")
                + (o.paybackMonths() == null ? "." : " (" + Figure.format(o.paybackMonths(), "months") + ").");
    }

    /** Hosts the plan covers (measured, not kept) against the inventory; kept hosts with their reason. */
    static Scope scope(ConsolidationOutcome o, AnalysisResult a, List<HostSpec> hosts) {
        Map<String, String> reasons = new LinkedHashMap<>();
        Set<String> kept = new TreeSet<>(o.keptHosts());
        for (AppDemandVector v : a.demand()) {
            if (!kept.contains(v.host()) || reasons.containsKey(v.host())) {
                continue;
            }
            if (v.dedicated()) {
                reasons.put(v.host(), "dedicated: " + v.app() + " needs its own hardware");
            } else if (v.pinHost() != null && !v.pinHost().isBlank()) {
                reasons.put(v.host(), "pinned: " + v.app());
            }
        }
        int covered = o.savings().serversBefore();
        List<Scope.KeptHost> keptOn = new ArrayList<>();
        reasons.forEach((h, why) -> keptOn.add(new Scope.KeptHost(h, why)));
        for (HostSpec h : hosts) {
            if (kept.contains(h.host())) {
                continue;
            }
            var eff = a.hosts().stream().filter(e -> e.host().equals(h.host())).findFirst();
            if (eff.isEmpty()) {
                keptOn.add(new Scope.KeptHost(h.host(), "not in the samples (no power or utilization readings)"));
            } else if (!io.greenpack.consolidate.ConsolidationStage.measured(eff.get())) {
                keptOn.add(new Scope.KeptHost(h.host(), "not metered (no power readings, so its energy is not counted)"));
            }
        }
        long appsMoved = o.movedApps().stream().map(AppDemandVector::app).distinct().count();
        long appsTotal = a.demand().stream().map(AppDemandVector::app).distinct().count();
        return new Scope(covered, hosts.size(), (int) appsMoved, (int) appsTotal, keptOn);
    }
}
