package io.greenpack.report;

import io.greenpack.savings.PlanOption;
import io.greenpack.savings.Scope;
import io.greenpack.savings.Verdict;

import java.util.List;

/** Hand-made verdicts for the renderers' tests: four options, and one where nothing pays back. */
final class Verdicts {
    private Verdicts() {
    }

    static PlanOption option(String name, int after, double saved, double capex, Double payback, boolean recommended,
                             double contention) {
        return new PlanOption(name, true, "what " + name + " does", 40, after, 40 - after, 40 - after,
                saved * 5, saved, capex, 100_000 - saved, payback, saved * 2, capex / 10, 30, 4, contention, after - 1,
                0.05, recommended);
    }

    static Scope scope() {
        return new Scope(38, 40, 140, 150, List.of(new Scope.KeptHost("db-01", "pinned: app-ledger"),
                new Scope.KeptHost("gpu-01", "dedicated: app-render needs its own hardware")));
    }

    /** Reuse recommended; refresh and best do not pay back within 3 years; horizon 3 years, EUR. */
    static Verdict fourOptions() {
        return new Verdict(PlanOption.REUSE, "Reuse 9 of your servers and switch off 31: saves 12,300 EUR/year, nothing "
                + "to buy; buying new hardware would pay back in 16 years.", List.of(
                option(PlanOption.DECOMMISSION, 34, 4_100, 0, 0.0, false, 0.0),
                option(PlanOption.REUSE, 9, 12_300, 0, 0.0, true, 0.021),
                option(PlanOption.REFRESH, 5, 14_000, 224_000, 192.0, false, 0.034),
                option(PlanOption.BEST, 7, 13_100, 180_000, 165.0, false, 0.03)), scope(), 3, "EUR");
    }

    /** One option that does not pay back: nothing is recommended. */
    static Verdict nothingPaysBack() {
        return new Verdict(null, "Do not buy new hardware for energy alone: replacing 40 servers with 5 new ones saves "
                + "3,131 EUR a year for 50,000 EUR of hardware and does not pay back within 3 years (192 months).",
                List.of(option(PlanOption.REFRESH, 5, 3_131, 50_000, 192.0, false, 0.04)), scope(), 3, "EUR");
    }
}
