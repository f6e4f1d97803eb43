package io.greenpack.correlate;

import io.greenpack.config.IdlePolicy;
import io.greenpack.config.Scenario;
import io.greenpack.ingest.IngestResult;
import io.greenpack.ingest.catalog.AppCatalog;
import io.greenpack.ingest.catalog.AppInfo;
import io.greenpack.model.AppUsage;
import io.greenpack.model.HostSpec;
import io.greenpack.util.Progress;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_from_arrays;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.percentile_approx;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.try_element_at;
import static org.apache.spark.sql.functions.unix_seconds;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

/**
 * The correlate stage (DESIGN §3): power models, energy, attribution to applications and
 * efficiency over ingest's aligned Datasets, in one SparkSession. Its result has no classes and
 * no demand yet, and its per-app energy lines carry no class: the pipeline runs classify and size
 * on the usage found here and completes the result.
 *
 * <p>Steps, in order ({@code Steps}): host intervals (pass 1, persisted), fit (power models), the
 * energy split per host-interval, host figures, attribution (pass 2: usage and attributed energy
 * per app and host), efficiency (host figures and energy lines), then showback, the optional
 * conservation check and the chart samples.
 *
 * <p>Passes over the data: utilization three times (per host-interval sums; usage features and
 * percentiles per app and host — percentiles computed once, at that grain, DESIGN §9, on ingest's
 * partitioning by host and app so that no quantile summary is shuffled; attribution sums per app and
 * host after the join with the host intervals), and once more to verify conservation when asked. The host-interval table (hosts × intervals, far smaller)
 * is kept in memory and read a few times. Only per-model, per-host and per-app results reach the
 * driver.
 *
 * <p>Definitions. u = Σ apps' cpu_cores / host cores per interval; u is unknown in an interval
 * without utilization samples of the host (left out of the fit; its energy in that interval is
 * unattributed), and a host with power samples but no utilization samples at all has no
 * utilization figures and no utilization verdict (never comatose, no idle waste). A host with
 * utilization and no power samples has its power modelled ({@link ModelledPower}). Energy of an
 * interval = mean watts × interval length (the samples are already time-weighted means over
 * aligned intervals, so this is the exact integral). P_idle = the host
 * model's curve at u = 0. Per interval: idle part = min(P, P_idle), dynamic part = P − idle part;
 * the dynamic part is split by CPU share (the models have no memory term), the idle part by the
 * scenario's {@link IdlePolicy}; whatever no app takes is the host's {@value #UNATTRIBUTED_APP} line.
 * Cost and CO2e are of facility energy (IT × PUE), CO2e by the grid intensity of the interval's
 * hour of day (UTC) when the scenario gives an hourly profile.
 */
public final class Analysis {
    /** The app name of energy attributed to no application. */
    public static final String UNATTRIBUTED_APP = "idle";
    /** Owner of the unattributed lines and of apps missing from apps.csv in showback. */
    public static final String NO_OWNER = "(none)";
    static final double COMATOSE_P95_UTIL = 0.05;
    /**
     * An app whose p95 CPU stays below this many cores does nothing measurable: a host with no
     * app above it may be comatose, and classify calls such an app idle (the same floor).
     */
    public static final double BUSY_APP_FLOOR_CORES = 0.05;
    static final double IDLE_WASTE_UTIL = 0.10;

    private Analysis() {
    }

    public static AnalysisResult run(SparkSession spark, IngestResult in, Scenario sc, Progress progress) {
        return run(spark, in, sc, AnalysisOptions.defaults(), progress);
    }

    public static AnalysisResult run(SparkSession spark, IngestResult in, Scenario sc, AnalysisOptions opt, Progress progress) {
        Steps s = new Steps(spark, in, sc, opt, progress);
        Dataset<Row> hostIntervals = s.hostIntervals();
        Map<String, PowerModel> models = s.fit(hostIntervals);
        Dataset<Row> hiE = s.energySplit(hostIntervals, models);
        Map<String, Row> hostRows = s.hostFigures(hiE);
        Dataset<Row> attributed = s.attributed(hiE);
        List<Row> appRows = s.usageRows();
        Map<String, Row> energyRows = s.attributionRows(attributed);
        Attribution a = s.attribute(appRows, energyRows);
        Efficiency e = s.efficiency(models, hostRows, a);

        List<OwnerShowback> showback = Showback.perOwner(e.energy(), a.usage(), in.apps());
        double maxErr = opt.verifyConservation()
                ? s.timed("analysis: conservation check", () -> maxConservationError(hiE, attributed))
                : Double.NaN;
        int apps = (int) a.usage().stream().map(AppUsage::app).distinct().count();
        FleetEfficiency fleet = fleet(e.hosts(), hostRows, apps, e.energy(), maxErr);
        List<ScatterPoint> scatter = s.timed("analysis: chart samples", () -> scatter(hostIntervals, models, opt));
        return new AnalysisResult(sc, models, e.hosts(), e.energy(), a.usage(), List.of(), List.of(), showback,
                fleet, scatter, alignedEnd(hostRows, "first_ts", in.first()), alignedEnd(hostRows, "last_ts", in.last()),
                in.intervalSeconds(), s.timings,
                new AnalysisResult.Datasets(hiE, attributed.select("host", "app", "ts", "dyn_app_w", "idle_app_w"), s.persisted));
    }

    /**
     * Usage per app and host (sorted by app, host), and per "app\0host" the attributed [dynamic, idle]
     * kWh and the kWh × gCO2e/kWh sum.
     */
    private record Attribution(List<AppUsage> usage, Map<String, double[]> appKwh, Map<String, Double> kwhGco2) {
    }

    /** Host figures (sorted by host) and energy lines (apps' and unattributed, largest first). */
    private record Efficiency(List<HostEfficiency> hosts, List<AppEnergy> energy) {
    }

    /** The steps of one analysis, in order, over the inputs and settings they share. */
    private static final class Steps {
        final SparkSession spark;
        final IngestResult in;
        final Scenario sc;
        final AnalysisOptions opt;
        final Progress progress;
        final Map<String, Double> timings = new LinkedHashMap<>();
        final List<Dataset<Row>> persisted = new ArrayList<>();
        final List<HostSpec> hostList;
        final Map<String, HostSpec> hostsByName = new LinkedHashMap<>();
        final double hours;
        final IdlePolicy policy;
        final Column reservedWeight;

        Steps(SparkSession spark, IngestResult in, Scenario sc, AnalysisOptions opt, Progress progress) {
            this.spark = spark;
            this.in = in;
            this.sc = sc;
            this.opt = opt;
            this.progress = progress;
            this.hostList = in.hosts().hosts();
            hostList.forEach(h -> hostsByName.put(h.host(), h));
            this.hours = in.intervalSeconds() / 3600.0;
            this.policy = sc.idlePolicy();
            this.reservedWeight = policy == IdlePolicy.RESERVED ? reservedWeight(hostList, in.apps()) : lit(0.0);
        }

        <T> T timed(String step, Supplier<T> body) {
            return Analysis.timed(timings, progress, step, body);
        }

        /**
         * Pass 1 over utilization: per host-interval sums, joined to power, with u and the fold of
         * each interval. Persisted (read by every later pass) and released by
         * AnalysisResult.release(), or when later analyses push it out.
         */
        Dataset<Row> hostIntervals() {
            return timed("analysis: host intervals", () -> {
                Dataset<Row> perTs = in.utilization().groupBy("host", "ts").agg(
                        sum("cpu_cores").as("cpu_sum"), count(lit(1)).as("n_apps"), sum(reservedWeight).as("rw_sum"));
                // Model and cores by a broadcast hash join with the inventory, before the cache: a
                // literal-map lookup (try_element_at(map_from_arrays(...))) searches its keys one by one,
                // i.e. ~hosts/2 string comparisons per host-interval on every later read.
                // Metered power, plus modelled power of hosts without a meter (metered = false).
                Dataset<Row> power = ModelledPower.power(spark, in, perTs, hostList, opt.catalog());
                Dataset<Row> joined = power
                        .join(perTs, scala.jdk.javaapi.CollectionConverters.asScala(List.of("host", "ts")).toSeq(), "left")
                        .join(broadcast(hostFacts(spark, hostList)),
                                scala.jdk.javaapi.CollectionConverters.asScala(List.of("host")).toSeq(), "left")
                        .persist(StorageLevel.MEMORY_AND_DISK());
                persisted.add(joined);
                AnalysisCaches.add(joined);
                // u is unknown wherever the host has no utilization sample, including hosts with none at all.
                Column u = when(col("cpu_sum").isNotNull(), col("cpu_sum").divide(col("cores")));
                return joined
                        .withColumn("u", u)
                        .withColumn("fold", pmod(xxhash64(floor(unix_seconds(col("ts")).divide(opt.foldBlockSeconds())),
                                lit(opt.seed())), lit(opt.folds())).cast(DataTypes.IntegerType));
            });
        }

        /** The power model of every hardware model, from the host-intervals with a known u. */
        Map<String, PowerModel> fit(Dataset<Row> hostIntervals) {
            return timed("analysis: power models", () -> {
                Dataset<Row> samples = hostIntervals.filter(col("u").isNotNull().and(col("metered")))
                        .select(col("model"), col("fold"), least(greatest(col("u"), lit(0.0)), lit(1.0)).as("u"), col("watts"));
                List<String> modelNames = hostList.stream().map(HostSpec::model).distinct().toList();
                return PowerModelFitter.fit(spark, samples, opt.folds(), modelNames,
                        PublishedCurves.forModels(hostList, opt.catalog()));
            });
        }

        /** Idle and dynamic watts per host-interval, what no app takes, the hour and its grid intensity (lazy). */
        Dataset<Row> energySplit(Dataset<Row> hostIntervals, Map<String, PowerModel> models) {
            Column pIdle = greatest(coalesce(col("curve_idle_w"), lookupModel(models, col("model"))), lit(0.0));
            return hostIntervals
                    .withColumn("idle_w", least(col("watts"), pIdle))
                    .withColumn("dyn_w", col("watts").minus(col("idle_w")))
                    .withColumn("hour", pmod(floor(unix_seconds(col("ts")).minus(in.intervalSeconds()).divide(3600)), lit(24)).cast(DataTypes.IntegerType))
                    .withColumn("un_idle_w", policy == IdlePolicy.UNATTRIBUTED ? col("idle_w")
                            : when(coalesce(col("n_apps"), lit(0L)).equalTo(0), col("idle_w")).otherwise(lit(0.0)))
                    .withColumn("un_dyn_w", when(coalesce(col("cpu_sum"), lit(0.0)).leq(0), col("dyn_w")).otherwise(lit(0.0)))
                    .withColumn("gco2_per_kwh", intensity(sc));
        }

        /** Per host, from the host-interval table: energy, utilization, idle waste, core-hours, by host name. */
        Map<String, Row> hostFigures(Dataset<Row> hiE) {
            return timed("analysis: host efficiency", () -> {
                Map<String, Row> m = new TreeMap<>();
                Column kwh = col("watts").multiply(hours / 1000);
                for (Row r : hiE.groupBy("host").agg(
                        count(lit(1)).as("intervals"),
                        avg("u").as("mean_u"),
                        percentile_approx(col("u"), lit(0.95), lit(10000)).as("p95_u"),
                        sum(kwh).as("kwh"),
                        sum(col("idle_w").multiply(hours / 1000)).as("idle_kwh"),
                        sum(when(col("u").lt(IDLE_WASTE_UTIL), kwh).otherwise(0.0)).as("waste_kwh"),
                        sum(coalesce(col("cpu_sum"), lit(0.0)).multiply(hours)).as("core_hours"),
                        sum(kwh.multiply(col("gco2_per_kwh"))).as("kwh_gco2"),
                        sum(col("un_idle_w").plus(col("un_dyn_w")).multiply(hours / 1000)).as("un_kwh"),
                        sum(col("un_idle_w").multiply(hours / 1000)).as("un_idle_kwh"),
                        sum(when(col("u").isNotNull(), col("cores")).otherwise(0.0)).as("core_intervals"),
                        sum(coalesce(col("cpu_sum"), lit(0.0))).as("busy_core_intervals"),
                        max(col("metered")).as("metered"), min(col("ts")).as("first_ts"), max(col("ts")).as("last_ts"))
                        .collectAsList()) {
                    m.put(r.getString(0), r);
                }
                return m;
            });
        }

        /** Pass 2 over utilization (lazy): every sample's share of its host-interval's dynamic and idle watts. */
        Dataset<Row> attributed(Dataset<Row> hiE) {
            Column idleShare = switch (policy) {
                case CPU_SHARE -> when(col("cpu_sum").gt(0), col("cpu_cores").divide(col("cpu_sum"))).otherwise(lit(1.0).divide(col("n_apps")));
                case EQUAL -> lit(1.0).divide(col("n_apps"));
                case RESERVED -> when(col("rw_sum").gt(0), reservedWeight.divide(col("rw_sum"))).otherwise(lit(1.0).divide(col("n_apps")));
                case UNATTRIBUTED -> lit(0.0);
            };
            return in.utilization()
                    .join(hiE.select("host", "ts", "idle_w", "dyn_w", "cpu_sum", "n_apps", "rw_sum", "gco2_per_kwh"),
                            scala.jdk.javaapi.CollectionConverters.asScala(List.of("host", "ts")).toSeq(), "left")
                    .withColumn("dyn_app_w", coalesce(when(col("cpu_sum").gt(0), col("dyn_w").multiply(col("cpu_cores")).divide(col("cpu_sum"))), lit(0.0)))
                    .withColumn("idle_app_w", coalesce(col("idle_w").multiply(idleShare), lit(0.0)));
        }

        /**
         * Usage features and percentiles per app and host straight from the ingest's rows, which ingest
         * leaves partitioned by host and app: the sort-based aggregation of percentile_approx then needs
         * no exchange, and each group's quantile summary is built in one task. (Aggregated after the
         * join with the host intervals, which repartitions by host and interval, every task held a
         * partial summary of nearly every group and shuffled them all.)
         */
        List<Row> usageRows() {
            double p = sc.percentile() / 100.0;
            return timed("analysis: usage per app", () -> in.utilization().groupBy("app", "host").agg(
                    count(lit(1)).as("samples"),
                    avg("cpu_cores").as("mean_cpu"),
                    max("cpu_cores").as("max_cpu"),
                    avg("mem_gb").as("mean_mem"),
                    percentile_approx(col("cpu_cores"), array(lit(0.95), lit(p)), lit(10000)).as("q_cpu"),
                    percentile_approx(coalesce(col("mem_gb"), lit(0.0)), array(lit(0.95), lit(p)), lit(10000)).as("q_mem"),
                    percentile_approx(coalesce(col("disk_iops"), lit(0.0)), lit(0.95), lit(1000)).as("q_iops"),
                    percentile_approx(coalesce(col("disk_mbps"), lit(0.0)), lit(0.95), lit(1000)).as("q_mbps"),
                    percentile_approx(coalesce(col("net_mbps"), lit(0.0)), lit(0.95), lit(1000)).as("q_net"),
                    percentile_approx(coalesce(col("gpu_pct"), lit(0.0)), lit(0.95), lit(1000)).as("q_gpu"))
                    .collectAsList());
        }

        /** Attribution per app and host: sums only (a hash aggregation after the join), by "app\0host". */
        Map<String, Row> attributionRows(Dataset<Row> attributed) {
            return timed("analysis: attribution per app", () -> {
                Column toKwh = lit(hours / 1000);
                Map<String, Row> m = new HashMap<>();
                for (Row r : attributed.groupBy("app", "host").agg(
                        sum(col("dyn_app_w").multiply(toKwh)).as("dyn_kwh"),
                        sum(col("idle_app_w").multiply(toKwh)).as("idle_kwh"),
                        sum(col("dyn_app_w").plus(col("idle_app_w")).multiply(toKwh).multiply(coalesce(col("gco2_per_kwh"), lit(0.0)))).as("kwh_gco2"))
                        .collectAsList()) {
                    m.put(r.getString(0) + "\u0000" + r.getString(1), r);
                }
                return m;
            });
        }

        /** The usage records and each app's attributed energy, joined on app and host on the driver. */
        Attribution attribute(List<Row> appRows, Map<String, Row> energyRows) {
            List<AppUsage> usage = new ArrayList<>();
            Map<String, Double> kwhGco2 = new HashMap<>();
            Map<String, double[]> appKwh = new HashMap<>();
            for (Row r : appRows) {
                List<Double> qc = r.getList(r.fieldIndex("q_cpu"));
                List<Double> qm = r.getList(r.fieldIndex("q_mem"));
                AppUsage a = new AppUsage(r.getString(0), r.getString(1), r.getLong(2), r.getDouble(3), qc.get(0), r.getDouble(4),
                        nz(r, "mean_mem"), qm.get(0), nz(r, "q_iops"), nz(r, "q_mbps"), nz(r, "q_net"), nz(r, "q_gpu"),
                        sc.percentile(), qc.get(1), qm.get(1));
                usage.add(a);
                String key = a.app() + "\u0000" + a.host();
                Row e = energyRows.get(key);
                appKwh.put(key, e == null ? new double[]{0, 0} : new double[]{nz(e, "dyn_kwh"), nz(e, "idle_kwh")});
                kwhGco2.put(key, e == null ? 0.0 : nz(e, "kwh_gco2"));
            }
            usage.sort(Comparator.comparing(AppUsage::app).thenComparing(AppUsage::host));
            return new Attribution(usage, appKwh, kwhGco2);
        }

        /** Host efficiency figures and the energy lines: each host's unattributed line, then every app's. */
        Efficiency efficiency(Map<String, PowerModel> models, Map<String, Row> hostRows, Attribution a) {
            // Per-host app floors for the comatose test.
            Map<String, Double> busiestApp = new HashMap<>();
            a.usage().forEach(u -> busiestApp.merge(u.host(), u.p95CpuCores(), Math::max));
            List<HostEfficiency> hostEff = new ArrayList<>();
            List<AppEnergy> energy = new ArrayList<>();
            for (Map.Entry<String, Row> e : hostRows.entrySet()) {
                HostSpec h = hostsByName.get(e.getKey());
                hostEff.add(host(h, models.get(h.model()), e.getValue(), busiestApp.getOrDefault(h.host(), 0.0)));
                unattributed(h, e.getValue()).ifPresent(energy::add);
            }
            Map<String, Double> appCo2ByHost = new HashMap<>();
            energy.addAll(appLines(a, appCo2ByHost));
            fillUnattributedCo2(energy, hostEff, appCo2ByHost);
            energy.sort(Comparator.comparingDouble(AppEnergy::kwh).reversed().thenComparing(AppEnergy::app).thenComparing(AppEnergy::host));
            hostEff.sort(Comparator.comparing(HostEfficiency::host));
            return new Efficiency(hostEff, energy);
        }

        private HostEfficiency host(HostSpec h, PowerModel pm, Row r, double busiestAppCores) {
            double pue = sc.pue();
            boolean metered = r.getBoolean(r.fieldIndex("metered"));
            FittedCurve curve = metered ? pm.curve() : PublishedCurves.forHost(h, opt.catalog()).curve();
            double kwh = nz(r, "kwh");
            double idleKwh = nz(r, "idle_kwh");
            double p95 = r.isNullAt(r.fieldIndex("p95_u")) ? Double.NaN : r.getDouble(r.fieldIndex("p95_u"));
            boolean comatose = p95 < COMATOSE_P95_UTIL && busiestAppCores < BUSY_APP_FLOOR_CORES;
            double co2 = nz(r, "kwh_gco2") * pue / 1000;
            return new HostEfficiency(h.host(), h.model(), r.getLong(1), nz(r, "mean_u"), p95, kwh, idleKwh,
                    kwh > 0 ? idleKwh / kwh : Double.NaN, nz(r, "waste_kwh"), curve.energyProportionality(),
                    kwh > 0 ? nz(r, "core_hours") / kwh : Double.NaN, comatose, kwh * pue, kwh * pue * sc.tariffPerKwh(), co2,
                    metered);
        }

        /** The host's {@value #UNATTRIBUTED_APP} line, when some of its energy went to no app; CO2e filled in later. */
        private Optional<AppEnergy> unattributed(HostSpec h, Row r) {
            double unKwh = nz(r, "un_kwh");
            if (unKwh <= 0) {
                return Optional.empty();
            }
            double unIdle = nz(r, "un_idle_kwh");
            return Optional.of(new AppEnergy(UNATTRIBUTED_APP, h.host(), unKwh, unKwh - unIdle, unIdle,
                    unKwh * sc.pue() * sc.tariffPerKwh(), Double.NaN, "-", "-",
                    policy == IdlePolicy.UNATTRIBUTED ? "idle policy 'unattributed': idle power kept apart"
                            : "energy no application used (no apps, or no CPU use, or utilization missing in the interval)"));
        }

        /**
         * Every app's line; adds each app's CO2e to {@code co2ByHost}. Class, verdict and reason are
         * classify's: it labels these lines (Classifier.label).
         */
        private List<AppEnergy> appLines(Attribution a, Map<String, Double> co2ByHost) {
            List<AppEnergy> out = new ArrayList<>();
            for (AppUsage u : a.usage()) {
                String key = u.app() + "\u0000" + u.host();
                double[] k = a.appKwh().get(key);
                double kwh = k[0] + k[1];
                double co2 = a.kwhGco2().get(key) * sc.pue() / 1000;
                co2ByHost.merge(u.host(), co2, Double::sum);
                out.add(new AppEnergy(u.app(), u.host(), kwh, k[0], k[1], kwh * sc.pue() * sc.tariffPerKwh(), co2,
                        null, null, null));
            }
            return out;
        }

        /** The CO2e of the unattributed lines: the host's CO2e less what its apps took. */
        private static void fillUnattributedCo2(List<AppEnergy> energy, List<HostEfficiency> hostEff,
                                                Map<String, Double> appCo2ByHost) {
            Map<String, HostEfficiency> effByHost = new HashMap<>();
            hostEff.forEach(x -> effByHost.put(x.host(), x));
            for (int i = 0; i < energy.size(); i++) {
                AppEnergy x = energy.get(i);
                if (x.app().equals(UNATTRIBUTED_APP) && Double.isNaN(x.co2eKg())) {
                    double co2 = Math.max(0, effByHost.get(x.host()).co2eKg() - appCo2ByHost.getOrDefault(x.host(), 0.0));
                    energy.set(i, new AppEnergy(x.app(), x.host(), x.kwh(), x.dynamicKwh(), x.idleKwh(), x.cost(), co2,
                            x.appClass(), x.virtVerdict(), x.reason()));
                }
            }
        }
    }

    /**
     * The first (or last) interval end of any host. The aligned intervals of a sample series can
     * start one interval before its first raw timestamp (a sample covers the period before it), so
     * the window of the analysis is counted in these ends, as the hosts' intervals are: no host is
     * then covered for longer than the window.
     */
    private static java.time.Instant alignedEnd(Map<String, Row> hostRows, String field, java.time.Instant none) {
        Comparator<java.time.Instant> order = field.equals("first_ts") ? Comparator.naturalOrder() : Comparator.reverseOrder();
        return hostRows.values().stream().map(r -> r.getTimestamp(r.fieldIndex(field)).toInstant()).min(order).orElse(none);
    }

    /** Largest |attributed + unattributed − measured| / measured over host-intervals with power above zero. */
    public static double maxConservationError(Dataset<Row> hiE, Dataset<Row> attributed) {
        Dataset<Row> perTs = attributed.groupBy("host", "ts")
                .agg(sum(col("dyn_app_w").plus(col("idle_app_w"))).as("attr_w"));
        Row r = hiE.join(perTs, scala.jdk.javaapi.CollectionConverters.asScala(List.of("host", "ts")).toSeq(), "left")
                .filter(col("watts").gt(0))
                .agg(max(abs(coalesce(col("attr_w"), lit(0.0)).plus(col("un_idle_w")).plus(col("un_dyn_w")).minus(col("watts")))
                        .divide(col("watts")))).first();
        return r.isNullAt(0) ? 0 : r.getDouble(0);
    }

    private static FleetEfficiency fleet(List<HostEfficiency> hosts, Map<String, Row> hostRows, int apps,
                                         List<AppEnergy> energy, double maxErr) {
        double kwh = 0, fac = 0, cost = 0, co2 = 0, idle = 0, waste = 0, coreHours = 0, epw = 0, coreIv = 0, busyIv = 0;
        int coma = 0;
        for (HostEfficiency h : hosts) {
            kwh += h.kwh();
            fac += h.facilityKwh();
            cost += h.cost();
            co2 += h.co2eKg();
            idle += h.idleKwh();
            waste += h.idleWasteKwh();
            if (Double.isFinite(h.ep())) {
                epw += h.ep() * h.kwh();
            }
            coma += h.comatose() ? 1 : 0;
            Row r = hostRows.get(h.host());
            coreHours += nz(r, "core_hours");
            coreIv += nz(r, "core_intervals");
            busyIv += nz(r, "busy_core_intervals");
        }
        double un = energy.stream().filter(e -> e.app().equals(UNATTRIBUTED_APP)).mapToDouble(AppEnergy::kwh).sum();
        return new FleetEfficiency(hosts.size(), apps, kwh, fac, cost, co2, idle, waste, un,
                coreIv > 0 ? busyIv / coreIv : Double.NaN, kwh > 0 ? epw / kwh : Double.NaN,
                kwh > 0 ? coreHours / kwh : Double.NaN, coma, maxErr);
    }

    private static List<ScatterPoint> scatter(Dataset<Row> hostIntervals, Map<String, PowerModel> models, AnalysisOptions opt) {
        Map<Object, Double> fractions = new HashMap<>();
        models.forEach((m, pm) -> fractions.put(m, pm.samples() <= opt.scatterPerModel() ? 1.0
                : opt.scatterPerModel() / (double) pm.samples()));
        if (fractions.isEmpty()) {
            return List.of();
        }
        List<ScatterPoint> out = new ArrayList<>();
        for (Row r : hostIntervals.filter(col("u").isNotNull().and(col("metered"))).select("model", "u", "watts")
                .stat().sampleBy(col("model"), fractions, opt.seed()).collectAsList()) {
            out.add(new ScatterPoint(r.getString(0), r.getDouble(1), r.getDouble(2)));
        }
        return out;
    }

    /** host, model, cores of the inventory: a local relation, small enough to broadcast. */
    static Dataset<Row> hostFacts(SparkSession spark, List<HostSpec> hosts) {
        StructType schema = new StructType().add("host", DataTypes.StringType).add("model", DataTypes.StringType)
                .add("cores", DataTypes.DoubleType);
        List<Row> rows = new ArrayList<>(hosts.size());
        hosts.forEach(h -> rows.add(RowFactory.create(h.host(), h.model(), h.cores())));
        return spark.createDataFrame(rows, schema);
    }

    private static Column intensity(Scenario sc) {
        if (sc.hourlyGridGco2ePerKwh().isEmpty()) {
            return lit(sc.gridGco2ePerKwh());
        }
        Column[] values = sc.hourlyGridGco2ePerKwh().stream().map(v -> lit(v.doubleValue())).toArray(Column[]::new);
        return element_at(array(values), col("hour").plus(1));
    }

    /** Per utilization row: the app's reserved share of its host, mean of cores and memory shares. */
    private static Column reservedWeight(List<HostSpec> hosts, AppCatalog apps) {
        Column rc = lookup(apps.apps(), AppInfo::app, a -> a.reservedCores() == null ? 0.0 : a.reservedCores(), col("app"));
        Column rm = lookup(apps.apps(), AppInfo::app, a -> a.reservedMemGb() == null ? 0.0 : a.reservedMemGb(), col("app"));
        Column hc = lookup(hosts, HostSpec::host, HostSpec::cores, col("host"));
        Column hm = lookup(hosts, HostSpec::host, HostSpec::memGb, col("host"));
        return coalesce(rc.divide(hc).plus(rm.divide(hm)).divide(2), lit(0.0));
    }

    private static Column lookupModel(Map<String, PowerModel> models, Column model) {
        return lookup(new ArrayList<>(models.values()), PowerModel::model, PowerModel::idleWatts, model);
    }

    private static <T> Column lookup(List<T> items, Function<T, String> key, java.util.function.ToDoubleFunction<T> value, Column k) {
        if (items.isEmpty()) {
            return lit(null).cast(DataTypes.DoubleType);
        }
        String[] keys = items.stream().map(key).toArray(String[]::new);
        Double[] values = items.stream().map(i -> value.applyAsDouble(i)).toArray(Double[]::new);
        return try_element_at(map_from_arrays(lit(keys), lit(values)), k);
    }

    static double nz(Row r, String field) {
        int i = r.fieldIndex(field);
        return r.isNullAt(i) ? 0.0 : ((Number) r.get(i)).doubleValue();
    }

    private static <T> T timed(Map<String, Double> timings, Progress progress, String step, Supplier<T> body) {
        long t0 = System.nanoTime();
        T result = progress.step(step, body);
        timings.put(step.replace("analysis: ", ""), (System.nanoTime() - t0) / 1e9);
        return result;
    }
}
