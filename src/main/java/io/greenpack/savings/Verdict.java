package io.greenpack.savings;

import java.util.List;
import java.util.Optional;

/**
 * The decision a run leads with (DESIGN §5 "Options and verdict"): every option side by side, the
 * recommended one, and the sentence that justifies it. The recommended option has the lowest TCO
 * over the horizon among those that pay back within it; ties go to fewer moves.
 *
 * @param recommendedOption the option's name, or {@code null} when no option pays back
 * @param sentence          one sentence for a manager, e.g. "Reuse 9 of your servers and switch off 31:
 *                          saves 12,300 EUR/year, nothing to buy; buying new hardware would pay back in 16 years."
 * @param options           one row per option, in the order decommission, reuse, refresh, best
 * @param scope             what the options cover
 * @param horizonYears      the scenario's horizon
 * @param currency          the scenario's currency
 */
public record Verdict(String recommendedOption, String sentence, List<PlanOption> options, Scope scope,
                      double horizonYears, String currency) implements java.io.Serializable {

    public Verdict {
        options = List.copyOf(options);
    }

    public Optional<PlanOption> recommended() {
        return options.stream().filter(PlanOption::recommended).findFirst();
    }

    /**
     * The option the outputs describe: the recommended one, else the planned option with the lowest
     * TCO over the horizon (the closest to paying back, shown with its warnings).
     */
    public Optional<PlanOption> lead() {
        return recommended().or(() -> options.stream().filter(PlanOption::planned)
                .min(java.util.Comparator.comparingDouble(PlanOption::tcoOverHorizon)));
    }

    public Optional<PlanOption> option(String name) {
        return options.stream().filter(o -> o.option().equals(name)).findFirst();
    }
}
