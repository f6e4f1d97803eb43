package io.greenpack.savings;

import java.util.Objects;

/**
 * One consolidation option of a run, as the {@code plan_options} table and every output show it
 * (DESIGN §5 and §7). Money is in the scenario's currency; energy is facility energy (IT × PUE);
 * CO2e in kilograms.
 *
 * @param option                  {@code decommission}, {@code reuse}, {@code refresh} or {@code best}
 * @param planned                 false when the option could not be planned; {@code reason} says why
 * @param reason                  why the option was not planned, or a short description of what it does
 * @param hostsBefore             hosts in scope today
 * @param hostsAfter              hosts on after the option (kept existing hosts + new ones)
 * @param serversFreed            existing hosts switched off
 * @param rackUnitsFreed          rack units of the switched-off hosts less those of new hardware
 * @param kwhSavedPerYear         facility kWh saved per year
 * @param moneySavedPerYear       energy + support + licence money saved per year
 * @param capex                   hardware bought (price, blade chassis included) + moves' one-time cost
 * @param tcoOverHorizon          total cost of ownership of the fleet after the option over the horizon
 * @param paybackMonths           capex ÷ monthly money saved; {@code null} when it never pays back
 * @param co2eAvoidedOverHorizonKg operational CO2e avoided over the horizon, net of embodied CO2e
 * @param embodiedCo2eKg          manufacturing CO2e of the new hardware
 * @param moves                   apps that change host (live migrations and P2V conversions)
 * @param p2vMoves                of those, moves off a {@code physical} host
 * @param contentionShare         replayed share of host-intervals above the headroom line (0..1)
 * @param lowerBound              the solver's lower bound on hosts after
 * @param gap                     (hosts after − lower bound) ÷ lower bound
 * @param recommended             true for exactly one option of a run when any option is recommended
 */
public record PlanOption(String option, boolean planned, String reason,
                         int hostsBefore, int hostsAfter, int serversFreed, double rackUnitsFreed,
                         double kwhSavedPerYear, double moneySavedPerYear, double capex, double tcoOverHorizon,
                         Double paybackMonths, double co2eAvoidedOverHorizonKg, double embodiedCo2eKg,
                         int moves, int p2vMoves, double contentionShare, int lowerBound, double gap,
                         boolean recommended) implements java.io.Serializable {

    public static final String DECOMMISSION = "decommission";
    public static final String REUSE = "reuse";
    public static final String REFRESH = "refresh";
    public static final String BEST = "best";

    public PlanOption {
        Objects.requireNonNull(option, "option");
        Objects.requireNonNull(reason, "reason");
    }

    /** This row with another replayed contention share. */
    public PlanOption withContentionShare(double share) {
        return copy(option, reason, share, recommended);
    }

    /** The same figures under another option's name and reason, not recommended. */
    public PlanOption as(String otherOption, String otherReason) {
        return copy(otherOption, otherReason, contentionShare, false);
    }

    /** The same option, marked as the one the verdict recommends. */
    public PlanOption asRecommended() {
        return copy(option, reason, contentionShare, true);
    }

    private PlanOption copy(String name, String why, double share, boolean isRecommended) {
        return new PlanOption(name, planned, why, hostsBefore, hostsAfter, serversFreed, rackUnitsFreed,
                kwhSavedPerYear, moneySavedPerYear, capex, tcoOverHorizon, paybackMonths, co2eAvoidedOverHorizonKg,
                embodiedCo2eKg, moves, p2vMoves, share, lowerBound, gap, isRecommended);
    }

    /** True when the option pays back within the horizon (nothing bought counts as paying back at once). */
    public boolean paysBackWithin(double horizonYears) {
        return paybackMonths != null && paybackMonths <= horizonYears * 12;
    }
}
