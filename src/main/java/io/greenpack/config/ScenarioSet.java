package io.greenpack.config;

import java.util.List;
import java.util.Objects;

/**
 * A loaded what-if file: the base scenario and every point to evaluate, in order — the base
 * first, then the named scenarios as written, then the sweep's cartesian product.
 */
public record ScenarioSet(Scenario base, List<Scenario> points) {
    public ScenarioSet {
        Objects.requireNonNull(base, "base");
        points = List.copyOf(points);
    }
}
