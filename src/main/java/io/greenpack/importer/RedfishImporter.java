package io.greenpack.importer;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenpack.importer.RedfishSources.Reading;
import io.greenpack.importer.RedfishSources.Source;
import io.greenpack.util.UserError;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.Map;

/**
 * Redfish resources (DMTF DSP0268), one JSON document per file or many (JSON lines, or one after
 * another), as collectors save them: often a crawled folder tree of {@code index.json} files
 * ({@code <bmc>/redfish/v1/Chassis/<id>/Power/index.json}, as in DMTF's published mockups).
 * Readings used, by {@code @odata.type}:
 * <ul>
 * <li>{@code #Power.v1_x.Power}: the first {@code PowerControl[]} entry with a reading; watts =
 *     {@code PowerMetrics.AverageConsumedWatts} (the mean over IntervalInMin) when it is above
 *     zero, else the current {@code PowerConsumedWatts} (services that do not average report an
 *     average of 0 beside a real current reading). Further entries are sub-domains: skipped.</li>
 * <li>{@code #EnvironmentMetrics}: {@code PowerWatts.Reading} → watts, else {@code EnergykWh.Reading}
 *     → energy_wh (× 1000, cumulative).</li>
 * <li>{@code #PowerSupplyMetrics}: {@code InputPowerWatts.Reading} → watts of one psu, named by
 *     the bay in its {@code @odata.id} or path ({@code PowerSupplies/Bay1/Metrics}): the resource's
 *     own {@code Id} is "Metrics" for every supply, so it cannot tell two supplies apart.</li>
 * <li>{@code #MetricReport} (TelemetryService): each {@code MetricValues[]} entry whose
 *     {@code MetricProperty} is a chassis's PowerConsumedWatts, AverageConsumedWatts,
 *     PowerWatts/Reading or a supply's InputPowerWatts/Reading, at its own {@code Timestamp}.</li>
 * </ul>
 * Per host only one of these sources is written ({@link RedfishSources}).
 *
 * <p>Host: {@code @greenpack.Host}; else, in a folder tree, the folder above {@code Chassis} (or
 * above {@code redfish/v1}; --host replaces it) joined with the chassis id: {@code public-tower-Tower};
 * else --host, else the file name up to its first dot. Time, in order: {@code @greenpack.CollectedAt}
 * (ISO-8601, an annotation a collector adds), a {@code ReadingTime} beside the reading,
 * {@code Oem.<vendor>.Timestamp}, the file name through --time-from-filename, and last the
 * file's modification time (to the second), which IMPORT.md then states.
 * A bad document (invalid JSON, a reading that is no number) is a rejected row; the rest goes on.
 */
final class RedfishImporter implements Importer {
    static final String COLLECTED_AT = "@greenpack.CollectedAt";
    static final String HOST = "@greenpack.Host";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RedfishSources sources = new RedfishSources();
    private long timesFromFiles;

    @Override
    public void convert(Path file, ImportOptions options, CanonicalWriter out) {
        long docs = 0;
        try (InputStream in = ExportLines.stream(file); JsonParser p = JSON.createParser(in)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                long line = p.currentLocation().getLineNr();
                if (t != JsonToken.START_OBJECT) {
                    throw new UserError(file + ", line " + line + ": found " + t + ", expected a Redfish JSON object");
                }
                JsonNode doc = p.readValueAsTree();
                docs++;
                out.recordsIn(1);
                try {
                    document(file, line, doc, options, out);
                } catch (RowRejected r) {
                    out.reject(file, line, r, doc.toString());
                }
            }
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            long line = l == null ? 0 : l.getLineNr();
            out.recordsIn(1);
            out.reject(file, line, new RowRejected("not valid JSON", file + (l == null ? "" : ", line " + line + ", column "
                    + l.getColumnNr()) + ": not valid JSON (" + e.getOriginalMessage() + "); expected complete Redfish JSON documents"), "");
            return;
        } catch (IOException e) {
            throw new UserError(file + ": cannot read: " + e.getMessage(), e);
        }
        if (docs == 0) {
            throw new UserError(file + ": the file is empty; expected " + CanonicalWriter.expected(ImportFormat.REDFISH));
        }
    }

    @Override
    public void finish(ImportOptions options, CanonicalWriter out) {
        sources.write(out);
        if (timesFromFiles > 0) {
            out.note("redfish: " + timesFromFiles + " documents carry no collection time; each is taken at its file's "
                    + "modification time (to the second). Add \"" + COLLECTED_AT + "\" when collecting, or use --time-from-filename.");
        }
    }

    private void document(Path file, long line, JsonNode doc, ImportOptions options, CanonicalWriter out) {
        String where = file + ", line " + line;
        String type = doc.path("@odata.type").asText("");
        if (type.startsWith("#MetricReport.")) {
            metricReport(file, where, doc, options, out);
            return;
        }
        String host = doc.hasNonNull(HOST) ? doc.get(HOST).asText() : RedfishPaths.host(file, options);
        if (type.startsWith("#Power.") || (type.isEmpty() && doc.has("PowerControl"))) {
            powerControl(file, where, doc, host, options, out);
        } else if (type.startsWith("#EnvironmentMetrics.") || (type.isEmpty() && doc.has("PowerWatts"))) {
            Double watts = number(where, doc.path("PowerWatts").path("Reading"), "PowerWatts.Reading");
            Double kwh = number(where, doc.path("EnergykWh").path("Reading"), "EnergykWh.Reading");
            JsonNode reading = watts != null ? doc.path("PowerWatts") : doc.path("EnergykWh");
            if (watts == null && kwh == null) {
                out.skip("EnvironmentMetrics without PowerWatts or EnergykWh reading", where);
                return;
            }
            sources.add(new Reading(host, Source.ENVIRONMENT, time(file, where, doc, reading, options), watts,
                    watts == null ? kwh * 1000 : null, "", where));
        } else if (type.startsWith("#PowerSupplyMetrics.")) {
            Double watts = number(where, doc.path("InputPowerWatts").path("Reading"), "InputPowerWatts.Reading");
            if (watts == null) {
                out.skip("PowerSupplyMetrics without InputPowerWatts reading", where);
                return;
            }
            sources.add(new Reading(host, Source.SUPPLIES, time(file, where, doc, doc.path("InputPowerWatts"), options), watts,
                    null, RedfishPaths.supply(file, doc), where));
        } else if (type.startsWith("#PowerSubsystem.")) {
            out.skip("PowerSubsystem holds no reading (collect Chassis EnvironmentMetrics or PowerSupplyMetrics)", where);
        } else {
            out.skip("not a Redfish power resource (@odata.type " + (type.isEmpty() ? "missing" : type) + ")", where);
        }
    }

    private void powerControl(Path file, String where, JsonNode doc, String host, ImportOptions options, CanonicalWriter out) {
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
            double watts = avg != null && (avg > 0 || now == null) ? avg : now;
            sources.add(new Reading(host, Source.POWER, time(file, where, doc, c, options), watts, null, "", where));
            used = true;
        }
        if (!used) {
            out.skip("Power resource without PowerConsumedWatts", where);
        }
    }

    /** TelemetryService MetricReport: its MetricValues are a time series of the properties they name. */
    private void metricReport(Path file, String where, JsonNode doc, ImportOptions options, CanonicalWriter out) {
        JsonNode values = doc.path("MetricValues");
        for (int i = 0; i < values.size(); i++) {
            JsonNode v = values.get(i);
            String field = "MetricValues[" + i + "]";
            RedfishPaths.Metric m = RedfishPaths.metric(v.path("MetricProperty").asText(""));
            if (m == null) {
                out.skip("MetricReport value that is no chassis power reading (min, max, other properties)", where + ", " + field);
                continue;
            }
            Double watts = ExportText.number(v.path("MetricValue").asText(null));
            if (watts == null || watts < 0) {
                throw new RowRejected("MetricValue not a number", where + ", field " + field + ".MetricValue: found "
                        + ExportText.shown(v.path("MetricValue").toString()) + ", expected a non-negative number");
            }
            if (!v.hasNonNull("Timestamp")) {
                throw new RowRejected("MetricValue without Timestamp", where + ", field " + field + ": no Timestamp; "
                        + "expected ISO-8601 with offset");
            }
            Instant ts = iso(where, v.get("Timestamp").asText(), field + ".Timestamp");
            String host = RedfishPaths.join(RedfishPaths.root(file, "TelemetryService", options), m.chassis());
            if (m.average() && watts == 0) {
                out.skip("MetricReport average of 0 W (a service that does not average)", where + ", " + field);
                continue;
            }
            sources.add(new Reading(host, Source.METRIC_REPORT, ts, watts, null, m.psu(), where + ", " + field));
        }
    }

    /** A reading: null when absent or JSON null (Redfish's "no reading"); a number, or a rejected document naming the field. */
    private static Double number(String where, JsonNode v, String field) {
        if (v.isMissingNode() || v.isNull()) {
            return null;
        }
        if (!v.isNumber() || !Double.isFinite(v.asDouble()) || v.asDouble() < 0) {
            throw new RowRejected("reading not a number", where + ", field " + field + ": found " + ExportText.shown(v.toString())
                    + ", expected a non-negative JSON number");
        }
        return v.asDouble();
    }

    private Instant time(Path file, String where, JsonNode doc, JsonNode reading, ImportOptions options) {
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
        timesFromFiles++;
        try {
            return Files.getLastModifiedTime(file).toInstant().truncatedTo(ChronoUnit.SECONDS);
        } catch (IOException e) {
            throw new UserError(file + ": cannot read the modification time: " + e.getMessage(), e);
        }
    }

    private static Instant iso(String where, String text, String field) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new RowRejected("unreadable time", where + ", field " + field + ": found " + ExportText.shown(text)
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
