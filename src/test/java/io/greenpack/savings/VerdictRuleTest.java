package io.greenpack.savings;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The recommendation rule on hand-made rows: lowest TCO that pays back within the horizon, ties to fewer moves. */
class VerdictRuleTest {
    private static final Scope SCOPE = new Scope(10, 10, 30, 30, List.of());

    private static PlanOption row(String option, int hostsAfter, int freed, double savedPerYear, double capex, double tco,
                                  Double payback, int moves) {
        return new PlanOption(option, true, "", 10, hostsAfter, freed, 0, 0, savedPerYear, capex, tco, payback, 0, 0,
                moves, 0, 0, 0, 0, false);
    }

    @Test
    void anOptionThatDoesNotPayBackWithinTheHorizonIsNeverRecommendedEvenWithTheLowestTco() {
        // refresh: lowest TCO, but 40 months > 36.
        PlanOption reuse = row(PlanOption.REUSE, 6, 4, 1000, 0, 9000, 0.0, 8);
        PlanOption refresh = row(PlanOption.REFRESH, 3, 10, 3000, 10000, 8000, 40.0, 30);
        Verdict v = VerdictRule.decide(List.of(reuse, refresh), SCOPE, 3, "EUR");
        assertThat(v.recommendedOption()).isEqualTo(PlanOption.REUSE);
        assertThat(v.sentence()).isEqualTo("Reuse 6 of your servers and switch off 4: saves 1,000 EUR/year, nothing to buy; "
                + "buying new hardware would pay back in 3.3 years.");
        assertThat(v.options()).filteredOn(PlanOption::recommended).extracting(PlanOption::option)
                .containsExactly(PlanOption.REUSE);
    }

    @Test
    void tcosWithinATenthOfAPercentAreATieThatGoesToFewerMoves() {
        PlanOption reuse = row(PlanOption.REUSE, 6, 4, 1000, 0, 9005, 0.0, 12);
        PlanOption best = row(PlanOption.BEST, 6, 4, 1001, 0, 9000, 0.0, 20);
        assertThat(VerdictRule.decide(List.of(reuse, best), SCOPE, 3, "EUR").recommendedOption()).isEqualTo(PlanOption.REUSE);
        PlanOption clearlyCheaper = row(PlanOption.BEST, 6, 4, 1500, 0, 8000, 0.0, 20);
        assertThat(VerdictRule.decide(List.of(reuse, clearlyCheaper), SCOPE, 3, "EUR").recommendedOption())
                .isEqualTo(PlanOption.BEST);
    }

    @Test
    void nothingThatSavesMeansKeepTheFleet() {
        PlanOption reuse = row(PlanOption.REUSE, 10, 0, -50, 0, 9000, null, 0);
        Verdict v = VerdictRule.decide(List.of(reuse), SCOPE, 3, "EUR");
        assertThat(v.recommendedOption()).isNull();
        assertThat(v.recommended()).isEmpty();
        assertThat(v.sentence()).startsWith("Keep the fleet as it is");
    }
}
