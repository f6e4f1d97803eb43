package io.greenpack.consolidate;

import io.greenpack.config.Scenario;
import io.greenpack.model.AppDemandVector;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What the four options of a scenario are planned from, as plain serializable values: the same for
 * {@code report} and for every what-if point with the same data key (a what-if run broadcasts it).
 *
 * @param fleet          the analysis' demand, measured hosts, targets and energy per app
 * @param flatDemand     the demand sized at one percentile over the window
 * @param hourlyDemand   the demand sized per hour of day
 * @param existing       today's measured hosts as candidates of the plans
 * @param physical       hosts whose role is {@code physical} (a move off one is a P2V conversion)
 * @param inventoryHosts hosts in hosts.csv, measured or not (the scope's "of M hosts")
 */
public record OptionInputs(FleetInputs fleet, List<AppDemandVector> flatDemand, List<AppDemandVector> hourlyDemand,
                           List<ExistingHost> existing, Set<String> physical, int inventoryHosts) implements Serializable {
    public OptionInputs {
        flatDemand = List.copyOf(flatDemand);
        hourlyDemand = List.copyOf(hourlyDemand);
        existing = List.copyOf(existing);
        physical = Set.copyOf(physical);
    }

    /** Yearly support and licence of today's measured hosts (the running cost besides energy). */
    public double ownershipPerYear(Scenario s) {
        Map<String, ExistingHost> byHost = new HashMap<>();
        existing.forEach(h -> byHost.put(h.host(), h));
        return fleet.measured().stream().map(m -> byHost.get(m.host())).filter(Objects::nonNull)
                .mapToDouble(h -> OptionEvaluator.perYear(h, s)).sum();
    }

    /** The same fleet with only the demand vectors {@code keep} accepts, in every sizing (what an offload leaves). */
    public OptionInputs keeping(Predicate<AppDemandVector> keep) {
        return new OptionInputs(fleet.withDemand(fleet.demand().stream().filter(keep).toList()),
                flatDemand.stream().filter(keep).toList(), hourlyDemand.stream().filter(keep).toList(), existing, physical,
                inventoryHosts);
    }
}
