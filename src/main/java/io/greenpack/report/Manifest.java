package io.greenpack.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * {@code manifest.json}: what a run was made from and how long it took, so a report can be traced
 * back and reproduced. Key order is stable: record fields in declaration order, {@code scenario}
 * and {@code rowCounts} sorted by key (also nested maps), {@code timingsSeconds} in the order the
 * stages ran (insertion order).
 */
@JsonPropertyOrder({"greenpackVersion", "javaVersion", "sparkVersion", "commandLine", "inputs", "scenario",
        "timingsSeconds", "rowCounts", "startedUtc", "finishedUtc"})
public record Manifest(
        String greenpackVersion,
        String javaVersion,
        String sparkVersion,
        List<String> commandLine,
        List<InputFile> inputs,
        Map<String, Object> scenario,
        Map<String, Double> timingsSeconds,
        Map<String, Long> rowCounts,
        Instant startedUtc,
        Instant finishedUtc) {

    /** One input file: its path as given, size and SHA-256 (hex). */
    @JsonPropertyOrder({"path", "bytes", "sha256"})
    public record InputFile(String path, long bytes, String sha256) {
        /** Reads the file once to checksum it. */
        public static InputFile of(Path file) throws IOException {
            MessageDigest sha = RunFolder.sha256();
            long size = 0;
            byte[] buf = new byte[1 << 16];
            try (InputStream in = Files.newInputStream(file)) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    sha.update(buf, 0, n);
                    size += n;
                }
            }
            return new InputFile(file.toString(), size, HexFormat.of().formatHex(sha.digest()));
        }
    }

    public Manifest {
        commandLine = List.copyOf(Objects.requireNonNullElse(commandLine, List.of()));
        inputs = List.copyOf(Objects.requireNonNullElse(inputs, List.of()));
        scenario = Collections.unmodifiableMap(sorted(Objects.requireNonNullElse(scenario, Map.of())));
        timingsSeconds = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNullElse(timingsSeconds, Map.of())));
        rowCounts = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNullElse(rowCounts, Map.of())));
    }

    /** The running JVM's version, for {@code javaVersion}. */
    public static String currentJavaVersion() {
        return System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")";
    }

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS) // ISO-8601 strings, "…Z"
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) // newer manifests stay readable
            .build();

    public String toJson() {
        try {
            return JSON.writeValueAsString(this) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("manifest cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static Manifest fromJson(String json) throws IOException {
        return JSON.readValue(json, Manifest.class);
    }

    /** Writes {@code manifest.json} (or any path) atomically. */
    public void write(Path file) throws IOException {
        RunFolder.writeStringAtomically(file, toJson());
    }

    /** A copy with every nested map sorted by key, so that equal scenarios give equal JSON. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> sorted(Map<String, ?> map) {
        Map<String, Object> out = new TreeMap<>();
        map.forEach((k, v) -> out.put(k, sortedValue(v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object sortedValue(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> copy = new TreeMap<>();
            m.forEach((k, x) -> copy.put(String.valueOf(k), sortedValue(x)));
            return copy;
        }
        if (v instanceof List<?> l) {
            List<Object> copy = new ArrayList<>(l.size());
            l.forEach(x -> copy.add(sortedValue(x)));
            return copy;
        }
        return v;
    }
}
