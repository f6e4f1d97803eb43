package io.greenpack.correlate;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.percentile_approx;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * Fits a power curve per hardware model (DESIGN §3) from samples {@code model, fold, u, watts}
 * (u clamped to [0,1]) in two passes over the host-intervals, neither of which brings samples to
 * the driver:
 * <ol>
 * <li>sufficient statistics per model, fold and decile ({@link FitStats}); the driver fits linear,
 *     Fan (r fitted) and piecewise curves on all folds but one (for cross-validation) and on all;</li>
 * <li>the held-out absolute percentage errors of every candidate, the in-sample errors and the
 *     spread of u per model.</li>
 * </ol>
 *
 * <p><b>Selection rule.</b> Candidates are ordered by complexity: linear (2 parameters; it is Fan
 * with r = 1), Fan (3), piecewise (11). A more complex curve replaces the current choice only when
 * its cross-validated MAPE is lower by at least {@value #MARGIN_POINTS} percentage points and by at
 * least {@value #MARGIN_RELATIVE} of the current MAPE: noise alone lets a flexible curve win by a
 * hair, and the simpler curve extrapolates more safely.
 *
 * <p><b>Fallback.</b> With fewer than {@value #MIN_SAMPLES} samples, or a spread of u (p95 − p5)
 * below {@value #MIN_SPREAD}, the slope of a fit is mostly noise; with a cross-validated MAPE above
 * {@value #MAX_MAPE} % the curve misstates the power of a typical interval by more than the
 * savings it is meant to show. The model then takes its published curve (see
 * {@link PublishedCurves}: median nameplate watts of its hosts in hosts.csv, else its targets.csv
 * curve, else the default curve for its cores), its source says which, and its reason starts with
 * "fallback:". Without any published curve the fit is kept, flagged in the reason. Every fit is
 * constrained to a physical curve ({@link CurveFitter}).
 */
public final class PowerModelFitter {
    static final double MARGIN_POINTS = 0.2;
    static final double MARGIN_RELATIVE = 0.05;
    static final long MIN_SAMPLES = 100;
    static final double MIN_SPREAD = 0.15;
    /** Cross-validated MAPE, percent, above which a fit is not used when a published curve exists. */
    static final double MAX_MAPE = 15.0;

    private static final PowerFamily[] FAMILIES = PowerFamily.values();

    private PowerModelFitter() {
    }

    /**
     * With fallbacks from nameplate curves, else catalog curves (no default by cores: the models'
     * cores are not known here).
     *
     * @param samples   columns model (string), fold (int in [0, folds)), u (double in [0,1]), watts (double)
     * @param models    every model of the inventory (models without samples fall back)
     * @param catalog   curves from targets.csv by model name (may be empty)
     * @param nameplate linear curves from hosts.csv nameplate watts by model (may be empty)
     */
    public static Map<String, PowerModel> fit(SparkSession spark, Dataset<Row> samples, int folds, List<String> models,
                                              Map<String, FittedCurve> catalog, Map<String, FittedCurve> nameplate) {
        Map<String, PublishedCurves.Published> fallbacks = new TreeMap<>();
        for (String m : models) {
            if (nameplate.containsKey(m)) {
                fallbacks.put(m, new PublishedCurves.Published(nameplate.get(m), PublishedCurves.Origin.NAMEPLATE,
                        "the median nameplate idle/max watts of its hosts in hosts.csv (linear)"));
            } else if (catalog.containsKey(m)) {
                fallbacks.put(m, new PublishedCurves.Published(catalog.get(m), PublishedCurves.Origin.CATALOG,
                        "the targets.csv curve of model " + m));
            }
        }
        return fit(spark, samples, folds, models, fallbacks);
    }

    /**
     * @param samples   columns model (string), fold (int in [0, folds)), u (double in [0,1]), watts (double)
     * @param models    every model of the inventory (models without samples fall back)
     * @param fallbacks the published curve of each model (see {@link PublishedCurves}); a model without one
     *                  keeps its fit however poor, flagged in the reason
     */
    public static Map<String, PowerModel> fit(SparkSession spark, Dataset<Row> samples, int folds, List<String> models,
                                              Map<String, PublishedCurves.Published> fallbacks) {
        Map<String, FitStats[]> stats = sufficientStatistics(samples, folds);
        Map<String, FittedCurve[][]> curves = new TreeMap<>(); // [fold or folds=all][family]
        for (Map.Entry<String, FitStats[]> e : stats.entrySet()) {
            FitStats total = new FitStats();
            for (FitStats f : e.getValue()) {
                total.add(f, 1);
            }
            FittedCurve[][] c = new FittedCurve[folds + 1][];
            for (int f = 0; f < folds; f++) {
                c[f] = candidates(total.copy().add(e.getValue()[f], -1));
            }
            c[folds] = candidates(total);
            curves.put(e.getKey(), c);
        }
        Map<String, Evaluation> eval = curves.isEmpty() ? Map.of() : evaluate(spark, samples, folds, curves);

        Map<String, PowerModel> out = new TreeMap<>();
        for (String model : new TreeSet<>(models)) {
            Evaluation ev = eval.get(model);
            FittedCurve[][] c = curves.get(model);
            out.put(model, choose(model, ev, c == null ? null : c[folds], fallbacks.get(model)));
        }
        return out;
    }

    private static FittedCurve[] candidates(FitStats s) {
        return new FittedCurve[]{CurveFitter.linear(s), CurveFitter.fan(s), CurveFitter.piecewise(s)};
    }

    static Map<String, FitStats[]> sufficientStatistics(Dataset<Row> samples, int folds) {
        Column u = col("u");
        Column w = col("watts");
        List<Column> aggs = new ArrayList<>(List.of(sum(u), sum(u.multiply(u)), sum(w), sum(w.multiply(w)), sum(u.multiply(w))));
        for (double r : FitStats.R_GRID) {
            // One pow per exponent and row: u^(1+r) = u·u^r and u^(2r) = (u^r)², and Spark computes the
            // common u^r once (subexpression elimination). Spark's pow is StrictMath.pow, and four
            // of them per exponent were most of the power-model fit's time at hundreds of hosts.
            Column ur = pow(u, r);
            aggs.add(sum(ur));
            aggs.add(sum(u.multiply(ur)));
            aggs.add(sum(ur.multiply(ur)));
            aggs.add(sum(ur.multiply(w)));
        }
        List<Row> rows = samples
                .withColumn("decile", least(floor(u.multiply(10)), lit(9)).cast(DataTypes.IntegerType))
                .groupBy("model", "fold", "decile")
                .agg(count(lit(1)).as("n"), aggs.toArray(Column[]::new))
                .collectAsList();
        Map<String, FitStats[]> out = new TreeMap<>();
        for (Row r : rows) {
            FitStats[] perFold = out.computeIfAbsent(r.getString(0), k -> {
                FitStats[] a = new FitStats[folds];
                for (int i = 0; i < folds; i++) {
                    a[i] = new FitStats();
                }
                return a;
            });
            FitStats s = perFold[r.getInt(1)];
            double[] m = s.decile[r.getInt(2)];
            m[0] += r.getLong(3);
            for (int k = 1; k < 6; k++) {
                m[k] += r.getDouble(3 + k);
            }
            int base = 9;
            for (int i = 0; i < FitStats.R_GRID.length; i++) {
                for (int k = 0; k < 4; k++) {
                    s.fan[i][k] += r.getDouble(base + 4 * i + k);
                }
            }
        }
        return out;
    }

    private static PowerModel fallBack(String model, PublishedCurves.Published fallback, String why, long n,
                                       Map<PowerFamily, Double> cvMape, double p5, double p95) {
        return new PowerModel(model, fallback.curve(), fallback.origin().key(), "fallback: " + why + "; using "
                + fallback.description(), Double.NaN, Double.NaN, n, cvMape, p5, p95);
    }

    /** Errors per model: cross-validated MAPE per family, in-sample MAPE and SSE per family, spread of u. */
    /**
     * A utilization percentile rounded to 0.1 % of load. Spark's percentile sketch (accuracy 10,000)
     * may answer a rank or two apart depending on the order partitions are merged in, so the raw
     * value can move by ~0.1 % between runs; rounded, the observed range is the same on every run.
     */
    static double toPermille(double utilization) {
        return Math.round(utilization * 1000) / 1000.0;
    }

    record Evaluation(long samples, double[] cvMape, double[] mape, double[] sse, double sst, double uP5, double uP95) {
    }

    private static final StructType COEFS = new StructType()
            .add("model", DataTypes.StringType).add("cfold", DataTypes.IntegerType)
            .add("la", DataTypes.DoubleType).add("lb", DataTypes.DoubleType)
            .add("fa", DataTypes.DoubleType).add("fb", DataTypes.DoubleType).add("fr", DataTypes.DoubleType)
            .add("pw", DataTypes.createArrayType(DataTypes.DoubleType));

    private static Map<String, Evaluation> evaluate(SparkSession spark, Dataset<Row> samples, int folds,
                                                    Map<String, FittedCurve[][]> curves) {
        List<Row> coefRows = new ArrayList<>();
        curves.forEach((model, c) -> {
            for (int f = 0; f <= folds; f++) {
                FittedCurve lin = c[f][0], fan = c[f][1], pw = c[f][2];
                double[] knots = pw == null ? new double[FittedCurve.KNOTS] : pw.knotWatts();
                if (pw == null) {
                    java.util.Arrays.fill(knots, Double.NaN);
                }
                List<Double> k = new ArrayList<>();
                for (double v : knots) {
                    k.add(v);
                }
                coefRows.add(RowFactory.create(model, f,
                        lin == null ? Double.NaN : lin.idleWatts(), lin == null ? Double.NaN : lin.maxWatts() - lin.idleWatts(),
                        fan == null ? Double.NaN : fan.idleWatts(), fan == null ? Double.NaN : fan.maxWatts() - fan.idleWatts(),
                        fan == null ? 1.0 : fan.exponent(), scala.jdk.javaapi.CollectionConverters.asScala(k).toSeq()));
            }
        });
        Dataset<Row> coefs = spark.createDataFrame(coefRows, COEFS);
        Column u = col("u");
        Column w = col("watts");
        Column x = u.multiply(10);
        Column i = least(floor(x), lit(9)).cast(DataTypes.IntegerType);
        Column frac = x.minus(i);
        Column[] pred = {
                col("la").plus(col("lb").multiply(u)),
                // Fan's shape as fitted (least squares on 2u − u^r); the chosen curve holds it at 0 where it
                // dips for r < 1 (FittedCurve.fanShape), which moves watts below u ≈ 0.1 by at most 2.6 % of the range.
                col("fa").plus(col("fb").multiply(u.multiply(2).minus(pow(u, col("fr"))))),
                element_at(col("pw"), i.plus(1)).multiply(lit(1).minus(frac)).plus(element_at(col("pw"), i.plus(2)).multiply(frac))};
        List<Column> aggs = new ArrayList<>();
        for (Column p : pred) {
            aggs.add(sum(when(w.gt(0), abs(w.minus(p)).divide(w)).otherwise(0)));
            aggs.add(sum(w.minus(p).multiply(w.minus(p))));
        }
        aggs.add(sum(when(w.gt(0), 1).otherwise(0)));
        aggs.add(sum(w));
        aggs.add(sum(w.multiply(w)));
        aggs.add(percentile_approx(u, array(lit(0.05), lit(0.95)), lit(10000)));
        List<Row> rows = samples.join(broadcast(coefs), "model")
                .filter(col("cfold").equalTo(col("fold")).or(col("cfold").equalTo(folds)))
                .groupBy(col("model"), col("cfold").equalTo(folds).as("full"))
                .agg(count(lit(1)).as("n"), aggs.toArray(Column[]::new))
                .collectAsList();
        Map<String, double[]> cv = new LinkedHashMap<>();
        Map<String, Row> full = new LinkedHashMap<>();
        for (Row r : rows) {
            if (r.getBoolean(1)) {
                full.put(r.getString(0), r);
            } else {
                double positive = r.getLong(9);
                double[] m = new double[FAMILIES.length];
                for (int f = 0; f < FAMILIES.length; f++) {
                    m[f] = 100 * r.getDouble(3 + 2 * f) / positive;
                }
                cv.put(r.getString(0), m);
            }
        }
        Map<String, Evaluation> out = new TreeMap<>();
        full.forEach((model, r) -> {
            long n = r.getLong(2);
            double positive = r.getLong(9);
            double sw = r.getDouble(10), sww = r.getDouble(11);
            List<Double> q = r.getList(12);
            double[] mape = new double[FAMILIES.length];
            double[] sse = new double[FAMILIES.length];
            for (int f = 0; f < FAMILIES.length; f++) {
                mape[f] = 100 * r.getDouble(3 + 2 * f) / positive;
                sse[f] = r.getDouble(4 + 2 * f);
            }
            double[] cvm = cv.getOrDefault(model, new double[]{Double.NaN, Double.NaN, Double.NaN});
            out.put(model, new Evaluation(n, cvm, mape, sse, sww - sw * sw / n, toPermille(q.get(0)), toPermille(q.get(1))));
        });
        return out;
    }

    static PowerModel choose(String model, Evaluation ev, FittedCurve[] full, PublishedCurves.Published fallback) {
        Map<PowerFamily, Double> cvMape = new EnumMap<>(PowerFamily.class);
        if (ev != null) {
            for (PowerFamily f : FAMILIES) {
                cvMape.put(f, ev.cvMape()[f.ordinal()]);
            }
        }
        long n = ev == null ? 0 : ev.samples();
        double p5 = ev == null ? Double.NaN : ev.uP5();
        double p95 = ev == null ? Double.NaN : ev.uP95();
        String thin = null;
        if (ev == null || full == null) {
            thin = "no power samples with known utilization";
        } else if (n < MIN_SAMPLES) {
            thin = "only " + n + " samples (fewer than " + MIN_SAMPLES + ")";
        } else if (p95 - p5 < MIN_SPREAD) {
            thin = String.format(Locale.ROOT, "too little spread in utilization (p95 − p5 = %.3f < %.2f)", p95 - p5, MIN_SPREAD);
        }
        if (thin != null) {
            if (fallback != null) {
                return fallBack(model, fallback, thin, n, cvMape, p5, p95);
            }
            if (full == null || full[0] == null) {
                return new PowerModel(model, FittedCurve.linear(0, 0), "none", thin
                        + "; no nameplate, catalog or default curve either: power of this model is not modelled",
                        Double.NaN, Double.NaN, n, cvMape, p5, p95);
            }
            return new PowerModel(model, full[0], "fitted", thin + "; no nameplate, catalog or default curve, so the "
                    + "linear fit is kept: treat it as rough", ev.mape()[0], 1 - ev.sse()[0] / ev.sst(), n, cvMape, p5, p95);
        }
        PowerFamily chosen = null;
        double chosenMape = Double.NaN;
        StringBuilder why = new StringBuilder();
        for (PowerFamily f : FAMILIES) {
            double m = ev.cvMape()[f.ordinal()];
            if (full[f.ordinal()] == null || !Double.isFinite(m)) {
                continue;
            }
            if (chosen == null) {
                chosen = f;
                chosenMape = m;
            } else if (m <= chosenMape - Math.max(MARGIN_POINTS, MARGIN_RELATIVE * chosenMape)) {
                chosen = f;
                chosenMape = m;
            }
        }
        if (chosen == null) {
            return fallback != null ? fallBack(model, fallback, "no candidate curve could be fitted", n, cvMape, p5, p95)
                    : new PowerModel(model, FittedCurve.linear(0, 0), "none", "no candidate curve could be fitted",
                    Double.NaN, Double.NaN, n, cvMape, p5, p95);
        }
        if (chosenMape > MAX_MAPE && fallback != null) {
            return fallBack(model, fallback, String.format(Locale.ROOT, "the best fit (%s) has a cross-validated MAPE of "
                    + "%.1f %%, above the %.0f %% a usable power model may have", chosen.key(), chosenMape, MAX_MAPE),
                    n, cvMape, p5, p95);
        }
        why.append(String.format(Locale.ROOT, "cross-validated MAPE linear %.2f %%, fan %.2f %%, piecewise %.2f %%; %s chosen "
                        + "(a more complex curve must be better by max(%.1f points, %.0f %%))",
                ev.cvMape()[0], ev.cvMape()[1], ev.cvMape()[2], chosen.key(), MARGIN_POINTS, 100 * MARGIN_RELATIVE));
        int k = chosen.ordinal();
        if (chosenMape > MAX_MAPE) {
            why.append(String.format(Locale.ROOT, "; MAPE above %.0f %% and no published curve to fall back to: treat it as rough",
                    MAX_MAPE));
        }
        return new PowerModel(model, full[k], "fitted", why.toString(), ev.mape()[k], 1 - ev.sse()[k] / ev.sst(), n,
                cvMape, p5, p95);
    }
}
