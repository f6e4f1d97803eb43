package io.greenpack.config;

import java.util.List;
import java.util.Objects;

/**
 * A loaded what-if file: the base scenario and every point to evaluate, in order — the base
 * first, then the named scenarios as written, then the sweep's cartesian product.
 *
 * @param points  the scenarios of the points (parameter changes only)
 * @param whatIf  the same points with their offload or harvest settings, index by index
 */
public record ScenarioSet(Scenario base, List<Scenario> points, List<WhatIfPoint> whatIf) {
    public ScenarioSet {
        Objects.requireNonNull(base, "base");
        points = List.copyOf(points);
        whatIf = List.copyOf(whatIf);
        if (whatIf.size() != points.size()) {
            throw new IllegalArgumentException("points and what-if points differ in number");
        }
    }

    /** Points without offload or harvest. */
    public ScenarioSet(Scenario base, List<Scenario> points) {
        this(base, points, points.stream().map(s -> WhatIfPoint.of(s, s == base ? "base" : "scenario")).toList());
    }
}
