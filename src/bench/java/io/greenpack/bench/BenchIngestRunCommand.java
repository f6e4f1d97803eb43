package io.greenpack.bench;

import io.greenpack.ingest.Ingest;
import io.greenpack.ingest.IngestOptions;
import io.greenpack.ingest.IngestResult;
import io.greenpack.ingest.files.FileStats;
import io.greenpack.ingest.files.InputKind;
import io.greenpack.spark.Sparks;
import io.greenpack.util.Progress;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.StageInfo;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.timestamp_seconds;
import static org.apache.spark.sql.functions.unix_seconds;

/**
 * One measurement of {@code bench ingest}, run by it in a fresh JVM: session start, then
 * {@link Ingest#run} and the hourly aggregation, then a small JSON result. Hidden: not for users.
 */
@Command(name = "ingest-run", hidden = true, description = "One ingest measurement in this JVM (used by bench ingest).")
public final class BenchIngestRunCommand implements Callable<Integer> {
    @Option(names = "--data", required = true)
    Path data;

    @Option(names = "--format", required = true)
    String format;

    @Option(names = "--run", defaultValue = "1")
    int run;

    @Option(names = "--result", required = true)
    Path result;

    @Option(names = "--warm", defaultValue = "0")
    int warm;

    /** Wall time per Spark job and stage, to see what dominates (the UI is off). */
    static final class Timings extends SparkListener {
        final Map<Integer, Long> jobStart = new ConcurrentHashMap<>();
        final List<String> jobs = java.util.Collections.synchronizedList(new ArrayList<>());
        final List<String> stages = java.util.Collections.synchronizedList(new ArrayList<>());
        /** Wall clock at the start of the measured part: jobs are shown as from + seconds. */
        volatile long startMillis = System.currentTimeMillis();

        @Override
        public void onJobStart(SparkListenerJobStart e) {
            jobStart.put(e.jobId(), e.time());
        }

        @Override
        public void onJobEnd(SparkListenerJobEnd e) {
            Long t0 = jobStart.get(e.jobId());
            jobs.add(String.format(Locale.ROOT, "job %d: from %.2f s, %.2f s", e.jobId(),
                    t0 == null ? -1 : (t0 - startMillis) / 1e3, t0 == null ? -1 : (e.time() - t0) / 1e3));
        }

        @Override
        public void onStageCompleted(SparkListenerStageCompleted e) {
            StageInfo s = e.stageInfo();
            long ms = s.completionTime().isDefined() && s.submissionTime().isDefined()
                    ? (Long) s.completionTime().get() - (Long) s.submissionTime().get() : -1;
            stages.add(String.format(Locale.ROOT, "stage %d (%d tasks): %.2f s %s", s.stageId(), s.numTasks(), ms / 1e3,
                    s.name()));
        }
    }

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        SparkSession spark = Sparks.session(null);
        double sessionS = (System.nanoTime() - t0) / 1e9;
        Timings timings = new Timings();
        spark.sparkContext().addSparkListener(timings);

        long t1 = System.nanoTime();
        timings.startMillis = System.currentTimeMillis();
        IngestResult r = Ingest.run(spark, data, IngestOptions.defaults(), Progress.SILENT);
        double ingestS = (System.nanoTime() - t1) / 1e9;
        if (System.getenv("GREENPACK_BENCH_EXPLAIN") != null) {
            hourly(r.utilization()).explain(); // the physical plan, to see the shuffles
        }
        aggregate(r);
        double seconds = (System.nanoTime() - t1) / 1e9;

        long rows = 0;
        long powerRows = 0;
        for (FileStats f : r.files()) {
            if (f.kind() == InputKind.UTILIZATION) {
                rows += f.rowsRead();
            } else if (f.kind() == InputKind.POWER) {
                powerRows += f.rowsRead();
            }
        }
        long peak = ChildJvm.peakHeapBytes(); // summed pool peaks since start: an upper bound
        // CPU seconds of the whole process (every thread, JIT and GC included): on a shared
        // machine this varies much less with the load than wall time does.
        double cpuS = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1e9 : -1;
        // Everything above is about the fresh run; the same-JVM repeats only add their times.
        spark.sparkContext().removeSparkListener(timings);
        int jobs = timings.jobs.size();
        String cpuByThread = cpuByThread();
        String load = String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        List<Double> warmSeconds = new ArrayList<>();
        for (int w = 0; w < warm; w++) {
            warmSeconds.add(again(spark));
        }
        StringBuilder json = new StringBuilder("{");
        json.append(String.format(Locale.ROOT, "\"cpu_s\": %.2f, \"load_average\": %s, ", cpuS, load));
        json.append(String.format(Locale.ROOT, "\"format\": \"%s\", \"run\": %d, \"rows\": %d, \"power_rows\": %d, "
                        + "\"rejected\": %d, \"session_s\": %.3f, \"ingest_s\": %.3f, \"seconds\": %.3f, \"rows_per_s\": %.1f, "
                        + "\"peak_heap_mb\": %d, \"spark\": \"%s\", \"jobs\": %d,%n", format, run, rows, powerRows,
                r.rowsRejected(), sessionS, ingestS, seconds, rows / seconds, peak >> 20, spark.version(),
                jobs));
        json.append("\"warm_s\": ").append(warmSeconds.stream().map(w -> String.format(Locale.ROOT, "%.3f", w))
                .collect(java.util.stream.Collectors.joining(", ", "[", "]"))).append(",\n");
        json.append("\"cpu_by_thread_s\": ").append(cpuByThread).append(",\n");
        json.append("\"job_times\": [").append(quoted(timings.jobs)).append("],\n");
        json.append("\"stage_times\": [").append(quoted(timings.stages)).append("]}\n");
        Files.writeString(result, json);
        return 0;
    }

    /**
     * The same ingest and aggregation again in this JVM, as a long-lived process (a what-if
     * session) would run it: JIT-compiled, classes loaded. The earlier run's cached blocks are
     * dropped first, so that both hold the same memory.
     */
    private double again(SparkSession spark) {
        org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext()).getPersistentRDDs()
                .values().forEach(rdd -> rdd.unpersist(true));
        long t = System.nanoTime();
        aggregate(Ingest.run(spark, data, IngestOptions.defaults(), Progress.SILENT));
        return (System.nanoTime() - t) / 1e9;
    }

    /** The measured aggregation: hourly rows computed and dropped (Spark's noop sink). */
    private static void aggregate(IngestResult r) {
        hourly(r.utilization()).write().format("noop").mode("overwrite").save();
    }

    /**
     * CPU seconds by kind of thread (Linux: /proc/self/task), to tell the work from the JIT
     * compilers and the collector in a fresh JVM; "{}" where /proc is not there.
     */
    static String cpuByThread() {
        java.util.Map<String, Double> byKind = new java.util.TreeMap<>();
        java.nio.file.Path tasks = java.nio.file.Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return "{}";
        }
        try (java.util.stream.Stream<java.nio.file.Path> ts = Files.list(tasks)) {
            for (java.nio.file.Path t : ts.toList()) {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    // Fields after the command name (in parentheses): utime and stime are the 12th and 13th.
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double seconds = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // clock ticks
                    byKind.merge(threadKind(Files.readString(t.resolve("comm")).strip()), seconds, Double::sum);
                } catch (java.io.IOException | RuntimeException gone) {
                    // the thread ended while being read
                }
            }
        } catch (java.io.IOException e) {
            return "{}";
        }
        StringBuilder out = new StringBuilder("{");
        byKind.forEach((k, v) -> out.append(out.length() > 1 ? ", " : "").append(String.format(Locale.ROOT, "\"%s\": %.2f", k, v)));
        return out.append("}").toString();
    }

    private static String threadKind(String name) {
        if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
            return "jit";
        }
        if (name.startsWith("GC Thread") || name.equals("VM Thread") || name.startsWith("ParGC")) {
            return "gc";
        }
        if (name.startsWith("Executor task")) {
            return "tasks";
        }
        return name.equals("java") || name.equals("main") ? "driver" : "other";
    }

    /** Per host, app and hour: mean and max cores, mean memory (the shape later stages read). */
    static Dataset<Row> hourly(Dataset<Row> utilization) {
        // ts is the end of an interval: the interval ending at 10:00 belongs to the hour from 9:00.
        return utilization.groupBy(col("host"), col("app"),
                        timestamp_seconds(floor(unix_seconds(col("ts")).minus(1).divide(3600)).multiply(3600)).as("hour"))
                .agg(avg("cpu_cores").as("cpu_mean"), max("cpu_cores").as("cpu_max"), avg("mem_gb").as("mem_mean"));
    }

    private static String quoted(List<String> lines) {
        List<String> q = new ArrayList<>();
        synchronized (lines) {
            for (String s : lines) {
                q.add("\"" + s.replace("\\", "/").replace("\"", "'").replaceAll("\\s+", " ") + "\"");
            }
        }
        return String.join(",\n  ", q);
    }
}
