package io.greenpack.correlate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The parts of a generator's truth.json (written by {@code generate.Truth}) that the analysis tests check against. */
record TruthFile(Map<String, ModelTruth> models, Map<String, String> appClasses, List<String> comatoseHosts) {

    record ModelTruth(double idleWatts, double maxWatts, double exponent, String family) {
    }

    static TruthFile read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        Map<String, ModelTruth> models = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.get("models").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode m = e.getValue();
            models.put(e.getKey(), new ModelTruth(m.get("idle_watts").asDouble(), m.get("max_watts").asDouble(),
                    m.get("exponent").asDouble(), m.get("family").asText()));
        }
        Map<String, String> classes = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.get("apps").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            classes.put(e.getKey(), e.getValue().get("class").asText());
        }
        List<String> coma = new ArrayList<>();
        root.get("comatose_hosts").forEach(n -> coma.add(n.asText()));
        return new TruthFile(models, classes, coma);
    }
}
