package io.greenpack.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * A tiny, fully known fleet written as files: two hosts, one day at 5-minute samples. Tests
 * take its lines, damage them as the case requires and write a data directory.
 */
final class Fixture {
    static final Instant START = Instant.parse("2026-10-05T00:00:00Z");
    static final int SAMPLES = 24; // two hours: enough for series, small enough to be fast

    static List<String> hosts() {
        return new ArrayList<>(List.of(
                "host,model,sockets,cores,mem_gb,idle_watts,max_watts",
                "h1,m1,2,32,256,100,300",
                "h2,m1,2,32,256,100,300"));
    }

    static String ts(int i) {
        return START.plusSeconds(300L * i).toString();
    }

    /** h1 draws 150 + i W, h2 reports watts 200 W flat. */
    static List<String> power() {
        List<String> l = new ArrayList<>(List.of("timestamp,host,watts"));
        for (int i = 1; i <= SAMPLES; i++) {
            l.add(ts(i) + ",h1," + (150 + i));
            l.add(ts(i) + ",h2,200");
        }
        return l;
    }

    /** app "web" on h1 uses 4 cores and 10 GB; "db" on h2 1 core and 100 GB. */
    static List<String> utilization() {
        List<String> l = new ArrayList<>(List.of("timestamp,host,app,cpu_cores,mem_gb"));
        for (int i = 1; i <= SAMPLES; i++) {
            l.add(ts(i) + ",h1,web,4,10");
            l.add(ts(i) + ",h2,db,1,100");
        }
        return l;
    }

    static Path write(Path dir, List<String> hosts, List<String> power, List<String> utilization) throws IOException {
        Files.createDirectories(dir);
        writeCsv(dir.resolve("hosts.csv"), hosts);
        writeCsv(dir.resolve("power.csv"), power);
        writeCsv(dir.resolve("utilization.csv"), utilization);
        return dir;
    }

    static void writeCsv(Path file, List<String> lines) throws IOException {
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    static void writeGz(Path file, List<String> lines) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The same rows as JSON lines, numbers as JSON numbers where they parse. */
    static void writeJsonl(Path file, List<String> csvLines) throws IOException {
        String[] header = csvLines.get(0).split(",");
        List<String> out = new ArrayList<>();
        for (String line : csvLines.subList(1, csvLines.size())) {
            String[] v = line.split(",", -1);
            StringBuilder sb = new StringBuilder("{");
            for (int i = 0; i < header.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append('"').append(header[i]).append("\":");
                sb.append(isNumber(v[i]) ? v[i] : '"' + v[i] + '"');
            }
            out.add(sb.append('}').toString());
        }
        Files.writeString(file, String.join("\n", out) + "\n", StandardCharsets.UTF_8);
    }

    private static boolean isNumber(String s) {
        return s.toLowerCase(Locale.ROOT).matches("-?[0-9]+(\\.[0-9]+)?");
    }

    private Fixture() {
    }
}
