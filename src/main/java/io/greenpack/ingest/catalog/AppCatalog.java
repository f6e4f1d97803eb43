package io.greenpack.ingest.catalog;

import io.greenpack.ingest.files.FileStats;
import io.greenpack.ingest.files.InputFile;
import io.greenpack.ingest.files.InputKind;
import io.greenpack.ingest.files.RejectRow;
import io.greenpack.util.UserError;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static io.greenpack.ingest.catalog.SmallTables.orNull;
import static io.greenpack.ingest.catalog.SmallTables.shown;
import static io.greenpack.ingest.catalog.SmallTables.Parsed.rejected;

/**
 * apps.csv (optional): owner, anti-affinity group, pin, needs, may_share_os and reservations per app.
 * Read in plain Java with the same rules as hosts.csv (bad rows are quarantined with a reason and
 * counted in the file's stats; see {@link SmallTables}).
 */
public record AppCatalog(List<AppInfo> apps, FileStats stats, List<RejectRow> rejects) {
    private static final Pattern NEEDS = Pattern.compile("^(" + String.join("|", AppInfo.KNOWN_NEEDS) + ")([ ;|]+("
            + String.join("|", AppInfo.KNOWN_NEEDS) + "))*$");
    private static final Set<String> BOOLEANS = Set.of("true", "false", "yes", "no", "1", "0");

    public static AppCatalog empty() {
        return new AppCatalog(List.of(), null, List.of());
    }

    public static AppCatalog read(InputFile file) {
        return read(file, null);
    }

    /**
     * apps.csv, with {@code pin_host} checked against {@code hosts} (the names of hosts.csv; null:
     * not checked): a pin to a host that does not exist is a rejected row, never ignored in silence.
     */
    public static AppCatalog read(InputFile file, Set<String> hosts) {
        SmallTables.Collected<AppInfo> c = SmallTables.read(file, r -> parse(r, hosts), AppInfo::app,
                SmallTables.duplicateOf("app", AppInfo::app));
        if (c.kept().isEmpty() && c.rowsRead() > 0) {
            throw new UserError(file.path() + ": no usable app rows (" + c.rowsRead() + " rows read, rejected: " + c.reasons()
                    + "); expected rows with app and optional owner, group, pin_host, needs ("
                    + String.join(", ", AppInfo.KNOWN_NEEDS) + "), may_share_os (true|false), reserved_cores, reserved_mem_gb");
        }
        FileStats stats = new FileStats(file.name(), InputKind.APPS, c.rowsRead(), c.kept().size(), c.reasons(),
                0, 0, null, null, 0, 0, Map.of());
        return new AppCatalog(c.kept(), stats, c.rejects());
    }

    /** One row's app, or the first check it fails. */
    private static SmallTables.Parsed<AppInfo> parse(SmallTables.Named r, Set<String> hosts) {
        String app = r.text("app");
        String needsText = r.text("needs");
        String needs = needsText == null ? null : needsText.toLowerCase(Locale.ROOT);
        String shareText = r.text("may_share_os");
        String share = shareText == null ? null : shareText.toLowerCase(Locale.ROOT);
        double cores = r.number("reserved_cores");
        double mem = r.number("reserved_mem_gb");
        if (app == null) {
            return rejected("missing app", "app is empty");
        }
        // find(), as Spark's rlike matches.
        if (needs != null && !NEEDS.matcher(needs).find()) {
            return rejected("unknown need", shown("needs", needsText) + "; expected one or more of "
                    + String.join(", ", AppInfo.KNOWN_NEEDS) + " separated by ';', '|' or spaces");
        }
        String pin = r.text("pin_host");
        if (pin != null && hosts != null && !hosts.contains(pin)) {
            return rejected("unknown pin_host", shown("pin_host", pin) + "; expected a host of hosts.csv or an empty cell");
        }
        if (share != null && !BOOLEANS.contains(share)) {
            return rejected("may_share_os not a boolean", shown("may_share_os", shareText));
        }
        if (r.present("reserved_cores") && (Double.isNaN(cores) || cores < 0)) {
            return rejected("reserved_cores not a non-negative number", shown("reserved_cores", r.text("reserved_cores")));
        }
        if (r.present("reserved_mem_gb") && (Double.isNaN(mem) || mem < 0)) {
            return rejected("reserved_mem_gb not a non-negative number", shown("reserved_mem_gb", r.text("reserved_mem_gb")));
        }
        List<String> needList = needs == null ? List.of()
                : Arrays.stream(needs.split("[ ;|]+")).filter(s -> !s.isEmpty()).distinct().toList();
        return SmallTables.Parsed.ok(new AppInfo(app, r.text("owner"), r.text("group"), r.text("pin_host"), needList,
                share != null && (share.equals("true") || share.equals("yes") || share.equals("1")),
                orNull(cores), orNull(mem)));
    }

    /** Facts of an app; {@link AppInfo#unknown} when apps.csv does not list it. Linear: use {@link #byName()} in loops. */
    public AppInfo get(String app) {
        for (AppInfo a : apps) {
            if (a.app().equals(app)) {
                return a;
            }
        }
        return AppInfo.unknown(app);
    }

    /** Facts of an app from a {@link #byName()} map. */
    public static AppInfo get(Map<String, AppInfo> byName, String app) {
        AppInfo a = byName.get(app);
        return a == null ? AppInfo.unknown(app) : a;
    }

    public Map<String, AppInfo> byName() {
        Map<String, AppInfo> m = new LinkedHashMap<>();
        apps.forEach(a -> m.put(a.app(), a));
        return m;
    }
}
