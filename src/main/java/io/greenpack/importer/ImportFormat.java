package io.greenpack.importer;

import io.greenpack.util.UserError;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The exports {@code greenpack import} understands; the CLI name is the lower-case constant name. */
public enum ImportFormat {
    PERFMON, IPMITOOL, REDFISH, PROMETHEUS, PLANETLAB, BITBRAINS, ALIBABA;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static String allowed() {
        return Arrays.stream(values()).map(ImportFormat::cliName).collect(Collectors.joining(", "));
    }

    public static ImportFormat parse(String name) {
        for (ImportFormat f : values()) {
            if (f.cliName().equalsIgnoreCase(name.trim())) {
                return f;
            }
        }
        throw new UserError("unknown format '" + name + "'; expected one of: " + allowed());
    }

    /** The converter of this format. */
    Importer importer() {
        return switch (this) {
            case PERFMON -> new PerfmonImporter();
            case IPMITOOL -> new IpmitoolImporter();
            case REDFISH -> new RedfishImporter();
            case PROMETHEUS -> new PrometheusImporter();
            case PLANETLAB -> new PlanetLabImporter();
            case BITBRAINS -> new BitbrainsImporter();
            case ALIBABA -> new AlibabaImporter();
        };
    }
}
