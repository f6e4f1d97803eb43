package io.greenpack.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;

/** Data rows of a generated fleet, summed over its files from truth.json's {@code data_rows}. */
record DataRows(long utilization, long power) {

    static DataRows of(JsonNode truth) {
        long utilization = 0;
        long power = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = truth.path("data_rows").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().startsWith("utilization")) {
                utilization += e.getValue().asLong();
            } else if (e.getKey().startsWith("power")) {
                power += e.getValue().asLong();
            }
        }
        return new DataRows(utilization, power);
    }
}
