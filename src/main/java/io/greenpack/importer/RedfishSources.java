package io.greenpack.importer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Redfish serves the same chassis power several times over: a MetricReport series, the
 * EnvironmentMetrics reading, the deprecated Power resource's PowerControl, and each supply's
 * PowerSupplyMetrics. Adding them up counts one chassis two or three times (DMTF's public-tower
 * mockup has all of the last three). So the readings are held until every file is read and, per
 * host, only the best source present is written, in this order: MetricReport (a real time
 * series), EnvironmentMetrics, Power, the supplies (one psu per bay, which ingest sums). The
 * others are skipped and counted.
 */
final class RedfishSources {
    enum Source {
        METRIC_REPORT("MetricReport"), ENVIRONMENT("EnvironmentMetrics"), POWER("Power PowerControl"),
        SUPPLIES("PowerSupplyMetrics");

        final String label;

        Source(String label) {
            this.label = label;
        }
    }

    /** One reading: watts, or a cumulative energyWh counter; psu empty for a whole-chassis reading. */
    record Reading(String host, Source source, Instant ts, Double watts, Double energyWh, String psu, String where) {
    }

    private final Map<String, List<Reading>> byHost = new LinkedHashMap<>();

    void add(Reading r) {
        byHost.computeIfAbsent(r.host(), h -> new ArrayList<>()).add(r);
    }

    /** Writes each host's readings of its best source; one reading per time and psu (the first). */
    void write(CanonicalWriter out) {
        byHost.forEach((host, readings) -> {
            Source best = readings.stream().map(Reading::source).min(Enum::compareTo).orElseThrow();
            Set<String> seen = new HashSet<>();
            for (Reading r : readings) {
                if (r.source() != best) {
                    out.skip(r.source().label + " of a host that has " + best.label + " (not added on top: it would count twice)", r.where());
                } else if (!seen.add(r.ts() + "\0" + r.psu())) {
                    out.skip("second " + r.source().label + " reading for the same host, time and supply", r.where());
                } else {
                    out.power(r.ts(), host, r.watts(), r.energyWh(), r.psu(), "redfish");
                }
            }
        });
    }
}
