package io.greenpack.consolidate;

import io.greenpack.model.TargetModel;
import io.greenpack.savings.MeasuredHost;
import io.greenpack.model.AppDemandVector;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Everything the consolidate stage needs from the analysis, as plain serializable values: what a
 * what-if run broadcasts to its Spark tasks (inside {@link OptionInputs}; no Datasets, nothing tied to the driver).
 *
 * @param demand          sized demand vectors of every app on every host (at one percentile / hourly setting)
 * @param measured        today's hosts with measured energy (hosts with no measured interval left out)
 * @param targets         the whole target catalog (a scenario selects from it)
 * @param windowHours     length of the data window, hours
 * @param modelError      the power models' mean absolute percentage error, as a fraction
 * @param appKwh          measured energy attributed to each demand vector (by its id) over the window, kWh
 * @param owners          owner of each app from apps.csv (apps without one are absent)
 */
public record FleetInputs(List<AppDemandVector> demand, List<MeasuredHost> measured, List<TargetModel> targets,
                          double windowHours, double modelError, Map<String, Double> appKwh,
                          Map<String, String> owners) implements Serializable {
    public FleetInputs {
        demand = List.copyOf(demand);
        measured = List.copyOf(measured);
        targets = List.copyOf(targets);
        appKwh = Map.copyOf(appKwh);
        owners = Map.copyOf(owners);
    }

    /** The same fleet with only these demand vectors (e.g. what is left after an offload). */
    public FleetInputs withDemand(List<AppDemandVector> d) {
        return new FleetInputs(d, measured, targets, windowHours, modelError, appKwh, owners);
    }
}
