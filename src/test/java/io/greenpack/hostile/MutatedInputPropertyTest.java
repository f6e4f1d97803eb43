package io.greenpack.hostile;

import io.greenpack.ingest.Ingest;
import io.greenpack.ingest.IngestOptions;
import io.greenpack.ingest.IngestResult;
import io.greenpack.ingest.files.FileStats;
import io.greenpack.testing.TestSpark;
import io.greenpack.util.Progress;
import io.greenpack.util.UserError;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Random damage to a valid data directory, fed to {@link Ingest#run}: it either succeeds with
 * every row read accounted for (kept + rejected = read, rejects listed one by one), or stops
 * with a {@link UserError} that names an input file. Any other exception is a bug.
 *
 * <p>Shrinking is off: each try costs a Spark ingest (about a second), and the seed printed
 * on failure reproduces the case exactly.
 */
class MutatedInputPropertyTest {
    private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");

    enum Target { HOSTS_CSV, POWER_CSV, UTILIZATION_CSV, POWER_CSV_GZ, POWER_JSONL }

    enum Mutation { RANDOM_BYTES, BYTE_FLIPS, TRUNCATION, LINE_DUPLICATION, COLUMN_DELETION, RANDOM_UNICODE_CELL }

    @Property(tries = 30, shrinking = ShrinkingMode.OFF)
    void eitherEveryRowIsAccountedForOrAUserErrorNamesTheFile(@ForAll Target target, @ForAll Mutation mutation,
                                                              @ForAll long seed) throws IOException {
        Random r = new Random(seed);
        Path dir = Files.createTempDirectory("greenpack-mutated-");
        try {
            Path base = HostileCorpus.resources().resolve("base");
            String hosts = Files.readString(base.resolve("hosts.csv"));
            String power = Files.readString(base.resolve("power.csv"));
            String util = Files.readString(base.resolve("utilization.csv"));
            Files.writeString(dir.resolve("hosts.csv"), hosts);
            Files.writeString(dir.resolve("utilization.csv"), util);
            Path damaged;
            byte[] bytes;
            switch (target) {
                case HOSTS_CSV -> {
                    Files.writeString(dir.resolve("power.csv"), power);
                    damaged = dir.resolve("hosts.csv");
                    bytes = mutate(hosts.getBytes(StandardCharsets.UTF_8), mutation, ',', r);
                }
                case POWER_CSV -> {
                    damaged = dir.resolve("power.csv");
                    bytes = mutate(power.getBytes(StandardCharsets.UTF_8), mutation, ',', r);
                }
                case UTILIZATION_CSV -> {
                    Files.writeString(dir.resolve("power.csv"), power);
                    damaged = dir.resolve("utilization.csv");
                    bytes = mutate(util.getBytes(StandardCharsets.UTF_8), mutation, ',', r);
                }
                case POWER_CSV_GZ -> {
                    // Damage to the compressed bytes for flips and truncation, to the text otherwise.
                    damaged = dir.resolve("power.csv.gz");
                    boolean raw = mutation == Mutation.BYTE_FLIPS || mutation == Mutation.TRUNCATION;
                    bytes = raw ? mutate(gzip(power.getBytes(StandardCharsets.UTF_8)), mutation, ',', r)
                            : gzip(mutate(power.getBytes(StandardCharsets.UTF_8), mutation, ',', r));
                }
                default -> {
                    damaged = dir.resolve("power.jsonl");
                    bytes = mutate(jsonl(power).getBytes(StandardCharsets.UTF_8), mutation, ',', r);
                }
            }
            Files.write(damaged, bytes);

            IngestResult result;
            try {
                result = Ingest.run(TestSpark.session(), dir, new IngestOptions(300, 900, NOW), Progress.SILENT);
            } catch (UserError e) {
                Statistics.label("outcome").collect("UserError", target, mutation);
                assertThat(e.getMessage()).as("the message names an input file")
                        .containsAnyOf("hosts.csv", "power.csv", "power.jsonl", "utilization.csv");
                return;
            } catch (Exception e) {
                fail("not a UserError for " + target + " / " + mutation + " (seed " + seed + "): " + e, e);
                return;
            }
            Statistics.label("outcome").collect("read", target, mutation);
            long rejected = 0;
            for (FileStats f : result.files()) {
                assertThat(f.rowsKept() + f.rowsRejected()).as(f.file() + ": kept + rejected = read").isEqualTo(f.rowsRead());
                assertThat(f.rowsKept()).as(f.file()).isPositive();
                rejected += f.rowsRejected();
            }
            assertThat(result.rejects()).as("each rejected row listed").hasSize((int) rejected);
            if (target != Target.POWER_CSV_GZ && target != Target.POWER_JSONL) {
                // Text files: every non-blank line but the header is a row read.
                FileStats f = result.files().stream().filter(s -> s.file().equals(damaged.getFileName().toString()))
                        .findFirst().orElseThrow();
                assertThat(f.rowsRead()).as("rows read of " + f.file()).isEqualTo(dataLines(bytes));
            }
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Lines that are neither blank (only spaces, as Spark's trim sees it) nor a repeat of the header. */
    private static long dataLines(byte[] bytes) {
        List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
        String header = lines.stream().filter(l -> !l.isBlank()).findFirst().orElse("");
        return lines.stream().filter(l -> !l.replace(" ", "").isEmpty())
                .filter(l -> !l.equals(header) && !l.equals(header.replace("\uFEFF", ""))).count();
    }

    static byte[] mutate(byte[] in, Mutation m, char sep, Random r) {
        switch (m) {
            case RANDOM_BYTES -> {
                byte[] b = new byte[r.nextInt(2000)];
                r.nextBytes(b);
                return b;
            }
            case BYTE_FLIPS -> {
                byte[] b = in.clone();
                for (int i = 0, n = 1 + r.nextInt(10); i < n; i++) {
                    b[r.nextInt(b.length)] ^= (byte) (1 + r.nextInt(255));
                }
                return b;
            }
            case TRUNCATION -> {
                return Arrays.copyOf(in, r.nextInt(in.length));
            }
            default -> {
                List<String> lines = new ArrayList<>(new String(in, StandardCharsets.UTF_8).lines().toList());
                if (m == Mutation.LINE_DUPLICATION) {
                    for (int i = 0, n = 1 + r.nextInt(5); i < n; i++) {
                        lines.add(r.nextInt(lines.size() + 1), lines.get(r.nextInt(lines.size())));
                    }
                } else if (m == Mutation.COLUMN_DELETION) {
                    // Delete one field: in every line, in the header only, or in some data lines only.
                    int col = r.nextInt(5);
                    int scope = r.nextInt(3);
                    for (int i = 0; i < lines.size(); i++) {
                        boolean hit = scope == 0 || (scope == 1 && i == 0) || (scope == 2 && i > 0 && r.nextInt(4) == 0);
                        if (hit) {
                            List<String> f = new ArrayList<>(Arrays.asList(lines.get(i).split(String.valueOf(sep), -1)));
                            if (col < f.size()) {
                                f.remove(col);
                            }
                            lines.set(i, String.join(String.valueOf(sep), f));
                        }
                    }
                } else {
                    int i = r.nextInt(lines.size());
                    List<String> f = new ArrayList<>(Arrays.asList(lines.get(i).split(String.valueOf(sep), -1)));
                    f.set(r.nextInt(f.size()), randomUnicode(r));
                    lines.set(i, String.join(String.valueOf(sep), f));
                }
                return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
            }
        }
    }

    /** Any code points: controls, quotes, separators, BOM, right-to-left, astral, lone surrogates. */
    private static String randomUnicode(Random r) {
        StringBuilder sb = new StringBuilder();
        String specials = "\",;\t\r\u0000\uFEFF\u202E\u00A0=+-@<>&'\\";
        for (int i = 0, n = r.nextInt(20); i < n; i++) {
            int kind = r.nextInt(4);
            if (kind == 0) {
                sb.append(specials.charAt(r.nextInt(specials.length())));
            } else if (kind == 1) {
                sb.append((char) (0xD800 + r.nextInt(0x800))); // a lone surrogate
            } else {
                int cp = r.nextInt(Character.MAX_CODE_POINT + 1);
                if (Character.isValidCodePoint(cp)) {
                    sb.appendCodePoint(cp);
                }
            }
        }
        return sb.toString();
    }

    private static String jsonl(String csv) {
        List<String> lines = csv.lines().toList();
        String[] header = lines.get(0).split(",");
        return lines.stream().skip(1).map(l -> {
            String[] v = l.split(",", -1);
            List<String> fields = new ArrayList<>();
            for (int i = 0; i < header.length; i++) {
                fields.add("\"" + header[i] + "\":" + (header[i].equals("watts") ? v[i] : "\"" + v[i] + "\""));
            }
            return "{" + String.join(",", fields) + "}";
        }).collect(Collectors.joining("\n", "", "\n"));
    }

    private static byte[] gzip(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
