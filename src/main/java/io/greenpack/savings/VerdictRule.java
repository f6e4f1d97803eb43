package io.greenpack.savings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Picks the recommended option and says why (DESIGN §5): among the planned options that save money
 * and pay back within the horizon, the lowest TCO over the horizon; TCOs within
 * {@value #TIE_FRACTION} of each other are a tie (the solver's own noise is larger than that), and a
 * tie goes to fewer moves, then to the option listed first (decommission, reuse, refresh, best).
 */
public final class VerdictRule {
    static final double TIE_FRACTION = 0.001;

    private VerdictRule() {
    }

    public static Verdict decide(List<PlanOption> options, Scope scope, double horizonYears, String currency) {
        Optional<PlanOption> pick = options.stream()
                .filter(o -> o.planned() && o.moneySavedPerYear() > 0 && o.paysBackWithin(horizonYears))
                .reduce((a, b) -> better(b, a) ? b : a);
        List<PlanOption> marked = new ArrayList<>();
        for (PlanOption o : options) {
            marked.add(pick.isPresent() && o == pick.get() ? o.asRecommended() : o);
        }
        String sentence = pick.map(p -> sentence(p, options, horizonYears, currency))
                .orElseGet(() -> keepSentence(options, horizonYears, currency));
        return new Verdict(pick.map(PlanOption::option).orElse(null), sentence, marked, scope, horizonYears, currency);
    }

    /** True when {@code a} beats {@code b}: lower TCO beyond the tie margin, else fewer moves. */
    static boolean better(PlanOption a, PlanOption b) {
        double margin = TIE_FRACTION * Math.max(Math.abs(a.tcoOverHorizon()), Math.abs(b.tcoOverHorizon()));
        if (Math.abs(a.tcoOverHorizon() - b.tcoOverHorizon()) > margin) {
            return a.tcoOverHorizon() < b.tcoOverHorizon();
        }
        return a.moves() < b.moves();
    }

    static String sentence(PlanOption p, List<PlanOption> all, double horizonYears, String currency) {
        String saves = "saves " + money(p.moneySavedPerYear(), currency) + "/year";
        int kept = p.hostsBefore() - p.serversFreed();
        String head;
        if (!buysHardware(p)) {
            head = (p.option().equals(PlanOption.DECOMMISSION) ? "Switch off " + p.serversFreed() + " of your "
                    + p.hostsBefore() + " servers and leave the rest as they are"
                    : "Reuse " + kept + " of your servers and switch off " + p.serversFreed())
                    + ": " + saves + ", nothing to buy";
        } else {
            int bought = p.hostsAfter() - kept;
            head = (kept > 0 ? "Keep " + kept + " of your servers, buy " + bought + (bought == 1 ? " new one" : " new ones")
                    : "Buy " + bought + (bought == 1 ? " new server" : " new servers")) + " and switch off " + p.serversFreed() + ": " + saves
                    + " for " + money(p.capex(), currency) + ", paying back in " + duration(p.paybackMonths());
        }
        return head + alternative(p, all, horizonYears) + ".";
    }

    private static boolean buysHardware(PlanOption p) {
        return p.hostsAfter() > p.hostsBefore() - p.serversFreed();
    }

    /** What the strongest other choice would do: buying when the pick buys nothing, and the reverse. */
    private static String alternative(PlanOption p, List<PlanOption> all, double horizonYears) {
        Optional<PlanOption> buy = all.stream().filter(o -> o.planned() && buysHardware(o) && o != p)
                .min(Comparator.comparing(o -> o.option().equals(PlanOption.REFRESH) ? 0 : 1));
        if (!buysHardware(p) && buy.isPresent()) {
            PlanOption b = buy.get();
            return b.paybackMonths() == null ? "; buying new hardware would never pay back"
                    : "; buying new hardware would pay back in " + duration(b.paybackMonths())
                    + (b.paysBackWithin(horizonYears) ? " but cost more over " + years(horizonYears) : "");
        }
        return "";
    }

    static String keepSentence(List<PlanOption> all, double horizonYears, String currency) {
        boolean anyPlanned = all.stream().anyMatch(PlanOption::planned);
        return anyPlanned ? "Keep the fleet as it is: no option saves money and pays back within " + years(horizonYears) + "."
                : "Keep the fleet as it is: no option could be planned.";
    }

    static String money(double v, String currency) {
        return Figure.format(Math.round(v), currency);
    }

    /** Months below two years, years above (one decimal under 10). */
    static String duration(Double months) {
        if (months == null) {
            return "never";
        }
        if (months < 24) {
            return Figure.format(months, "months");
        }
        double y = months / 12;
        return String.format(Locale.ROOT, y < 10 ? "%.1f years" : "%.0f years", y);
    }

    private static String years(double y) {
        return Figure.format(y, y == 1 ? "year" : "years");
    }
}
