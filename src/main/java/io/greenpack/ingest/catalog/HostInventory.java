package io.greenpack.ingest.catalog;

import io.greenpack.ingest.files.FileStats;
import io.greenpack.ingest.files.InputFile;
import io.greenpack.ingest.files.InputKind;
import io.greenpack.ingest.files.RejectRow;
import io.greenpack.model.HostSpec;
import io.greenpack.util.UserError;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.greenpack.ingest.catalog.SmallTables.orNull;
import static io.greenpack.ingest.catalog.SmallTables.shown;
import static io.greenpack.ingest.catalog.SmallTables.Parsed.rejected;

/**
 * hosts.csv: the inventory every sample must refer to. Read in plain Java with the readers of
 * the sample files (same formats, same reasons; see {@link SmallTables}); the ingest tasks look
 * hosts up in a plain map (cores, sockets, memory).
 */
public record HostInventory(List<HostSpec> hosts, FileStats stats, List<RejectRow> rejects) {

    static final double MAX_PLAUSIBLE_MEM_GB = 50_000;

    public static HostInventory read(InputFile file) {
        SmallTables.Collected<HostSpec> c = SmallTables.read(file, HostInventory::parse,
                HostSpec::host, SmallTables.duplicateOf("host", HostSpec::host));
        if (c.kept().isEmpty()) {
            throw new UserError(file.path() + ": no usable host rows (" + c.rowsRead() + " rows read"
                    + (c.reasons().isEmpty() ? "" : ", rejected: " + c.reasons())
                    + "); expected at least one host with model, cores and mem_gb");
        }
        FileStats stats = new FileStats(file.name(), InputKind.HOSTS, c.rowsRead(), c.kept().size(), c.reasons(),
                c.kept().size(), 0, null, null, 0, 0, Map.of());
        return new HostInventory(c.kept(), stats, c.rejects());
    }

    /** One row's host, or the first check it fails. */
    private static SmallTables.Parsed<HostSpec> parse(SmallTables.Named r) {
        String host = r.text("host");
        String model = r.text("model");
        double cores = r.number("cores");
        double memGb = r.number("mem_gb");
        double sockets = r.number("sockets");
        double idle = r.number("idle_watts");
        double max = r.number("max_watts");
        if (host == null) {
            return rejected("missing host", "host is empty");
        }
        if (model == null) {
            return rejected("missing model", "model is empty");
        }
        if (Double.isNaN(cores)) {
            return rejected("cores not a number", shown("cores", r.text("cores")));
        }
        if (cores <= 0) {
            return rejected("cores not positive", shown("cores", cores));
        }
        if (Double.isNaN(memGb)) {
            return rejected("mem_gb not a number", shown("mem_gb", r.text("mem_gb")));
        }
        if (memGb <= 0) {
            return rejected("mem_gb not positive", shown("mem_gb", memGb));
        }
        // The largest single servers hold ~48 TB; more is bytes or MB written as GB (an unknown unit).
        if (memGb > MAX_PLAUSIBLE_MEM_GB) {
            return rejected("mem_gb implausibly high (bytes or MB?)", shown("mem_gb", memGb));
        }
        if (r.present("sockets") && (Double.isNaN(sockets) || sockets < 1)) {
            return rejected("sockets not a positive number", shown("sockets", r.text("sockets")));
        }
        if (r.present("idle_watts") && (Double.isNaN(idle) || idle < 0)) {
            return rejected("idle_watts not a non-negative number", shown("idle_watts", r.text("idle_watts")));
        }
        if (r.present("max_watts") && (Double.isNaN(max) || max <= 0)) {
            return rejected("max_watts not a positive number", shown("max_watts", r.text("max_watts")));
        }
        if (!Double.isNaN(idle) && !Double.isNaN(max) && idle >= max) {
            return rejected("idle_watts not below max_watts", "idle_watts >= max_watts");
        }
        TargetCatalog.requireNonNegative(r, "support_per_year");
        double support = r.number("support_per_year");
        String role = r.text("role");
        return SmallTables.Parsed.ok(new HostSpec(host, model, Double.isNaN(sockets) ? 1 : (int) sockets, cores, memGb,
                role == null ? "physical" : role.toLowerCase(Locale.ROOT), r.text("site"), orNull(r.number("rack_units")),
                orNull(idle), orNull(max), Double.isNaN(support) ? 0 : support));
    }
}
