package io.greenpack.ingest.files;

import java.util.List;

/**
 * The files of a data directory (DESIGN §2). A file belongs to a kind by its name prefix, so
 * {@code power.csv.gz} and {@code power-2026-10.parquet} are both power samples.
 */
public enum InputKind {
    HOSTS("hosts", true, List.of("host", "model", "cores", "mem_gb")),
    POWER("power", false, List.of("timestamp", "host")),
    UTILIZATION("utilization", false, List.of("timestamp", "host", "app")),
    TARGETS("targets", false, List.of("model", "cores", "mem_gb")),
    APPS("apps", false, List.of("app"));

    private final String prefix;
    private final boolean required;
    private final List<String> requiredColumns;

    InputKind(String prefix, boolean required, List<String> requiredColumns) {
        this.prefix = prefix;
        this.required = required;
        this.requiredColumns = requiredColumns;
    }

    public String prefix() {
        return prefix;
    }

    /** Hosts are always required; of power and utilization at least one (see DataDirectory). */
    public boolean required() {
        return required;
    }

    /** Columns every file of this kind must have (alternatives such as watts/energy are checked apart). */
    public List<String> requiredColumns() {
        return requiredColumns;
    }

    /** Time series kinds are aligned and may be large; the others are small tables. */
    public boolean timeSeries() {
        return this == POWER || this == UTILIZATION;
    }
}
