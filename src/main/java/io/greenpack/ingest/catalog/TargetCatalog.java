package io.greenpack.ingest.catalog;

import io.greenpack.ingest.files.FileStats;
import io.greenpack.ingest.files.InputFile;
import io.greenpack.ingest.files.InputKind;
import io.greenpack.ingest.files.RejectRow;
import io.greenpack.model.PowerCurve;
import io.greenpack.model.TargetModel;
import io.greenpack.util.UserError;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * targets.csv: the hardware catalog a plan may use. Small: read in plain Java with the same
 * readers as every input (see {@link SmallTables}) and checked row by row; a bad row is
 * quarantined with its reason and the rest of the catalog is used.
 */
public record TargetCatalog(List<TargetModel> targets, FileStats stats, List<RejectRow> rejects) {
    private static final String[] CURVE = {"w0", "w10", "w20", "w30", "w40", "w50", "w60", "w70", "w80", "w90", "w100"};

    /**
     * Columns that price an option: a wrong value here would silently change the recommendation,
     * so it stops the run (exit 2) instead of quarantining the row.
     */
    static final List<String> MONEY_AND_CARBON = List.of("price", "chassis_price", "support_per_year", "embodied_kgco2e");

    public static TargetCatalog empty() {
        return new TargetCatalog(List.of(), null, List.of());
    }

    public static TargetCatalog read(InputFile file) {
        SmallTables.Collected<TargetModel> c = SmallTables.read(file, r -> {
            MONEY_AND_CARBON.forEach(column -> requireNonNegative(r, column));
            // The row's cells by name; empty cells are left out (as absent columns are).
            Map<String, String> cells = new HashMap<>();
            for (String name : r.columns()) {
                String v = r.text(name);
                if (v != null) {
                    cells.put(name, v.trim());
                }
            }
            try {
                return SmallTables.Parsed.ok(parse(cells));
            } catch (IllegalArgumentException e) {
                String problem = e.getMessage();
                return SmallTables.Parsed.rejected(problem.contains(":") ? problem.substring(0, problem.indexOf(':')) : problem,
                        problem);
            }
        }, TargetModel::model, (earlier, again) -> SmallTables.Parsed.rejected("duplicate model", "duplicate model"));
        if (c.rowsRead() == 0) {
            throw new UserError(file.path() + ": has a header but no rows; expected one row per target model "
                    + "(model, cores, mem_gb, idle_watts, max_watts, ...), or no targets file at all");
        }
        FileStats stats = new FileStats(file.name(), InputKind.TARGETS, c.rowsRead(), c.kept().size(), c.reasons(), 0, 0,
                null, null, 0, 0, Map.of());
        return new TargetCatalog(c.kept(), stats, c.rejects());
    }

    /** One row to a TargetModel; an IllegalArgumentException names the reason ("category: detail"). */
    static TargetModel parse(Map<String, String> c) {
        String model = blankToNull(c.get("model"));
        if (model == null) {
            throw new IllegalArgumentException("missing model: model is empty");
        }
        double cores = positive(c, "cores");
        double memGb = positive(c, "mem_gb");
        double[] curve = new double[11];
        boolean hasCurve = blankToNull(c.get("w0")) != null;
        if (hasCurve) {
            for (int i = 0; i < CURVE.length; i++) {
                curve[i] = nonNegative(c, CURVE[i]);
                if (i > 0 && curve[i] < curve[i - 1]) {
                    throw new IllegalArgumentException("power curve decreasing: " + CURVE[i] + " = " + curve[i]
                            + " is below " + CURVE[i - 1] + " = " + curve[i - 1]);
                }
            }
        } else {
            double idle = nonNegative(c, "idle_watts");
            double max = positive(c, "max_watts");
            if (idle >= max) {
                throw new IllegalArgumentException("idle_watts not below max_watts: idle_watts = " + idle + ", max_watts = " + max);
            }
            for (int i = 0; i <= 10; i++) {
                curve[i] = idle + (max - idle) * i / 10.0;
            }
        }
        String form = blankToNull(c.get("form")) == null ? "rack" : c.get("form").toLowerCase(Locale.ROOT);
        if (!form.equals("rack") && !form.equals("blade")) {
            throw new IllegalArgumentException("unknown form: form = '" + c.get("form") + "' (expected rack or blade)");
        }
        double chassisWatts = optional(c, "chassis_watts", 0);
        int blades = (int) optional(c, "blades_per_chassis", 0);
        if (form.equals("blade") && blades < 1) {
            throw new IllegalArgumentException("blade without blades_per_chassis: a blade model needs blades_per_chassis >= 1");
        }
        String avail = blankToNull(c.get("available"));
        int available = avail == null ? TargetModel.UNLIMITED : (int) nonNegative(c, "available");
        double sockets = optional(c, "sockets", TargetModel.DEFAULT_SOCKETS);
        if (sockets < 1) {
            throw new IllegalArgumentException("sockets not positive: sockets = " + sockets);
        }
        return new TargetModel(model, cores, memGb, new PowerCurve(curve), optional(c, "price", 0), available,
                optional(c, "rack_units", 1), form.equals("blade"), chassisWatts, blades, optional(c, "chassis_price", 0),
                optional(c, "support_per_year", 0), 0, optional(c, "embodied_kgco2e", 0), (int) sockets, false,
                c.getOrDefault("source", ""));
    }

    /** A money or carbon figure that is given must be a number &gt;= 0; otherwise the run stops naming file, line and column. */
    static void requireNonNegative(SmallTables.Named r, String column) {
        if (!r.present(column) || r.text(column) == null) {
            return;
        }
        double v = r.number(column);
        if (Double.isNaN(v) || v < 0) {
            throw new UserError(r.where(column) + ": expected a number >= 0, got '" + r.text(column) + "'");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static double number(Map<String, String> c, String name) {
        String v = blankToNull(c.get(name));
        if (v == null) {
            throw new IllegalArgumentException("missing " + name + ": " + name + " is empty");
        }
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " not a number: " + name + " = '" + v + "'");
        }
    }

    private static double positive(Map<String, String> c, String name) {
        double d = number(c, name);
        if (d <= 0) {
            throw new IllegalArgumentException(name + " not positive: " + name + " = " + d);
        }
        return d;
    }

    private static double nonNegative(Map<String, String> c, String name) {
        double d = number(c, name);
        if (d < 0) {
            throw new IllegalArgumentException(name + " negative: " + name + " = " + d);
        }
        return d;
    }

    private static double optional(Map<String, String> c, String name, double fallback) {
        return blankToNull(c.get(name)) == null ? fallback : nonNegative(c, name);
    }
}
