package io.greenpack.savings;

import io.greenpack.config.Scenario;
import io.greenpack.model.TargetModel;
import io.greenpack.util.UserError;

import java.util.List;
import java.util.Objects;

/**
 * Everything {@link Savings#compute} needs, as plain values.
 *
 * @param measured               today's hosts with their measured energy
 * @param plan                   the plan's hosts with their planned loads ({@link PlannedHost#from})
 * @param catalog                the target models the plan uses (power curve, price, space, chassis)
 * @param placements             where each app runs today, for the migration plan (may be empty)
 * @param scenario               tariff, PUE, grid intensity, headroom, hypervisor overhead, migration bandwidth
 * @param windowHours            length of the data window, hours (for the report; each host is scaled by its own hours)
 * @param modelErrorFraction     relative error of the power model, e.g. its MAPE as a fraction (0.05 = 5 %)
 * @param measuredKwhByHourOfDay optional: the fleet's measured kWh per hour of day (24 values, UTC), used
 *                               to weight an hourly grid-intensity profile; null = spread evenly
 */
public record SavingsInput(List<MeasuredHost> measured, List<PlannedHost> plan, List<TargetModel> catalog,
                           List<VmPlacement> placements, Scenario scenario, double windowHours,
                           double modelErrorFraction, double[] measuredKwhByHourOfDay) {

    public SavingsInput {
        measured = List.copyOf(measured);
        plan = List.copyOf(plan);
        catalog = List.copyOf(catalog);
        placements = List.copyOf(placements == null ? List.of() : placements);
        Objects.requireNonNull(scenario, "scenario");
        if (!(windowHours > 0)) {
            throw new UserError("the data window must be longer than 0 hours, got " + windowHours);
        }
        if (!(modelErrorFraction >= 0 && modelErrorFraction < 1)) {
            throw new UserError("power model error: expected a fraction in [0,1), got " + modelErrorFraction
                    + (modelErrorFraction >= 1 ? " — was it a percentage? (5 % is 0.05)" : ""));
        }
        if (measuredKwhByHourOfDay != null) {
            if (measuredKwhByHourOfDay.length != 24) {
                throw new IllegalArgumentException("measured kWh by hour of day needs 24 values, got "
                        + measuredKwhByHourOfDay.length);
            }
            measuredKwhByHourOfDay = measuredKwhByHourOfDay.clone();
        }
    }

    /** The common case: no placements, no hourly measurement. */
    public static SavingsInput of(List<MeasuredHost> measured, List<PlannedHost> plan, List<TargetModel> catalog,
                                  Scenario scenario, double windowHours, double modelErrorFraction) {
        return new SavingsInput(measured, plan, catalog, List.of(), scenario, windowHours, modelErrorFraction, null);
    }

    public SavingsInput withPlacements(List<VmPlacement> p) {
        return new SavingsInput(measured, plan, catalog, p, scenario, windowHours, modelErrorFraction, measuredKwhByHourOfDay);
    }
}
