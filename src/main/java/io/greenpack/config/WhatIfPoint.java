package io.greenpack.config;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One point of a what-if file: a scenario plus, optionally, an offload or a harvest.
 *
 * @param kind    "base", "scenario" (a named one) or "sweep"
 * @param offload null unless the point moves apps to a provider
 * @param harvest null unless the point keeps free capacity on for batch work
 */
public record WhatIfPoint(Scenario scenario, String kind, Offload offload, Harvest harvest) implements Serializable {
    public WhatIfPoint {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(kind, "kind");
    }

    public static WhatIfPoint of(Scenario s, String kind) {
        return new WhatIfPoint(s, kind, null, null);
    }

    public String name() {
        return scenario.name();
    }

    /**
     * The point's settings as flat "key → text" (hypervisor.cpu_overhead, targets joined by " + ",
     * offload as one description, harvest.share), without the name: what the what-if table shows
     * per point and compares with the base to find the columns that vary.
     */
    public Map<String, String> parameters() {
        Map<String, String> out = new LinkedHashMap<>();
        scenario.toMap().forEach((k, v) -> {
            if (k.equals("name")) {
                return;
            }
            if (v instanceof Map<?, ?> m) {
                m.forEach((k2, v2) -> out.put(k + "." + k2, ScenarioFile.plain(v2)));
            } else if (v instanceof java.util.List<?> l) {
                out.put(k, k.equals("grid_gco2e_per_kwh") ? "hourly profile"
                        : String.join(" + ", l.stream().map(ScenarioFile::plain).toList()));
            } else {
                out.put(k, ScenarioFile.plain(v));
            }
        });
        out.put("offload", offload == null ? "" : offload.describe());
        out.put("harvest.share", harvest == null ? "" : ScenarioFile.plain(harvest.share()));
        return out;
    }
}
