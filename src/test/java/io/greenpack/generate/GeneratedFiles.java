package io.greenpack.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** Reads what the generator wrote, independently of the generator's code (no Spark). */
final class GeneratedFiles {
    final Path dir;
    final JsonNode truth;
    final Map<String, String[]> hosts = new LinkedHashMap<>();

    GeneratedFiles(Path dir) {
        this.dir = dir;
        try {
            truth = new ObjectMapper().readTree(dir.resolve("truth.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String[]> rows = rows("hosts.csv");
        for (String[] r : rows.subList(1, rows.size())) {
            hosts.put(r[0], r);
        }
    }

    int cores(String host) {
        return Integer.parseInt(hosts.get(host)[3]);
    }

    String model(String host) {
        return hosts.get(host)[1];
    }

    /** All lines split on commas (header included, index = line number - 1). */
    List<String[]> rows(String name) {
        Path p = dir.resolve(name);
        if (!Files.exists(p)) {
            p = dir.resolve(name + ".gz");
        }
        List<String[]> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(p);
             BufferedReader r = new BufferedReader(new InputStreamReader(
                     p.toString().endsWith(".gz") ? new GZIPInputStream(in) : in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                out.add(line.split(",", -1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static Double number(String s) {
        try {
            double d = Double.parseDouble(s);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The true mean watts of a model at utilization u, from truth.json alone. */
    double trueWatts(String model, double u) {
        JsonNode m = truth.get("models").get(model);
        double idle = m.get("idle_watts").asDouble();
        double max = m.get("max_watts").asDouble();
        double r = m.get("exponent").asDouble();
        boolean fan = "fan".equals(m.get("family").asText());
        return idle + (max - idle) * (fan ? 2 * u - Math.pow(u, r) : u);
    }

    static double percentile(List<Double> xs, double q) {
        if (xs.isEmpty()) {
            return 0;
        }
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        return s.get(Math.min(s.size() - 1, (int) Math.ceil(q * s.size()) - 1));
    }
}
