package io.greenpack.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenpack.generate.FleetWriter;
import io.greenpack.generate.GenerateOptions;
import io.greenpack.generate.ModelSet;
import io.greenpack.spark.Sparks;
import io.greenpack.util.Home;
import io.greenpack.util.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code greenpack bench ingest}: ingest throughput (DESIGN §9). Generates a seeded fleet once (cached),
 * converts it once to Parquet, then measures ingest + hourly aggregation, each run in a fresh
 * child JVM ({@link BenchIngestRunCommand}) so that every run pays the same warm-up a user's run
 * pays, and one run's heap does not flatter or burden the next.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Benchmark ingest + hourly aggregation of utilization from CSV (gzip) and Parquet, each run in",
                "a fresh JVM. Generates the fleet once (reused from --work), converts it once to Parquet.",
                "Writes ingest.csv and ingest.md."},
        footer = {"", "Examples:",
                "  greenpack bench ingest                                  # 10 M rows, csv and parquet, 3 runs each",
                "  greenpack bench ingest --rows-target 1000000 --runs 1 --formats parquet",
                "  greenpack bench ingest --rows-target 1000000 --files 1   # one power and one utilization file",
                "  greenpack bench ingest --warm 0                         # fresh runs only (no same-JVM repeat)"})
public final class BenchIngestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--rows-target", defaultValue = "10000000", paramLabel = "N",
            description = "Utilization rows to generate, at least (default: ${DEFAULT-VALUE}).")
    long rowsTarget;

    @Option(names = "--formats", split = ",", defaultValue = "csv,parquet", paramLabel = "csv,parquet",
            description = "Input formats to measure (default: ${DEFAULT-VALUE}).")
    List<String> formats;

    @Option(names = "--runs", defaultValue = "3", paramLabel = "N",
            description = "Fresh-JVM runs per format; the table shows each and the median (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warm", defaultValue = "1", paramLabel = "N",
            description = {"After each fresh run, N more in the same JVM (the long-lived case: JIT warm, classes",
                    "loaded); shown as warm s, median per format; 0 = none (default: ${DEFAULT-VALUE})."})
    int warm;

    @Option(names = "--work", paramLabel = "DIR",
            description = "Cache of generated data (default: target/bench-data under the greenpack home).")
    Path work;

    @Option(names = "--heap", defaultValue = "8g", paramLabel = "SIZE",
            description = "-Xmx of the child JVMs (default: ${DEFAULT-VALUE}).")
    String heap;

    @Option(names = "--files", defaultValue = "4", paramLabel = "N",
            description = {"Power and utilization each in N files, split by host (generate --files; Parquet",
                    "written with each host's rows in one file); 1 = one file each (default: ${DEFAULT-VALUE})."})
    int files;

    @Option(names = "--seed", defaultValue = "42", description = "Generator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: reports/bench under the greenpack home).")
    Path out;

    static final int DAYS = 7;
    static final int INTERVALS_PER_DAY = 288;

    /** The generated fleet a benchmark reads: its size, its two copies and its row counts. */
    private record BenchData(int hosts, int apps, int shards, Path csvDir, Path pqDir, long utilRows, long powerRows) {
    }

    @Override
    public Integer call() throws Exception {
        checkOptions();
        PrintWriter o = spec.commandLine().getOut();
        BenchData data = prepareData(o);
        List<JsonNode> results = new ArrayList<>();
        for (String format : formats) {
            for (int run = 1; run <= runs; run++) {
                results.add(measure(o, data, format, run));
            }
        }
        Path dir = outDir();
        Files.createDirectories(dir);
        String md = markdown(data, results);
        Files.writeString(dir.resolve("ingest.csv"), csvTable(results));
        Files.writeString(dir.resolve("ingest.md"), md);
        o.println();
        o.print(md);
        o.println("wrote " + dir.resolve("ingest.csv") + " and ingest.md");
        o.flush();
        return 0;
    }

    private void checkOptions() {
        if (rowsTarget < 1000 || runs < 1 || files < 1 || warm < 0) {
            throw new UserError("--rows-target must be >= 1000, --runs >= 1, --files >= 1 and --warm >= 0");
        }
        for (String f : formats) {
            if (!f.equals("csv") && !f.equals("parquet")) {
                throw new UserError("--formats: expected csv and/or parquet, got '" + f + "'");
            }
        }
    }

    private Path outDir() {
        return out != null ? out : Home.reports().resolve("bench");
    }

    /** Generates the fleet (once, cached under --work) and converts it to Parquet (once) when asked. */
    private BenchData prepareData(PrintWriter o) throws Exception {
        // 7 days at 5 minutes = 2016 samples per app instance; about 8 % of apps have two instances,
        // so this gives a little more than the target. Five apps per host, as the sample fleet.
        int apps = (int) Math.max(1, (rowsTarget + DAYS * INTERVALS_PER_DAY - 1) / (DAYS * INTERVALS_PER_DAY));
        int hosts = Math.max(2, (apps + 4) / 5);
        int shards = Math.min(files, Math.min(hosts, 999));
        Path base = (work != null ? work : Home.dir().resolve("target").resolve("bench-data"))
                .resolve("h" + hosts + "-a" + apps + "-d" + DAYS + "-s" + seed + (shards > 1 ? "-f" + shards : ""));
        Path csvDir = base.resolve("csv");
        Path pqDir = base.resolve("parquet");
        if (!Files.exists(csvDir.resolve("truth.json"))) {
            o.printf(Locale.ROOT, "generating %d hosts x %d apps x %d days into %s ...%n", hosts, apps, DAYS, csvDir);
            o.flush();
            // truth.json is written last: its presence means a complete earlier generation.
            FleetWriter.generate(new GenerateOptions(hosts, apps, DAYS, 5, seed, GenerateOptions.DEFAULT_START, true,
                    ModelSet.A, shards), csvDir);
        }
        JsonNode truth = new ObjectMapper().readTree(csvDir.resolve("truth.json").toFile());
        DataRows rows = DataRows.of(truth);
        long utilRows = rows.utilization();
        long powerRows = rows.power();
        if (formats.contains("parquet") && !Files.exists(pqDir.resolve("_converted"))) {
            o.printf(Locale.ROOT, "converting to Parquet in %s ...%n", pqDir);
            o.flush();
            // One file per CSV shard for each kind, each host's rows in the CSV's time-major order.
            BenchScaleCommand.toParquet(Sparks.session(null), csvDir, pqDir, shards, shards, false);
        }
        return new BenchData(hosts, apps, shards, csvDir, pqDir, utilRows, powerRows);
    }

    /** One fresh-JVM run: its result is kept under ingest-runs next to the tables and printed. */
    private JsonNode measure(PrintWriter o, BenchData data, String format, int run) throws Exception {
        Path result = Files.createTempFile("greenpack-bench-ingest", ".json");
        try {
            JsonNode r = child(format.equals("csv") ? data.csvDir() : data.pqDir(), result, format, run);
            Path runs = outDir().resolve("ingest-runs");
            Files.createDirectories(runs);
            Files.copy(result, runs.resolve(format + "-" + run + ".json"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            o.printf(Locale.ROOT, "%-8s run %d: %,d rows in %.2f s (%.2f M rows/s, %.1f CPU s, load %.1f), "
                            + "session %.2f s, peak heap %,d MB, %d Spark jobs, warm %s s%n", format, run,
                    r.path("rows").asLong(), r.path("seconds").asDouble(), r.path("rows_per_s").asDouble() / 1e6,
                    r.path("cpu_s").asDouble(), r.path("load_average").asDouble(), r.path("session_s").asDouble(),
                    r.path("peak_heap_mb").asLong(), r.path("jobs").asInt(), warmText(r));
            o.flush();
            return r;
        } finally {
            Files.deleteIfExists(result);
        }
    }

    private static String csvTable(List<JsonNode> results) {
        StringBuilder csv = new StringBuilder("format,run,rows,power_rows,session_s,ingest_agg_s,rows_per_s,peak_heap_mb,"
                + "spark_jobs,process_cpu_s,load_average,warm_s\n");
        for (JsonNode r : results) {
            csv.append(String.format(Locale.ROOT, "%s,%d,%d,%d,%.3f,%.3f,%.0f,%d,%d,%.2f,%.2f,%s%n", r.path("format").asText(),
                    r.path("run").asInt(), r.path("rows").asLong(), r.path("power_rows").asLong(),
                    r.path("session_s").asDouble(), r.path("seconds").asDouble(), r.path("rows_per_s").asDouble(),
                    r.path("peak_heap_mb").asLong(), r.path("jobs").asInt(), r.path("cpu_s").asDouble(),
                    r.path("load_average").asDouble(), warmText(r).replace(", ", ";")));
        }
        return csv.toString();
    }

    private String markdown(BenchData data, List<JsonNode> results) {
        String sparkVersion = results.isEmpty() ? "?" : results.get(0).path("spark").asText();
        StringBuilder md = new StringBuilder("# Ingest benchmark\n\n");
        md.append("Ingest (`Ingest.run`) + hourly aggregation of utilization (per host, app and hour: mean and max "
                + "cpu_cores, mean mem_gb; materialised with a `noop` write), each run in a fresh JVM.\n\n");
        md.append("Machine: ").append(machine(sparkVersion)).append(".\n\n");
        md.append(String.format(Locale.ROOT, "Data: %d hosts, %d apps, %d days at 5 min (seed %d): %,d utilization rows, "
                + "%,d power rows, in %d file(s) each.%n%n", data.hosts(), data.apps(), DAYS, seed, data.utilRows(),
                data.powerRows(), data.shards()));
        md.append("rows/s = utilization rows / seconds of ingest + aggregation (session start not included). "
                + "Peak heap = sum of the peak usage of the heap memory pools (an upper bound: pools peak at "
                + "different times).\n\n");
        md.append("Process CPU s = CPU time of the whole child JVM (all threads, JIT and GC); load = the 1-minute "
                + "load average at the end of the run (2 cores: above 2, other work competed).\n\n");
        md.append("Warm s = the same ingest + aggregation again in the same JVM after the fresh run (`--warm`), "
                + "as a long-lived process would run it; the fresh figure is the one the goal is about.\n\n");
        md.append("| format | run | rows | session s | ingest + agg s | M rows/s | peak heap MB | Spark jobs | process CPU s | load | warm s |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (JsonNode r : results) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %,d | %.2f | %.2f | %.2f | %,d | %d | %.1f | %.1f | %s |%n",
                    r.path("format").asText(), r.path("run").asInt(), r.path("rows").asLong(),
                    r.path("session_s").asDouble(), r.path("seconds").asDouble(), r.path("rows_per_s").asDouble() / 1e6,
                    r.path("peak_heap_mb").asLong(), r.path("jobs").asInt(), r.path("cpu_s").asDouble(),
                    r.path("load_average").asDouble(), warmText(r)));
        }
        md.append("\n| format | runs | median s | min s | max s | median M rows/s | max peak heap MB | median warm s | warm M rows/s |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String format : formats) {
            md.append(summaryLine(format, results, data.utilRows()));
        }
        return md.toString();
    }

    /** One format's medians over its runs. */
    private static String summaryLine(String format, List<JsonNode> results, long utilRows) {
        double[] s = results.stream().filter(r -> r.path("format").asText().equals(format))
                .mapToDouble(r -> r.path("seconds").asDouble()).sorted().toArray();
        long heapMax = results.stream().filter(r -> r.path("format").asText().equals(format))
                .mapToLong(r -> r.path("peak_heap_mb").asLong()).max().orElse(0);
        double med = median(s);
        double[] w = results.stream().filter(r -> r.path("format").asText().equals(format))
                .flatMap(r -> java.util.stream.StreamSupport.stream(r.path("warm_s").spliterator(), false))
                .mapToDouble(JsonNode::asDouble).sorted().toArray();
        String warmMed = w.length == 0 ? "-" : String.format(Locale.ROOT, "%.2f", median(w));
        String warmRate = w.length == 0 ? "-" : String.format(Locale.ROOT, "%.2f", utilRows / median(w) / 1e6);
        return String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %.2f | %,d | %s | %s |%n", format,
                s.length, med, s[0], s[s.length - 1], utilRows / med / 1e6, heapMax, warmMed, warmRate);
    }

    /** A run's warm seconds, "2.10, 2.05", or "-" without any. */
    private static String warmText(JsonNode r) {
        List<String> w = new ArrayList<>();
        r.path("warm_s").forEach(x -> w.add(String.format(Locale.ROOT, "%.2f", x.asDouble())));
        return w.isEmpty() ? "-" : String.join(", ", w);
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Runs one measurement in a fresh JVM with this JVM's flags (heap replaced) and classpath. */
    private JsonNode child(Path data, Path result, String format, int run) throws Exception {
        Path log = Files.createTempFile("greenpack-bench-ingest", ".log");
        try {
            ChildJvm.Outcome o = ChildJvm.run(heap, Map.of(), List.of("ingest-run", "--data", data.toString(),
                    "--format", format, "--run", String.valueOf(run), "--result", result.toString(),
                    "--warm", String.valueOf(warm)), log, 2, TimeUnit.HOURS);
            if (o.exitCode() != 0 || Files.size(result) == 0) {
                throw new IllegalStateException("bench child failed (exit " + o.exitCode() + "):\n" + o.tail());
            }
            return new ObjectMapper().readTree(result.toFile());
        } finally {
            Files.deleteIfExists(log);
        }
    }

    static String machine(String sparkVersion) {
        long memBytes = 0;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            memBytes = os.getTotalMemorySize();
        }
        return String.format(Locale.ROOT, "%d cores (nproc), %.1f GB RAM, Java %s (%s), Spark %s, %s %s",
                Runtime.getRuntime().availableProcessors(), memBytes / 1e9, System.getProperty("java.version"),
                System.getProperty("java.vm.name"), sparkVersion, System.getProperty("os.name"),
                System.getProperty("os.arch"));
    }
}
