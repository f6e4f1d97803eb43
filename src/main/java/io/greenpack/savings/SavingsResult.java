package io.greenpack.savings;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * The before/after comparison of one scenario (DESIGN §6). Energy figures are per year; "IT" is
 * what the servers draw, "facility" is IT × PUE (what the meter at the building sees and the bill
 * charges). Money and CO2e are computed from facility energy.
 *
 * @param scenario              the scenario's name
 * @param currency              the scenario's currency
 * @param beforeItKwhPerYear    measured, scaled to a year
 * @param afterHostsKwhPerYear  plan hosts through their power curves (modelled)
 * @param afterChassisKwhPerYear blade chassis (modelled from chassis_watts)
 * @param afterItKwhPerYear     hosts + chassis
 * @param afterItKwhLow         after × (1 − model error)
 * @param afterItKwhHigh        after × (1 + model error)
 * @param paybackMonths         hardware cost ÷ monthly money saved; +∞ when nothing is saved ("never")
 * @param afterWattsByHour      modelled IT power of the plan per hour of day (24 values, UTC)
 * @param figures               every number above with unit and provenance, in report order
 */
public record SavingsResult(String scenario, String currency, double windowHours, double pue,
                            double beforeItKwhPerYear, double afterHostsKwhPerYear, double afterChassisKwhPerYear,
                            double afterItKwhPerYear, double afterItKwhLow, double afterItKwhHigh,
                            double beforeFacilityKwhPerYear, double afterFacilityKwhPerYear,
                            double beforeMoneyPerYear, double afterMoneyPerYear,
                            double beforeCo2eKgPerYear, double afterCo2eKgPerYear,
                            int serversBefore, int serversAfter, int chassis, double rackUnitsBefore, double rackUnitsAfter,
                            double hardwareCost, double paybackMonths, double horizonYears,
                            double[] afterWattsByHour, List<HarvestHour> harvest, List<MigrationMove> migration,
                            List<OwnerShare> showback, List<Figure> figures) implements java.io.Serializable {

    public SavingsResult {
        afterWattsByHour = afterWattsByHour.clone();
        harvest = List.copyOf(harvest);
        migration = List.copyOf(migration);
        showback = List.copyOf(showback);
        figures = List.copyOf(figures);
    }

    /** The same result with another harvest (e.g. one computed from the sized rather than the mean load). */
    public SavingsResult withHarvest(List<HarvestHour> h) {
        return new SavingsResult(scenario, currency, windowHours, pue, beforeItKwhPerYear, afterHostsKwhPerYear,
                afterChassisKwhPerYear, afterItKwhPerYear, afterItKwhLow, afterItKwhHigh, beforeFacilityKwhPerYear,
                afterFacilityKwhPerYear, beforeMoneyPerYear, afterMoneyPerYear, beforeCo2eKgPerYear, afterCo2eKgPerYear,
                serversBefore, serversAfter, chassis, rackUnitsBefore, rackUnitsAfter, hardwareCost, paybackMonths,
                horizonYears, afterWattsByHour, h, migration, showback, figures);
    }

    public double facilityKwhSavedPerYear() {
        return beforeFacilityKwhPerYear - afterFacilityKwhPerYear;
    }

    /** Saved facility kWh per year when the plan draws more than modelled (after × (1 + error)). */
    public double facilityKwhSavedLow() {
        return (beforeItKwhPerYear - afterItKwhHigh) * pue;
    }

    /** Saved facility kWh per year when the plan draws less than modelled. */
    public double facilityKwhSavedHigh() {
        return (beforeItKwhPerYear - afterItKwhLow) * pue;
    }

    public double moneySavedPerYear() {
        return beforeMoneyPerYear - afterMoneyPerYear;
    }

    public double co2eKgSavedPerYear() {
        return beforeCo2eKgPerYear - afterCo2eKgPerYear;
    }

    public int serversFreed() {
        return serversBefore - serversAfter;
    }

    public double rackUnitsFreed() {
        return rackUnitsBefore - rackUnitsAfter;
    }

    public boolean paybackNever() {
        return Double.isInfinite(paybackMonths);
    }

    /** Money saved minus hardware cost after {@code months} months (negative until break-even). */
    public double netSavingsAfterMonths(double months) {
        return moneySavedPerYear() / 12.0 * months - hardwareCost;
    }

    /** The figure with this key. */
    public Figure figure(String key) {
        return figures.stream().filter(f -> f.key().equals(key)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no figure " + key));
    }

    /** The headline figures of the deck and summary, in this order. */
    public List<Figure> keyFigures() {
        return KEY_FIGURES.stream().map(this::figure).toList();
    }

    public static final List<String> KEY_FIGURES = List.of(
            "servers_freed", "facility_kwh_saved_per_year", "money_saved_per_year", "co2e_saved_per_year",
            "payback_months");
}
