package io.greenpack.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenpack.chart.ChartFiles;
import io.greenpack.util.Home;
import io.greenpack.util.UserError;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;

/**
 * {@code greenpack bench scale}: the scale benchmark. For each size: {@code generate} in a
 * child JVM (time and peak heap), a one-off conversion of the CSV output to Parquet (cached under
 * {@code --work}, keyed by size, days and seed), then {@code report --data <parquet>} in a fresh
 * child JVM with {@code -Xmx<heap>}: wall time per stage (the report's own timings, from its
 * manifest.json), peak heap and CPU seconds. Writes scale.csv, scale.md and scale.png/.svg.
 */
@Command(name = "scale", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Scale benchmark: generate, convert to Parquet, then 'report' from Parquet in a fresh",
                "JVM at each size; wall seconds per stage, peak heap and CPU seconds. Generated and converted",
                "data are cached in --work and reused. Writes scale.csv, scale.md, scale.png and scale.svg."},
        footer = {"", "Examples:",
                "  greenpack bench scale                       # sizes 100x500, 300x1500, 1000x5000 (hosts x apps)",
                "  greenpack bench scale --sizes 100x500,300x1500 --heap 8g",
                "  greenpack bench scale --sizes 300x1500 --stages-only   # re-measure the report on cached data",
                "",
                "1000x5000 at 30 days: about 43 M utilization rows, 0.1 GB of CSV.gz and 0.5 GB of Parquet in --work."})
public final class BenchScaleCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--sizes", split = ",", defaultValue = "100x500,300x1500,1000x5000", paramLabel = "HOSTSxAPPS",
            description = "Fleet sizes, hosts x apps, smallest first (default: ${DEFAULT-VALUE}).")
    List<String> sizes;

    @Option(names = "--days", defaultValue = "30", paramLabel = "N",
            description = "Days of 5-minute samples per fleet (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--heap", defaultValue = "8g", paramLabel = "SIZE",
            description = "-Xmx of the report JVM (default: ${DEFAULT-VALUE}).")
    String heap;

    @Option(names = "--generate-heap", defaultValue = "1g", paramLabel = "SIZE",
            description = "-Xmx of the generator JVM (it streams; default: ${DEFAULT-VALUE}).")
    String generateHeap;

    @Option(names = "--work", paramLabel = "DIR",
            description = "Cache of generated and converted data (default: target/bench-data under the greenpack home).")
    Path work;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder (default: reports/bench under the greenpack home).")
    Path out;

    @Option(names = "--seed", defaultValue = "42", description = "Generator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--stages-only",
            description = "Only run the report on data already generated and converted in --work (its generate and "
                    + "convert figures are the cached ones); a size not in the cache is an error.")
    boolean stagesOnly;

    @Option(names = "--report-jvm-option", paramLabel = "FLAG", hidden = true,
            description = "Extra JVM flag for the report JVM, e.g. -XX:StartFlightRecording=filename=r.jfr (repeatable).")
    List<String> reportJvmOptions = new ArrayList<>();

    static final Pattern SIZE = Pattern.compile("(\\d+)x(\\d+)");
    /** Top-level stages of the report, as its manifest names them, in order. */
    static final List<String> STAGES = List.of("ingest", "fleet power", "analysis", "consolidate", "render");

    /** One measured size. */
    record Result(int hosts, int apps, long utilRows, long powerRows, JsonNode generate, JsonNode convert,
                  JsonNode report, double reportProcessS, Map<String, Double> timings, double loadBefore) {
        double stage(String name) {
            return timings.getOrDefault(name, Double.NaN);
        }

        /** Inside the report JVM, outside the named stages: Spark session start, checksums, run-id, manifest. */
        double other() {
            double sum = 0;
            for (String s : STAGES) {
                sum += timings.getOrDefault(s, 0.0);
            }
            return report.path("wall_s").asDouble() - sum;
        }
    }

    @Override
    public Integer call() throws Exception {
        if (days < 1 || days > 400) {
            throw new UserError("--days must be within 1..400, got " + days);
        }
        List<int[]> parsed = new ArrayList<>();
        for (String s : sizes) {
            Matcher m = SIZE.matcher(s.strip());
            if (!m.matches() || Integer.parseInt(m.group(1)) < 1 || Integer.parseInt(m.group(2)) < 1) {
                throw new UserError("--sizes: expected HOSTSxAPPS like 300x1500, got '" + s + "'");
            }
            parsed.add(new int[]{Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))});
        }
        PrintWriter o = spec.commandLine().getOut();
        Path dir = (out != null ? out : Home.reports().resolve("bench")).toAbsolutePath();
        Path cache = (work != null ? work : Home.dir().resolve("target").resolve("bench-data")).toAbsolutePath();
        Files.createDirectories(dir.resolve("scale-runs"));

        List<Result> results = new ArrayList<>();
        for (int[] size : parsed) {
            Result r = measure(size[0], size[1], cache, dir, o);
            results.add(r);
            write(results, dir);
        }
        o.println();
        o.print(Files.readString(dir.resolve("scale.md")));
        o.println("wrote " + dir.resolve("scale.csv") + ", scale.md, scale.png and scale.svg");
        o.flush();
        return 0;
    }

    /** Where one size's data and figures live in the cache: its key, base, CSV and Parquet folders. */
    private record SizeDirs(String key, Path base, Path csv, Path pq) {
    }

    /** The measured report run of one size. */
    private record ReportRun(JsonNode report, double processS, double loadBefore, Map<String, Double> timings) {
    }

    private Result measure(int hosts, int apps, Path cache, Path dir, PrintWriter o) throws Exception {
        String key = "scale-h" + hosts + "-a" + apps + "-d" + days + "-s" + seed;
        Path base = cache.resolve(key);
        SizeDirs size = new SizeDirs(key, base, base.resolve("csv"), base.resolve("parquet"));
        ObjectMapper json = new ObjectMapper();
        Files.createDirectories(base);

        JsonNode generate = generateOnce(size, hosts, apps, json, o);
        JsonNode truth = json.readTree(size.csv().resolve("truth.json").toFile());
        DataRows rows = DataRows.of(truth);
        long utilRows = rows.utilization();
        long powerRows = rows.power();
        JsonNode convert = convertOnce(size, hosts, apps, utilRows, json, o);
        ReportRun run = report(size, utilRows, json, o);

        // Keep each size's raw figures next to the tables.
        ObjectNode all = json.createObjectNode();
        all.put("hosts", hosts).put("apps", apps).put("days", days).put("seed", seed)
                .put("utilization_rows", utilRows).put("power_rows", powerRows)
                .put("report_process_s", run.processS()).put("load_average_before", run.loadBefore());
        all.set("generate", generate);
        all.set("convert", convert);
        all.set("report", run.report());
        all.set("timings", json.valueToTree(run.timings()));
        json.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("scale-runs").resolve(key + ".json").toFile(), all);
        Result r = new Result(hosts, apps, utilRows, powerRows, generate, convert, run.report(), run.processS(),
                run.timings(), run.loadBefore());
        JsonNode report = run.report();
        say(o, "%s: report %.1f s (ingest %.1f, analysis %.1f, consolidate %.1f, render %.1f), peak heap %,d MB, "
                        + "%.0f CPU s, load %.1f -> %.1f", key, run.processS(), r.stage("ingest"), r.stage("analysis"),
                r.stage("consolidate"), r.stage("render"), report.path("peak_heap_mb").asLong(), report.path("cpu_s").asDouble(),
                run.loadBefore(), report.path("load_average").asDouble());
        return r;
    }

    /** Generates the size in a child JVM unless a complete earlier generation is cached (truth.json comes last). */
    private JsonNode generateOnce(SizeDirs size, int hosts, int apps, ObjectMapper json, PrintWriter o) throws Exception {
        Path genResult = size.base().resolve("generate.json");
        if (!Files.exists(size.csv().resolve("truth.json"))) {
            if (stagesOnly) {
                throw new UserError("--stages-only: " + hosts + "x" + apps + " is not generated in " + size.base());
            }
            say(o, "%s: generating %d hosts x %d apps x %d days into %s ...", size.key(), hosts, apps, days, size.csv());
            ChildJvm.Outcome g = ChildJvm.run(generateHeap, Map.of(), List.of("measure", "--result",
                            genResult.toString(), "--", "generate", "--out", size.csv().toString(), "--hosts",
                            String.valueOf(hosts), "--apps", String.valueOf(apps), "--days", String.valueOf(days),
                            "--seed", String.valueOf(seed)),
                    size.base().resolve("generate.log"), 3, TimeUnit.HOURS);
            if (g.exitCode() != 0) {
                throw new IllegalStateException("generate failed (exit " + g.exitCode() + "):\n" + g.tail());
            }
            ObjectNode gj = (ObjectNode) json.readTree(genResult.toFile());
            gj.put("process_s", g.seconds());
            gj.put("measured_utc", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            json.writerWithDefaultPrettyPrinter().writeValue(genResult.toFile(), gj);
        }
        return Files.exists(genResult) ? json.readTree(genResult.toFile()) : json.createObjectNode();
    }

    /** Converts the size to Parquet once, cached with _converted. */
    private JsonNode convertOnce(SizeDirs size, int hosts, int apps, long utilRows, ObjectMapper json, PrintWriter o)
            throws Exception {
        Path pq = size.pq();
        Path convResult = size.base().resolve("convert.json");
        if (!Files.exists(pq.resolve("_converted"))) {
            if (stagesOnly) {
                throw new UserError("--stages-only: " + hosts + "x" + apps + " is not converted to Parquet in "
                        + size.base());
            }
            say(o, "%s: converting to Parquet in %s ...", size.key(), pq);
            // In a child JVM as well: this JVM then never holds a Spark heap next to the measured one.
            ChildJvm.Outcome c = ChildJvm.run(heap, Map.of("greenpack.home", size.base().resolve("home").toString()),
                    List.of("measure", "--result", convResult.toString(), "--", "bench", "scale-convert",
                            "--csv", size.csv().toString(), "--out", pq.toString(), "--rows", String.valueOf(utilRows)),
                    size.base().resolve("convert.log"), 3, TimeUnit.HOURS);
            if (c.exitCode() != 0 || !Files.exists(pq.resolve("_converted"))) {
                throw new IllegalStateException("conversion to Parquet failed (exit " + c.exitCode() + "):\n" + c.tail());
            }
            ObjectNode cj = (ObjectNode) json.readTree(convResult.toFile());
            cj.put("process_s", c.seconds());
            cj.put("parquet_mb", bytes(pq) / 1e6);
            cj.put("measured_utc", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            json.writerWithDefaultPrettyPrinter().writeValue(convResult.toFile(), cj);
        }
        return Files.exists(convResult) ? json.readTree(convResult.toFile()) : json.createObjectNode();
    }

    /**
     * The report from Parquet in a fresh JVM. Its greenpack home is a scratch folder in the cache, so
     * that the notebook copies of its tables and Spark's scratch space stay out of the checkout.
     */
    private ReportRun report(SizeDirs size, long utilRows, ObjectMapper json, PrintWriter o) throws Exception {
        Path base = size.base();
        Path runs = base.resolve("report-runs");
        deleteTree(runs);
        Files.createDirectories(runs);
        Path result = base.resolve("report.json");
        Files.deleteIfExists(result);
        double loadBefore = ChildJvm.loadAverage();
        say(o, "%s: report on %,d utilization rows (-Xmx%s, load %.1f) ...", size.key(), utilRows, heap, loadBefore);
        ChildJvm.Outcome rep = ChildJvm.run(heap, Map.of("greenpack.home", base.resolve("home").toString()),
                reportJvmOptions, List.of("measure", "--result", result.toString(), "--", "report", "--data",
                        size.pq().toString(), "--out", runs.toString()), base.resolve("report.log"), 3, TimeUnit.HOURS);
        if (rep.exitCode() != 0 || !Files.exists(result)) {
            throw new IllegalStateException("report failed (exit " + rep.exitCode() + "); log " + base.resolve("report.log")
                    + ":\n" + rep.tail());
        }
        JsonNode report = json.readTree(result.toFile());
        Path manifest;
        try (Stream<Path> s = Files.list(runs)) {
            manifest = s.filter(p -> Files.exists(p.resolve("manifest.json"))).findFirst()
                    .orElseThrow(() -> new IllegalStateException("report wrote no run folder in " + runs)).resolve("manifest.json");
        }
        Map<String, Double> timings = new LinkedHashMap<>();
        json.readTree(manifest.toFile()).path("timingsSeconds").fields()
                .forEachRemaining(e -> timings.put(e.getKey(), e.getValue().asDouble()));
        return new ReportRun(report, rep.seconds(), loadBefore, timings);
    }

    /**
     * The generated CSV as Parquet as {@code bench scale} and {@code bench analyze} write it: about
     * 4 M utilization rows per file (a quarter as many power files), each file's rows sorted by
     * series and time.
     */
    static void toParquet(SparkSession spark, Path csvDir, Path pqDir, long utilRows) throws IOException {
        int files = (int) Math.max(1, Math.min(64, (utilRows + 3_999_999) / 4_000_000));
        toParquet(spark, csvDir, pqDir, files, Math.max(1, files / 4), true);
    }

    /**
     * The generated CSV as Parquet with native types, as a user converting once would write it
     * (used by {@code bench ingest}, {@code bench scale} and {@code bench analyze}): the small
     * files copied as CSV; utilization and power rows repartitioned by host (each host's rows in
     * one file, as generate's shards have them), 32 MB row groups so that Spark can split a file
     * over the cores.
     *
     * @param utilFiles    the number of utilization Parquet files
     * @param powerFiles   the number of power Parquet files
     * @param sortBySeries whether each file's rows are sorted by series and time; if not, each
     *                     host's rows keep the CSV's (time-major) order
     */
    static void toParquet(SparkSession spark, Path csvDir, Path pqDir, int utilFiles, int powerFiles, boolean sortBySeries)
            throws IOException {
        deleteTree(pqDir);
        Files.createDirectories(pqDir);
        for (String small : List.of("hosts.csv", "apps.csv", "targets.csv")) {
            if (Files.exists(csvDir.resolve(small))) {
                Files.copy(csvDir.resolve(small), pqDir.resolve(small), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        StructType util = new StructType().add("timestamp", DataTypes.TimestampType).add("host", DataTypes.StringType)
                .add("app", DataTypes.StringType).add("instance", DataTypes.StringType)
                .add("cpu_cores", DataTypes.DoubleType).add("mem_gb", DataTypes.DoubleType)
                .add("disk_iops", DataTypes.DoubleType).add("disk_mbps", DataTypes.DoubleType)
                .add("net_mbps", DataTypes.DoubleType);
        StructType power = new StructType().add("timestamp", DataTypes.TimestampType).add("host", DataTypes.StringType)
                .add("psu", DataTypes.StringType).add("watts", DataTypes.DoubleType)
                .add("energy_wh", DataTypes.DoubleType).add("source", DataTypes.StringType);
        convert(spark, csvDir, "utilization", util, utilFiles, pqDir,
                sortBySeries ? new String[] {"host", "app", "instance", "timestamp"} : new String[0]);
        convert(spark, csvDir, "power", power, powerFiles, pqDir,
                sortBySeries ? new String[] {"host", "psu", "timestamp"} : new String[0]);
        Files.writeString(pqDir.resolve("_converted"), "done\n");
    }

    private static void convert(SparkSession spark, Path csvDir, String kind, StructType schema, int files, Path pqDir,
                                String... order) throws IOException {
        // One file, or several (generate --files N shards by host): every <kind>*.csv[.gz].
        List<String> inputs;
        try (Stream<Path> s = Files.list(csvDir)) {
            inputs = s.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(kind) && (n.endsWith(".csv") || n.endsWith(".csv.gz")))
                    .sorted().map(n -> csvDir.resolve(n).toString()).toList();
        }
        if (inputs.isEmpty()) {
            return;
        }
        Dataset<Row> rows = spark.read().option("header", "true").schema(schema).csv(inputs.toArray(String[]::new))
                .repartition(files, col("host"));
        if (order.length > 0) {
            rows = rows.sortWithinPartitions(Stream.of(order).map(c -> col(c)).toArray(org.apache.spark.sql.Column[]::new));
        }
        rows.write().mode(SaveMode.Overwrite).option("parquet.block.size", String.valueOf(32 << 20))
                .parquet(pqDir.resolve(kind + ".parquet").toString());
    }

    /** {@code bench scale-convert}: the conversion, run by {@code bench scale} in a child JVM. Hidden. */
    @Command(name = "scale-convert", hidden = true, description = "Convert a generated fleet's CSV to Parquet (used by bench scale).")
    public static final class Convert implements Callable<Integer> {
        @Option(names = "--csv", required = true)
        Path csv;
        @Option(names = "--out", required = true)
        Path out;
        @Option(names = "--rows", required = true)
        long rows;

        @Override
        public Integer call() throws IOException {
            toParquet(io.greenpack.spark.Sparks.session(null), csv, out, rows);
            return 0;
        }
    }

    /** scale.csv, scale.md, scale.png and scale.svg from the sizes measured so far. */
    void write(List<Result> results, Path dir) throws IOException {
        Set<String> steps = analysisSteps(results);
        Files.writeString(dir.resolve("scale.csv"), scaleCsv(results, steps).replace("NaN", ""));
        Files.writeString(dir.resolve("scale.md"), scaleMarkdown(results, steps));
        writeChart(results, dir);
    }

    /** The analysis steps any size timed, in the order they run (the manifest does not keep it), unknown ones last. */
    private static Set<String> analysisSteps(List<Result> results) {
        List<String> order = List.of("host intervals", "power models", "host efficiency", "usage per app",
                "attribution per app", "attribution and usage per app", "hourly demand", "conservation check", "chart samples");
        Set<String> steps = new java.util.TreeSet<>(Comparator.comparingInt((String k) -> {
            int i = order.indexOf(k.replace("analysis: ", ""));
            return i < 0 ? order.size() : i;
        }).thenComparing(k -> k));
        results.forEach(r -> r.timings().keySet().stream().filter(k -> k.startsWith("analysis: ")).forEach(steps::add));
        return steps;
    }

    private String scaleCsv(List<Result> results, Set<String> steps) {
        StringBuilder csv = new StringBuilder("hosts,apps,days,utilization_rows,power_rows,generate_s,generate_peak_heap_mb,"
                + "convert_s,report_process_s,report_s,ingest_s,fleet_power_s,analysis_s,consolidate_s,render_s,other_s,"
                + "peak_heap_mb,sampled_peak_heap_mb,max_heap_mb,cpu_s,gc_s,load_before,load_after");
        steps.forEach(s -> csv.append(",").append(s.replace("analysis: ", "analysis_").replaceAll("[^a-z0-9_]+", "_")).append("_s"));
        csv.append('\n');
        for (Result r : results) {
            csv.append(String.format(Locale.ROOT, "%d,%d,%d,%d,%d,%.2f,%d,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%d,%d,%d,%.1f,%.1f,%.2f,%.2f",
                    r.hosts(), r.apps(), days, r.utilRows(), r.powerRows(), r.generate().path("wall_s").asDouble(Double.NaN),
                    r.generate().path("peak_heap_mb").asLong(-1), r.convert().path("wall_s").asDouble(Double.NaN),
                    r.reportProcessS(), r.report().path("wall_s").asDouble(), r.stage("ingest"), r.stage("fleet power"),
                    r.stage("analysis"), r.stage("consolidate"), r.stage("render"), r.other(),
                    r.report().path("peak_heap_mb").asLong(), r.report().path("sampled_peak_heap_mb").asLong(),
                    r.report().path("max_heap_mb").asLong(), r.report().path("cpu_s").asDouble(), r.report().path("gc_s").asDouble(),
                    r.loadBefore(), r.report().path("load_average").asDouble()));
            steps.forEach(s -> csv.append(String.format(Locale.ROOT, ",%.2f", r.stage(s))));
            csv.append('\n');
        }
        return csv.toString();
    }

    private String scaleMarkdown(List<Result> results, Set<String> steps) {
        String machine = BenchIngestCommand.machine(org.apache.spark.package$.MODULE$.SPARK_VERSION());
        StringBuilder md = new StringBuilder("# Scale benchmark\n\n");
        md.append(String.format(Locale.ROOT, "`generate` (seed %d, %d days at 5 minutes, child JVM -Xmx%s), conversion of its "
                + "CSV to Parquet (once, cached; by host, 32 MB row groups), then `report --data <parquet>` in a fresh JVM "
                + "with -Xmx%s. Stage seconds are the report's own timings (manifest.json); *process* is the child JVM "
                + "from start to exit as the parent saw it, *other* = session start, checksums and manifest. Peak heap = "
                + "sum of the heap pools' peaks (upper bound); sampled = largest heap in use, sampled every 100 ms. "
                + "Load = 1-minute load average before the report and at its end (2 cores: above 2, other work "
                + "competed).%n%n", seed, days, generateHeap, heap));
        md.append("Machine: ").append(machine).append(". Measured ")
                .append(Instant.now().truncatedTo(ChronoUnit.MINUTES)).append(".\n\n");
        md.append("| hosts × apps | utilization rows | generate s | gen. peak heap MB | convert s | report process s "
                + "| ingest s | fleet power s | analysis s | consolidate s | render s | other s | peak heap MB "
                + "| sampled peak MB | CPU s | GC s | load |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Result r : results) {
            md.append(String.format(Locale.ROOT, "| %d × %d | %,d | %s | %s | %s | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f "
                            + "| %,d | %,d | %.0f | %.1f | %.1f → %.1f |%n", r.hosts(), r.apps(), r.utilRows(),
                    num(r.generate().path("wall_s").asDouble(Double.NaN)),
                    r.generate().has("peak_heap_mb") ? String.format(Locale.ROOT, "%,d", r.generate().path("peak_heap_mb").asLong()) : "–",
                    num(r.convert().path("wall_s").asDouble(Double.NaN)), r.reportProcessS(), r.stage("ingest"),
                    r.stage("fleet power"), r.stage("analysis"), r.stage("consolidate"), r.stage("render"), r.other(),
                    r.report().path("peak_heap_mb").asLong(), r.report().path("sampled_peak_heap_mb").asLong(),
                    r.report().path("cpu_s").asDouble(), r.report().path("gc_s").asDouble(), r.loadBefore(),
                    r.report().path("load_average").asDouble()));
        }
        if (!steps.isEmpty()) {
            md.append(stepsTable(results, steps));
        }
        md.append("\nLargest stage per size:");
        for (Result r : results) {
            String top = STAGES.stream().max(Comparator.comparingDouble(s -> r.timings().getOrDefault(s, 0.0))).orElseThrow();
            md.append(String.format(Locale.ROOT, " %d × %d: %s (%.0f %% of the report process)%s", r.hosts(), r.apps(), top,
                    100 * r.stage(top) / r.reportProcessS(), r == results.get(results.size() - 1) ? "." : ";"));
        }
        Result last = results.get(results.size() - 1);
        md.append(String.format(Locale.ROOT, "%n%nGoal (at 1,000 hosts × 5,000 apps × 30 days): report under 300 s "
                        + "and under 8 GB heap. Largest size measured here, %d × %d: %.0f s, peak heap %,d MB.%n",
                last.hosts(), last.apps(), last.reportProcessS(), last.report().path("peak_heap_mb").asLong()));
        return md.toString();
    }

    /** Seconds per analysis step and size. */
    private static String stepsTable(List<Result> results, Set<String> steps) {
        StringBuilder md = new StringBuilder();
        md.append("\nAnalysis steps (seconds):\n\n| hosts × apps |");
        steps.forEach(s -> md.append(' ').append(s.replace("analysis: ", "")).append(" |"));
        md.append("\n|---|").append("---:|".repeat(steps.size())).append('\n');
        for (Result r : results) {
            md.append(String.format(Locale.ROOT, "| %d × %d |", r.hosts(), r.apps()));
            steps.forEach(s -> md.append(' ').append(num(r.stage(s))).append(" |"));
            md.append('\n');
        }
        return md.toString();
    }

    private void writeChart(List<Result> results, Path dir) throws IOException {
        long[] rows = results.stream().mapToLong(Result::utilRows).toArray();
        List<ScaleChart.Line> lines = new ArrayList<>();
        lines.add(new ScaleChart.Line("generate (CSV)", results.stream().mapToDouble(r -> r.generate().path("wall_s").asDouble(Double.NaN)).toArray(), false));
        lines.add(new ScaleChart.Line("convert to Parquet", results.stream().mapToDouble(r -> r.convert().path("wall_s").asDouble(Double.NaN)).toArray(), false));
        for (String s : List.of("ingest", "analysis", "consolidate", "render")) {
            lines.add(new ScaleChart.Line("report: " + s, results.stream().mapToDouble(r -> r.stage(s)).toArray(), false));
        }
        lines.add(new ScaleChart.Line("report (whole JVM)", results.stream().mapToDouble(Result::reportProcessS).toArray(), true));
        String footer = String.format(Locale.ROOT, "%d cores, -Xmx%s, load %s, %s", Runtime.getRuntime().availableProcessors(), heap,
                String.join("/", results.stream().map(r -> String.format(Locale.ROOT, "%.1f", r.report().path("load_average").asDouble())).toList()),
                Instant.now().truncatedTo(ChronoUnit.MINUTES));
        ChartFiles.write(ScaleChart.chart(rows, lines, footer), dir, "scale");
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f", v) : "–";
    }

    private static void say(PrintWriter o, String format, Object... args) {
        o.printf(Locale.ROOT, "[%s] " + format + "%n", Stream.concat(Stream.of(Instant.now().truncatedTo(ChronoUnit.SECONDS)),
                Stream.of(args)).toArray());
        o.flush();
    }

    private static long bytes(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
