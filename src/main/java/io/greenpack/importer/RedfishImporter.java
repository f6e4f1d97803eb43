package io.greenpack.importer;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenpack.util.UserError;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;

/**
 * Redfish resources collected over time (DMTF DSP0268): one JSON document per file, or many
 * (JSON lines or simply one after another). Readings used, by {@code @odata.type}:
 * <ul>
 * <li>{@code #Power.v1_x.Power} (deprecated but still served by most BMCs): the first
 *     {@code PowerControl[]} entry with a reading; watts = {@code PowerMetrics.AverageConsumedWatts}
 *     (the mean over IntervalInMin, which is what power.csv's watts mean) when present, else the
 *     instantaneous {@code PowerConsumedWatts}. Further PowerControl entries are skipped: on many
 *     BMCs they are sub-domains of the first and would count twice.</li>
 * <li>{@code #EnvironmentMetrics} (Chassis/…/EnvironmentMetrics, the PowerSubsystem era):
 *     {@code PowerWatts.Reading} → watts, else {@code EnergykWh.Reading} → energy_wh (× 1000, a
 *     cumulative counter).</li>
 * <li>{@code #PowerSupplyMetrics}: {@code InputPowerWatts.Reading} → watts with psu = the supply's
 *     {@code Id}. {@code #PowerSubsystem} itself holds no reading and is skipped.</li>
 * </ul>
 * Redfish has no collection time in these resources, so the time is, in order: the document's
 * {@code @greenpack.CollectedAt} (ISO-8601, an annotation a collector adds, e.g.
 * {@code jq '. + {"@greenpack.CollectedAt": (now|todate)}'}); a {@code ReadingTime} beside the
 * reading (Sensor excerpts of newer services); {@code Oem.<vendor>.Timestamp}; the file name
 * through --time-from-filename. Host: {@code @greenpack.Host}, else --host, else the file name up
 * to its first dot.
 */
final class RedfishImporter implements Importer {
    static final String COLLECTED_AT = "@greenpack.CollectedAt";
    static final String HOST = "@greenpack.Host";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void convert(Path file, ImportOptions options, CanonicalWriter out) {
        try (InputStream in = ExportLines.stream(file); JsonParser p = JSON.createParser(in)) {
            long docs = 0;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                long line = p.currentLocation().getLineNr();
                if (t != JsonToken.START_OBJECT) {
                    throw new UserError(file + ", line " + line + ": found " + t + ", expected a Redfish JSON object");
                }
                JsonNode doc = p.readValueAsTree();
                docs++;
                out.recordsIn(1);
                document(file, line, doc, options, out);
            }
            if (docs == 0) {
                throw new UserError(file + ": the file is empty; expected " + CanonicalWriter.expected(ImportFormat.REDFISH));
            }
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            throw new UserError(file + (l == null ? "" : ", line " + l.getLineNr() + ", column " + l.getColumnNr())
                    + ": not valid JSON (" + e.getOriginalMessage() + "); expected complete Redfish JSON documents", e);
        } catch (IOException e) {
            throw new UserError(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private void document(Path file, long line, JsonNode doc, ImportOptions options, CanonicalWriter out) {
        String where = file + ", line " + line;
        String type = doc.path("@odata.type").asText("");
        String host = doc.hasNonNull(HOST) ? doc.get(HOST).asText()
                : options.host() != null ? options.host() : ExportText.stem(file);
        if (type.startsWith("#Power.") || (type.isEmpty() && doc.has("PowerControl"))) {
            JsonNode controls = doc.path("PowerControl");
            boolean used = false;
            for (int i = 0; i < controls.size(); i++) {
                JsonNode c = controls.get(i);
                String base = "PowerControl[" + i + "]";
                Double avg = number(where, c.path("PowerMetrics").path("AverageConsumedWatts"), base + ".PowerMetrics.AverageConsumedWatts");
                Double now = number(where, c.path("PowerConsumedWatts"), base + ".PowerConsumedWatts");
                if (avg == null && now == null) {
                    continue;
                }
                if (used) {
                    out.skip("further PowerControl entry (often a sub-domain of the first; it would count twice)", where);
                    continue;
                }
                out.power(time(file, where, doc, c, options), host, avg != null ? avg : now, null, "", "redfish");
                used = true;
            }
            if (!used) {
                out.skip("Power resource without PowerConsumedWatts", where);
            }
        } else if (type.startsWith("#EnvironmentMetrics.") || (type.isEmpty() && doc.has("PowerWatts"))) {
            Double watts = number(where, doc.path("PowerWatts").path("Reading"), "PowerWatts.Reading");
            Double kwh = number(where, doc.path("EnergykWh").path("Reading"), "EnergykWh.Reading");
            if (watts != null) {
                out.power(time(file, where, doc, doc.path("PowerWatts"), options), host, watts, null, "", "redfish");
            } else if (kwh != null) {
                out.power(time(file, where, doc, doc.path("EnergykWh"), options), host, null, kwh * 1000, "", "redfish");
            } else {
                out.skip("EnvironmentMetrics without PowerWatts or EnergykWh reading", where);
            }
        } else if (type.startsWith("#PowerSupplyMetrics.")) {
            Double watts = number(where, doc.path("InputPowerWatts").path("Reading"), "InputPowerWatts.Reading");
            if (watts != null) {
                out.power(time(file, where, doc, doc.path("InputPowerWatts"), options), host, watts, null,
                        doc.path("Id").asText(""), "redfish");
            } else {
                out.skip("PowerSupplyMetrics without InputPowerWatts reading", where);
            }
        } else if (type.startsWith("#PowerSubsystem.")) {
            out.skip("PowerSubsystem holds no reading (collect Chassis EnvironmentMetrics or PowerSupplyMetrics)", where);
        } else {
            out.skip("not a Redfish power resource (@odata.type " + (type.isEmpty() ? "missing" : type) + ")", where);
        }
    }

    /** A reading: null when absent or JSON null (Redfish's "no reading"); a number, or an error naming the field. */
    private static Double number(String where, JsonNode v, String field) {
        if (v.isMissingNode() || v.isNull()) {
            return null;
        }
        if (!v.isNumber() || !Double.isFinite(v.asDouble()) || v.asDouble() < 0) {
            throw new UserError(where + ", field " + field + ": found " + ExportText.shown(v.toString())
                    + ", expected a non-negative JSON number");
        }
        return v.asDouble();
    }

    private static Instant time(Path file, String where, JsonNode doc, JsonNode reading, ImportOptions options) {
        if (doc.hasNonNull(COLLECTED_AT)) {
            return iso(where, doc.get(COLLECTED_AT).asText(), COLLECTED_AT);
        }
        if (reading.hasNonNull("ReadingTime")) {
            return iso(where, reading.get("ReadingTime").asText(), "ReadingTime");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("Oem").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> vendor = it.next();
            if (vendor.getValue().hasNonNull("Timestamp")) {
                return iso(where, vendor.getValue().get("Timestamp").asText(), "Oem." + vendor.getKey() + ".Timestamp");
            }
        }
        if (options.timeFromFilename() != null) {
            return fromFileName(file, options);
        }
        throw new UserError(where + ": the document has no collection time; expected a \"" + COLLECTED_AT
                + "\" field (ISO-8601), a ReadingTime or Oem.<vendor>.Timestamp, or pass --time-from-filename PATTERN");
    }

    private static Instant iso(String where, String text, String field) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new UserError(where + ", field " + field + ": found " + ExportText.shown(text)
                    + ", expected ISO-8601 with offset like 2026-10-05T10:00:00Z");
        }
    }

    /** The first run of the file name that the pattern reads, in --zone. */
    static Instant fromFileName(Path file, ImportOptions options) {
        DateTimeFormatter f;
        try {
            f = DateTimeFormatter.ofPattern(options.timeFromFilename());
        } catch (IllegalArgumentException e) {
            throw new UserError("--time-from-filename " + options.timeFromFilename() + ": not a java.time pattern ("
                    + e.getMessage() + "); expected e.g. yyyyMMdd'T'HHmmss");
        }
        String name = file.getFileName().toString();
        int length = f.format(LocalDateTime.of(2000, 1, 1, 0, 0)).length();
        for (int i = 0; i + length <= name.length(); i++) {
            try {
                return LocalDateTime.parse(name.substring(i, i + length), f).atZone(options.zone()).toInstant();
            } catch (DateTimeParseException e) {
                // not here; slide on
            }
        }
        throw new UserError(file + ": no time matching --time-from-filename " + options.timeFromFilename()
                + " in the file name " + ExportText.shown(name));
    }
}
