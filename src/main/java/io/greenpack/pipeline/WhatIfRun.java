package io.greenpack.pipeline;

import io.greenpack.config.WhatIfPoint;
import io.greenpack.consolidate.ConsolidationStage;
import io.greenpack.consolidate.FleetInputs;
import io.greenpack.consolidate.OptionInputs;
import io.greenpack.correlate.AnalysisOptions;
import io.greenpack.correlate.AnalysisResult;
import io.greenpack.correlate.CatalogCurves;
import io.greenpack.ingest.IngestResult;
import io.greenpack.optimize.SolverSettings;
import io.greenpack.util.Progress;
import io.greenpack.whatif.PlannedPoint;
import io.greenpack.whatif.WhatIf;
import io.greenpack.whatif.WhatIfData;
import io.greenpack.whatif.WhatIfResult;
import io.greenpack.report.RunFolder;
import io.greenpack.report.WhatIfOutputs;
import io.greenpack.report.WhatIfSource;
import io.greenpack.table.TableWriter;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The what-if run (DESIGN §8): ingest once; analyse once per distinct setting of the
 * fields that change what is read from the data (percentile, hourly_sizing, idle_policy — usually
 * one analysis); broadcast the plain results; plan every point's four options in its own Spark
 * task (the optimizer and costs are plain Java, {@link WhatIf#plan}); collect; replay every option
 * of every point in one Spark job and decide each point as report does ({@link WhatIf#results});
 * write the comparison into a run folder.
 *
 * <p>Reproducible: tasks are pure functions of the broadcast inputs, the point and the solver
 * settings. The optimizer stops on its iteration budget, never on the clock: the time limit is
 * set so far out ({@value #NO_CLOCK_SECONDS} s) that it cannot decide, so the same file and data
 * give a byte-identical whatif.csv locally and on a cluster, however busy the machines are.
 */
public final class WhatIfRun {
    /** The optimizer's time limit in what-if runs: a week, i.e. never the reason a search stops. */
    public static final double NO_CLOCK_SECONDS = 7 * 24 * 3600;
    /** Default iteration budget per plan (a point plans four options with two sizings: eight plans). */
    public static final long DEFAULT_ITERATIONS = 20_000;

    private WhatIfRun() {
    }

    /** The solver settings of a what-if run: seed and budget, no clock. */
    public static SolverSettings solver(long seed, long iterations) {
        return new SolverSettings(seed, NO_CLOCK_SECONDS, iterations);
    }

    public static WhatIfData prepare(SparkSession spark, IngestResult ingest, List<WhatIfPoint> points,
                                   AnalysisOptions options, Map<String, Double> timings, Progress progress) {
        Map<String, AnalysisResult> analyses = new LinkedHashMap<>();
        Map<String, OptionInputs> inputs = new LinkedHashMap<>();
        for (WhatIfPoint p : points) {
            String key = WhatIf.dataKey(p.scenario());
            if (analyses.containsKey(key)) {
                continue;
            }
            long t0 = System.nanoTime();
            progress.say("whatif: analysing the data for " + key);
            AnalysisResult a = AnalysisStages.run(spark, ingest, p.scenario(), options, progress);
            analyses.put(key, a);
            inputs.put(key, ConsolidationStage.optionInputs(ingest, a, ingest.targets(), p.scenario()));
            timings.put("analysis " + key, (System.nanoTime() - t0) / 1e9);
        }
        // Check target names on the driver: a mistake is one message, not a failed task.
        for (WhatIfPoint p : points) {
            FleetInputs in = inputs.get(WhatIf.dataKey(p.scenario())).fleet();
            if (!in.targets().isEmpty()) {
                ConsolidationStage.select(in.targets(), p.scenario());
            }
        }
        return new WhatIfData(ingest, analyses, inputs);
    }

    /**
     * Every point planned in its own Spark task, then, on the driver, replayed against the measured
     * demand in {@code utilization} and decided; results in the points' order.
     */
    public static List<WhatIfResult> evaluate(Dataset<Row> utilization, Map<String, OptionInputs> inputs,
                                              List<WhatIfPoint> points, SolverSettings solver) {
        return WhatIf.results(plan(utilization, inputs, points, solver), inputs, utilization);
    }

    /** Every point's options planned in its own Spark task; in the points' order. */
    static List<PlannedPoint> plan(Dataset<Row> utilization, Map<String, OptionInputs> inputs, List<WhatIfPoint> points,
                                   SolverSettings solver) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(utilization.sparkSession().sparkContext());
        Broadcast<HashMap<String, OptionInputs>> b = jsc.broadcast(new HashMap<>(inputs));
        List<PlannedPoint> planned;
        try {
            List<Integer> index = IntStream.range(0, points.size()).boxed().toList();
            planned = new ArrayList<>(jsc.parallelize(new ArrayList<>(index), Math.max(1, points.size()))
                    .map(new Task(b, new ArrayList<>(points), solver)).collect());
        } finally {
            b.destroy();
        }
        planned.sort(Comparator.comparingInt(PlannedPoint::index));
        return planned;
    }

    /** The same, one point after the other on this thread (for tests and comparison). */
    public static List<WhatIfResult> evaluateSequentially(Dataset<Row> utilization, Map<String, OptionInputs> inputs,
                                                          List<WhatIfPoint> points, SolverSettings solver) {
        List<PlannedPoint> planned = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            planned.add(WhatIf.plan(i, inputs.get(WhatIf.dataKey(points.get(i).scenario())), points.get(i), solver));
        }
        return WhatIf.results(planned, inputs, utilization);
    }

    /** One Spark task: plan point {@code i}. */
    private static final class Task implements Function<Integer, PlannedPoint> {
        private final Broadcast<HashMap<String, OptionInputs>> inputs;
        private final ArrayList<WhatIfPoint> points;
        private final SolverSettings solver;

        Task(Broadcast<HashMap<String, OptionInputs>> inputs, ArrayList<WhatIfPoint> points, SolverSettings solver) {
            this.inputs = inputs;
            this.points = points;
            this.solver = solver;
        }

        @Override
        public PlannedPoint call(Integer i) {
            WhatIfPoint p = points.get(i);
            return WhatIf.plan(i, inputs.value().get(WhatIf.dataKey(p.scenario())), p, solver);
        }
    }

    static java.nio.file.Path run(SparkSession spark, RunRequest req, Progress progress) throws IOException {
        JobRun job = new JobRun(req.dataDir(), List.of(req.scenariosFile()), "whatif " + req.solver());
        Map<String, Double> timings = job.timings();
        IngestResult ingest = job.ingest(spark, req.ingest(), progress);
        List<WhatIfPoint> points = req.scenarios().whatIf();
        WhatIfData prepared = prepare(spark, ingest, points,
                AnalysisOptions.defaults().withCatalog(CatalogCurves.of(ingest.targets())), timings, progress);
        List<PlannedPoint> planned = job.timed("plan points", () -> progress.step(
                "whatif: planning the options of " + points.size() + " points as Spark tasks",
                () -> plan(ingest.utilization(), prepared.inputs(), points, req.solver())));
        List<WhatIfResult> results = job.timed("replay and decide", () -> progress.step(
                "whatif: replaying every option against the measured demand (one Spark job)",
                () -> WhatIf.results(planned, prepared.inputs(), ingest.utilization())));
        results.stream().filter(r -> !r.evaluated())
                .forEach(r -> progress.say("whatif: point " + r.name() + ": " + r.note()));
        WhatIf.warnings(results).forEach((w, names) ->
                progress.say("whatif: warning (" + WhatIf.whichPoints(names, results.size()) + "): " + w));

        try (RunFolder run = RunFolder.begin(req.outDir(), job.runId())) {
            progress.say("whatif: writing " + run.finalDir());
            List<String> files = job.timed("render", () -> WhatIfOutputs.write(new TableWriter(spark), run,
                    new WhatIfSource(req.dataDir(), req.scenariosFile(), req.scenarios(), req.solver()), prepared, results,
                    job.runId(), job.started()));
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("interval_seconds", req.ingest().intervalSeconds());
            settings.put("max_gap_seconds", req.ingest().maxGapSeconds());
            settings.put("base", req.scenarios().base().toMap());
            settings.put("points", points.stream().map(p -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", p.name());
                m.put("kind", p.kind());
                m.putAll(p.parameters());
                return m;
            }).toList());
            settings.put("analyses", new ArrayList<>(prepared.analyses().keySet()));
            settings.put("solver_seed", req.solver().seed());
            settings.put("solver_iterations", req.solver().maxIterations());
            settings.put("solver_time_limit_seconds", "none (iteration budget only; reproducible)");
            settings.put("files", files);
            Map<String, Long> rows = JobRun.rowCounts(ingest);
            rows.put("points", (long) points.size());
            rows.put("analyses", (long) prepared.analyses().size());
            job.writeManifest(spark, run, req.commandLine(), settings, rows);
            return run.commit();
        }
    }
}
