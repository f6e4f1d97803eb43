package io.greenpack.ingest;

import io.greenpack.util.UserError;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;

/**
 * apps.csv (optional): owner, anti-affinity group, pin, needs, may_share_os and reservations per app.
 * Validated in Spark with the same rules as hosts.csv (bad rows are quarantined with a reason and
 * counted in the file's stats), then collected: it is small.
 */
public record AppCatalog(List<AppInfo> apps, FileStats stats, List<Row> rejectRows) {

    public static AppCatalog empty() {
        return new AppCatalog(List.of(), null, List.of());
    }

    public static AppCatalog read(SparkSession spark, InputFile file) {
        RawTable t = RawReader.read(spark, file);
        Column app = Parse.text(t, "app");
        Column needs = lower(Parse.text(t, "needs"));
        Column share = lower(Parse.text(t, "may_share_os"));
        Column cores = Parse.number(t, "reserved_cores");
        Column mem = Parse.number(t, "reserved_mem_gb");
        String needsPattern = "^(" + String.join("|", AppInfo.KNOWN_NEEDS) + ")([ ;|]+(" + String.join("|", AppInfo.KNOWN_NEEDS) + "))*$";
        Reasons r = new Reasons()
                .add(app.isNull(), "missing app", lit("app is empty"))
                .add(needs.isNotNull().and(needs.rlike(needsPattern).equalTo(false)), "unknown need",
                        Reasons.shown("needs", Parse.text(t, "needs")))
                .add(share.isNotNull().and(share.isin("true", "false", "yes", "no", "1", "0").equalTo(false)),
                        "may_share_os not a boolean", Reasons.shown("may_share_os", Parse.text(t, "may_share_os")))
                .add(Parse.present(t, "reserved_cores").and(cores.isNull().or(cores.lt(0))),
                        "reserved_cores not a non-negative number", Reasons.shown("reserved_cores", Parse.text(t, "reserved_cores")))
                .add(Parse.present(t, "reserved_mem_gb").and(mem.isNull().or(mem.lt(0))),
                        "reserved_mem_gb not a non-negative number", Reasons.shown("reserved_mem_gb", Parse.text(t, "reserved_mem_gb")));
        List<Row> rows = t.rows().select(col("_mid"), col("_blk"), col("_raw"), app.as("app"),
                Parse.text(t, "owner").as("owner"), Parse.text(t, "group").as("group"),
                Parse.text(t, "pin_host").as("pin_host"), needs.as("needs"), share.as("may_share_os"),
                cores.as("reserved_cores"), mem.as("reserved_mem_gb"),
                r.reason().as("reason"), r.detail().as("detail")).collectAsList();
        SmallTables.Collected<AppInfo> c = SmallTables.collect(file.name(), rows, SmallTables.checked(row -> {
            String needText = row.getAs("needs");
            List<String> needList = needText == null ? List.of()
                    : Arrays.stream(needText.split("[ ;|]+")).filter(s -> !s.isEmpty()).distinct().toList();
            String s = row.getAs("may_share_os");
            return new AppInfo(row.getAs("app"), row.getAs("owner"), row.getAs("group"), row.getAs("pin_host"),
                    needList, s != null && (s.equals("true") || s.equals("yes") || s.equals("1")),
                    row.getAs("reserved_cores"), row.getAs("reserved_mem_gb"));
        }), AppInfo::app, SmallTables.duplicateOf("app", AppInfo::app));
        if (c.kept().isEmpty() && c.rowsRead() > 0) {
            throw new UserError(file.path() + ": no usable app rows (" + c.rowsRead() + " rows read, rejected: " + c.reasons()
                    + "); expected rows with app and optional owner, group, pin_host, needs ("
                    + String.join(", ", AppInfo.KNOWN_NEEDS) + "), may_share_os (true|false), reserved_cores, reserved_mem_gb");
        }
        FileStats stats = new FileStats(file.name(), InputKind.APPS, c.rowsRead(), c.kept().size(), c.reasons(),
                0, 0, null, null, 0, 0, Map.of());
        return new AppCatalog(c.kept(), stats, c.rejects());
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

    public Dataset<Row> rejects(SparkSession spark) {
        return spark.createDataFrame(rejectRows, RejectsSchema.SCHEMA);
    }
}
