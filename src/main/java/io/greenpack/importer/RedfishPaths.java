package io.greenpack.importer;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names from where a Redfish document lies: a crawler saves {@code /redfish/v1/Chassis/Tower/Power}
 * as {@code <bmc>/redfish/v1/Chassis/Tower/Power/index.json} (DMTF's mockups drop the
 * {@code redfish/v1} part), so the chassis and the BMC it came from are in the path, not in the
 * file name.
 */
final class RedfishPaths {
    /**
     * A MetricReport property that is a chassis reading: PowerControl 0's current or average watts
     * (written {@code #/PowerControl/0/…} or, in older mockups, {@code #/0/…}), EnvironmentMetrics
     * PowerWatts, or a supply's InputPowerWatts (psu = its bay).
     */
    private static final Pattern METRIC = Pattern.compile("^/redfish/v1/Chassis/([^/#]+)/(?:"
            + "Power#/(?:PowerControl/)?0/(PowerConsumedWatts|PowerMetrics/AverageConsumedWatts)"
            + "|EnvironmentMetrics#?/PowerWatts(?:/Reading)?"
            + "|PowerSubsystem/PowerSupplies/([^/#]+)/Metrics#?/InputPowerWatts(?:/Reading)?)$");
    private static final Pattern SUPPLY_ID = Pattern.compile("/PowerSupplies/([^/#]+)/Metrics");

    /** A chassis reading named by a MetricReport property; psu empty for the whole chassis. */
    record Metric(String chassis, String psu, boolean average) {
    }

    private RedfishPaths() {
    }

    /** The chassis reading a MetricProperty names, or null for anything else (min, max, other properties). */
    static Metric metric(String property) {
        Matcher m = METRIC.matcher(property);
        if (!m.matches()) {
            return null;
        }
        boolean average = m.group(2) != null && m.group(2).endsWith("AverageConsumedWatts");
        return new Metric(m.group(1), m.group(3) == null ? "" : m.group(3), average);
    }

    /** Host of a document: root-chassis in a crawled tree, else --host, else the file name up to its first dot. */
    static String host(Path file, ImportOptions options) {
        List<String> parts = parts(file);
        int chassis = parts.lastIndexOf("Chassis");
        if (chassis >= 0 && chassis + 1 < parts.size() - 1) {
            return join(root(file, "Chassis", options), parts.get(chassis + 1));
        }
        return options.host() != null ? options.host() : ExportText.stem(file);
    }

    /** --host, else the folder above {@code anchor} (Chassis, TelemetryService) and above redfish/v1; null at the top. */
    static String root(Path file, String anchor, ImportOptions options) {
        if (options.host() != null) {
            return options.host();
        }
        List<String> parts = parts(file);
        int i = parts.lastIndexOf(anchor) - 1;
        if (i >= 1 && parts.get(i).equals("v1") && parts.get(i - 1).equals("redfish")) {
            i -= 2;
        }
        return i >= 0 ? parts.get(i) : null;
    }

    static String join(String root, String chassis) {
        return root == null || root.isEmpty() ? chassis : root + "-" + chassis;
    }

    /**
     * The supply of a PowerSupplyMetrics document: its bay from {@code @odata.id} or the path
     * ({@code …/PowerSupplies/Bay1/Metrics}); the document's Id is "Metrics" for every supply.
     */
    static String supply(Path file, JsonNode doc) {
        Matcher m = SUPPLY_ID.matcher(doc.path("@odata.id").asText(""));
        if (m.find()) {
            return m.group(1);
        }
        List<String> parts = parts(file);
        int i = parts.lastIndexOf("PowerSupplies");
        if (i >= 0 && i + 1 < parts.size() - 1) {
            return parts.get(i + 1);
        }
        return doc.path("Id").asText("");
    }

    private static List<String> parts(Path file) {
        List<String> parts = new ArrayList<>();
        file.toAbsolutePath().normalize().forEach(p -> parts.add(p.toString()));
        return parts;
    }
}
