package io.greenpack.hostile;

import io.greenpack.testing.TestSpark;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * The hostile-input corpus: {@code src/test/resources/hostile/cases.csv} lists each case, and
 * {@code hostile/<case>/} holds its data directory. Cases too big or too odd to commit (a
 * 100,000-column header, a gzip bomb, a symlink loop, a directory named power.csv, Parquet
 * with the wrong types) start from {@code hostile/base/} and are made here at test time.
 */
final class HostileCorpus {
    /** One row of cases.csv. */
    record Case(String name, String command, int exit, List<String> expected, String note) {
        @Override
        public String toString() {
            return name;
        }
    }

    private HostileCorpus() {
    }

    static Path resources() {
        try {
            return Path.of(HostileCorpus.class.getResource("/hostile/cases.csv").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** cases.csv: {@code case,command,exit,expected,note}; expected substrings are joined by " & ". */
    static List<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        for (String line : Files.readAllLines(resources().resolve("cases.csv"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("case,")) {
                continue;
            }
            // The note is the last field and may hold commas; the others never do.
            String[] f = line.split(",", 5);
            List<String> expected = f[3].isBlank() ? List.of() : Arrays.stream(f[3].split(" & ")).map(String::trim).toList();
            out.add(new Case(f[0].trim(), f[1].trim(), Integer.parseInt(f[2].trim()), expected, f.length > 4 ? f[4] : ""));
        }
        return out;
    }

    /** Copies the case's data directory into {@code into} (the committed one, or base + a generator). */
    static Path materialize(Case c, Path into) throws IOException {
        Path data = Files.createDirectories(into.resolve("data"));
        Path committed = resources().resolve(c.name());
        copyTree(Files.isDirectory(committed) ? committed : resources().resolve("base"), data);
        if (!Files.isDirectory(committed)) {
            generate(c.name(), data);
        }
        return data;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.list(from)) {
            for (Path p : s.toList()) {
                Files.copy(p, to.resolve(p.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static final String HEADER = "timestamp,host,watts";

    /** The base power rows without the header. */
    private static List<String> powerRows(Path data) throws IOException {
        List<String> l = Files.readAllLines(data.resolve("power.csv"));
        return new ArrayList<>(l.subList(1, l.size()));
    }

    static void generate(String name, Path data) throws IOException {
        Path power = data.resolve("power.csv");
        switch (name) {
            case "hundred-thousand-columns" -> {
                // The required columns first, then 99,997 more: the header alone is ~800 KB.
                StringBuilder h = new StringBuilder(HEADER);
                for (int i = 0; i < 99_997; i++) {
                    h.append(",x").append(i);
                }
                Files.writeString(power, h + "\n" + String.join("\n", powerRows(data)) + "\n");
            }
            case "thousand-columns-required-last" -> {
                StringBuilder h = new StringBuilder();
                StringBuilder filler = new StringBuilder();
                for (int i = 0; i < 997; i++) {
                    h.append("pad").append(i).append(',');
                    filler.append(i % 10).append(',');
                }
                List<String> lines = new ArrayList<>(List.of(h + HEADER));
                powerRows(data).forEach(r -> lines.add(filler + r));
                Files.writeString(power, String.join("\n", lines) + "\n");
            }
            case "ten-mb-single-line" -> {
                // One line of 10 MB and no newline at all: the header never ends.
                Files.write(power, repeat("abcdefghij", 1_000_000).getBytes(StandardCharsets.US_ASCII));
            }
            case "ten-mb-data-line" -> {
                List<String> lines = new ArrayList<>(List.of(HEADER));
                lines.addAll(powerRows(data));
                lines.add("2026-10-05T00:05:00Z,h1," + repeat("9", 10_000_000));
                Files.writeString(power, String.join("\n", lines) + "\n");
            }
            case "gzip-bomb" -> {
                // 200 MB of zero bytes in ~200 KB of gzip, no header, no newline.
                Files.delete(power);
                writeGzip(data.resolve("power.csv.gz"), new byte[0], 200L << 20);
            }
            case "gzip-bomb-after-header" -> {
                // A valid header and rows, then one 200 MB "line" of zero bytes.
                byte[] head = (HEADER + "\n" + String.join("\n", powerRows(data)) + "\n").getBytes(StandardCharsets.UTF_8);
                Files.delete(power);
                writeGzip(data.resolve("power.csv.gz"), head, 200L << 20);
            }
            case "symlink-loop" -> {
                Files.delete(power);
                Files.createSymbolicLink(power, data.resolve("power-b.csv"));
                Files.createSymbolicLink(data.resolve("power-b.csv"), power);
            }
            case "directory-named-power-csv" -> {
                Files.delete(power);
                Files.createDirectory(power);
                Files.writeString(power.resolve("part-0.csv"), HEADER + "\n");
            }
            case "unreadable-file" -> {
                Files.setPosixFilePermissions(power, PosixFilePermissions.fromString("---------"));
            }
            case "control-char-names" -> controlCharNames(data);
            case "symlink-outside-data" -> {
                // A link to a file outside the data folder: refused, its content never shown.
                Files.delete(power);
                Files.createSymbolicLink(power, Path.of("/etc/passwd"));
            }
            case "symlink-to-dev-zero" -> {
                Files.delete(power);
                Files.createSymbolicLink(power, Path.of("/dev/zero"));
            }
            case "jsonl-key-after-line-one" -> jsonlKeyAfterLineOne(data, power);
            case "targets-header-only" -> Files.writeString(data.resolve("targets.csv"),
                    "model,cores,mem_gb,idle_watts,max_watts\n");
            case "apps-unknown-need-and-pin" -> Files.writeString(data.resolve("apps.csv"),
                    "app,owner,pin_host,needs\nweb,team-a,h9,\ndb,team-b,,gpu;quantum\nbatch,team-c,h2,gpu\n");
            case "parquet-watts-boolean" -> writeParquet(data, "watts", col("watts").cast("double").gt(170));
            case "parquet-timestamp-garbage" -> writeParquet(data, "timestamp", lit("garbage"));
            default -> throw new IllegalArgumentException("no directory and no generator for case " + name);
        }
    }

    /** ESC sequences, BEL and a C1 control in a host and an app name, the same in every file. */
    private static void controlCharNames(Path data) throws IOException {
        String host = "h1\u001b[2J\u001b]0;pwned\u0007\u009b31m";
        String app = "web\u001b[31m\u0007";
        for (String f : List.of("hosts.csv", "power.csv", "utilization.csv")) {
            List<String> lines = new ArrayList<>();
            for (String l : Files.readAllLines(data.resolve(f))) {
                lines.add(l.replaceFirst("(^|,)h1,", "$1" + java.util.regex.Matcher.quoteReplacement(host) + ",")
                        .replace(",web,", "," + app + ","));
            }
            Files.writeString(data.resolve(f), String.join("\n", lines) + "\n");
        }
    }

    /**
     * energy_wh (a cumulative counter per host) only from line 3 on, as an exporter that leaves out
     * null fields writes it; the first two lines have watts only.
     */
    private static void jsonlKeyAfterLineOne(Path data, Path power) throws IOException {
        List<String> lines = new ArrayList<>();
        List<String> rows = powerRows(data);
        java.util.Map<String, Double> counter = new java.util.HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            String[] f = rows.get(i).split(",");
            double wh = counter.merge(f[1], Double.parseDouble(f[2]) * 300 / 3600, Double::sum);
            lines.add(i < 2 ? "{\"timestamp\":\"" + f[0] + "\",\"host\":\"" + f[1] + "\",\"watts\":" + f[2] + "}"
                    : "{\"timestamp\":\"" + f[0] + "\",\"host\":\"" + f[1] + "\",\"energy_wh\":" + wh + "}");
        }
        Files.delete(power);
        Files.writeString(data.resolve("power.jsonl"), String.join("\n", lines) + "\n");
    }

    private static String repeat(String s, int times) {
        return s.repeat(times);
    }

    private static void writeGzip(Path file, byte[] head, long zeros) throws IOException {
        writeGzip(file, head, new byte[1 << 20], zeros);
    }

    /**
     * A gzip of {@code head}, then {@code block} repeated until {@code bytes} more bytes were written
     * (the last copy cut), compressed fast: a small file that expands enormously.
     */
    static void writeGzip(Path file, byte[] head, byte[] block, long bytes) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_SPEED);
            }
        }) {
            out.write(head);
            for (long left = bytes; left > 0; left -= block.length) {
                out.write(block, 0, (int) Math.min(block.length, left));
            }
        }
    }

    /**
     * power.parquet (a Spark folder of part files) from the base power.csv, with one column
     * replaced by {@code value}: a Parquet file with a wrong column type.
     */
    private static void writeParquet(Path data, String column, org.apache.spark.sql.Column value) throws IOException {
        SparkSession spark = TestSpark.session();
        Path csv = data.resolve("power.csv");
        Dataset<Row> df = spark.read().option("header", "true").csv(csv.toString())
                .withColumn("timestamp", col("timestamp").cast("timestamp"))
                .withColumn("watts", col("watts").cast("double"))
                .withColumn(column, value);
        df.coalesce(1).write().parquet(data.resolve("power.parquet").toString());
        Files.delete(csv);
    }

    static byte[] read(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
