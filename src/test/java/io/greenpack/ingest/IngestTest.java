package io.greenpack.ingest;

import io.greenpack.ingest.files.DataDirectory;
import io.greenpack.ingest.files.FileStats;
import io.greenpack.ingest.files.Gap;
import io.greenpack.ingest.files.InputFile;
import io.greenpack.ingest.files.InputKind;
import io.greenpack.ingest.files.RejectRow;
import io.greenpack.ingest.read.RawReader;
import io.greenpack.testing.TestSpark;
import io.greenpack.util.Progress;
import io.greenpack.util.UserError;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Ingest on small known fleets: clean data, every format, and each bad-input case of DESIGN §2. */
class IngestTest {
    @TempDir
    Path tmp;

    static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");

    static IngestResult ingest(Path dir) {
        return Ingest.run(TestSpark.session(), dir, new IngestOptions(300, 900, NOW), Progress.SILENT);
    }

    /** The aligned rows as sorted text, for comparing runs. */
    static List<String> canonical(IngestResult r) {
        List<String> out = new ArrayList<>();
        for (Row row : r.power().orderBy("host", "ts").collectAsList()) {
            out.add("P " + row.getAs("host") + " " + row.getAs("ts") + " " + round(row.getAs("watts")));
        }
        for (Row row : r.utilization().orderBy("host", "app", "ts").collectAsList()) {
            out.add("U " + row.getAs("host") + " " + row.getAs("app") + " " + row.getAs("ts") + " "
                    + round(row.getAs("cpu_cores")) + " " + round(row.getAs("mem_gb")));
        }
        return out;
    }

    private static String round(Double v) {
        return v == null ? "null" : String.format(java.util.Locale.ROOT, "%.4f", v);
    }

    /** A CSV file with a header as one Parquet part file (Spark's writer, the given column types). */
    private static void csvToParquet(Path csv, String schema, Path parquet) {
        TestSpark.session().read().option("header", "true").schema(schema).csv(csv.toString()).coalesce(1)
                .write().mode(SaveMode.Overwrite).parquet(parquet.toString());
    }

    private Path clean() throws Exception {
        return Fixture.write(tmp.resolve("clean"), Fixture.hosts(), Fixture.power(), Fixture.utilization());
    }

    private static RejectRow onlyReject(IngestResult r) {
        assertThat(r.rejects()).hasSize(1);
        return r.rejects().get(0);
    }

    @Test
    void cleanFixtureIsKeptWholeAndAligned() throws Exception {
        IngestResult r = ingest(clean());
        assertThat(r.rejects()).isEmpty();
        assertThat(r.rowsRejected()).isZero();
        assertThat(r.power().count()).isEqualTo(2L * Fixture.SAMPLES);
        List<Row> h1 = r.power().filter("host = 'h1'").orderBy("ts").collectAsList();
        assertThat(h1.get(0).<Double>getAs("watts")).isEqualTo(151.0);
        assertThat(h1.get(Fixture.SAMPLES - 1).<Double>getAs("watts")).isEqualTo(150.0 + Fixture.SAMPLES);
        assertThat(r.utilization().count()).isEqualTo(2L * Fixture.SAMPLES);
        assertThat(r.gapCount()).isZero();
        assertThat(r.first()).isEqualTo(Instant.parse(Fixture.ts(1)));
        assertThat(r.last()).isEqualTo(Instant.parse(Fixture.ts(Fixture.SAMPLES)));
    }

    @Test
    void everyFormatGivesTheSameCanonicalRows() throws Exception {
        List<String> expected = canonical(ingest(clean()));

        Path gz = Files.createDirectories(tmp.resolve("gz"));
        Fixture.writeCsv(gz.resolve("hosts.csv"), Fixture.hosts());
        Fixture.writeGz(gz.resolve("power.csv.gz"), Fixture.power());
        Fixture.writeGz(gz.resolve("utilization.csv.gz"), Fixture.utilization());
        assertThat(canonical(ingest(gz))).as("csv.gz").isEqualTo(expected);

        Path jsonl = Files.createDirectories(tmp.resolve("jsonl"));
        Fixture.writeJsonl(jsonl.resolve("hosts.jsonl"), Fixture.hosts());
        Fixture.writeJsonl(jsonl.resolve("power.jsonl"), Fixture.power());
        Fixture.writeJsonl(jsonl.resolve("utilization.jsonl"), Fixture.utilization());
        assertThat(canonical(ingest(jsonl))).as("jsonl").isEqualTo(expected);

        // Parquet with native types (timestamps as timestamps, numbers as doubles), as Spark writes it.
        Path pq = Files.createDirectories(tmp.resolve("parquet"));
        Path csvDir = tmp.resolve("clean");
        Fixture.writeCsv(pq.resolve("hosts.csv"), Fixture.hosts());
        csvToParquet(csvDir.resolve("power.csv"), "timestamp TIMESTAMP, host STRING, watts DOUBLE", pq.resolve("power.parquet"));
        csvToParquet(csvDir.resolve("utilization.csv"),
                "timestamp TIMESTAMP, host STRING, app STRING, cpu_cores DOUBLE, mem_gb DOUBLE", pq.resolve("utilization.parquet"));
        assertThat(canonical(ingest(pq))).as("parquet").isEqualTo(expected);
    }

    @Test
    void emptyFileStopsWithItsName() throws Exception {
        Path dir = clean();
        Files.write(dir.resolve("power.csv"), new byte[0]);
        assertThatThrownBy(() -> ingest(dir)).isInstanceOf(UserError.class)
                .hasMessageContaining("power.csv").hasMessageContaining("empty");
    }

    @Test
    void headerOnlyFileStopsWithItsName() throws Exception {
        Path dir = clean();
        Fixture.writeCsv(dir.resolve("utilization.csv"), List.of("timestamp,host,app,cpu_cores,mem_gb"));
        assertThatThrownBy(() -> ingest(dir)).isInstanceOf(UserError.class)
                .hasMessageContaining("utilization.csv").hasMessageContaining("no data rows");
    }

    @Test
    void missingHostColumnNamesFileColumnAndWhatWasFound() throws Exception {
        Path dir = clean();
        List<String> power = Fixture.power().stream().map(l -> l.substring(0, l.indexOf(',')) + l.substring(l.lastIndexOf(',')))
                .collect(Collectors.toList());
        Fixture.writeCsv(dir.resolve("power.csv"), power);
        assertThatThrownBy(() -> ingest(dir)).isInstanceOf(UserError.class)
                .hasMessageContaining("power.csv").hasMessageContaining("missing required column 'host'")
                .hasMessageContaining("found columns: timestamp, watts");
    }

    @Test
    void nonNumericAndNegativeWattsAreQuarantinedWithLineAndReason() throws Exception {
        List<String> power = Fixture.power();
        power.set(3, Fixture.ts(2) + ",h1,n/a");      // line 4
        power.set(7, Fixture.ts(4) + ",h1,-12.5");    // line 8
        IngestResult r = ingest(Fixture.write(tmp, Fixture.hosts(), power, Fixture.utilization()));
        assertThat(r.rejects()).extracting(RejectRow::line, RejectRow::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(4L, "watts not a number"),
                        org.assertj.core.groups.Tuple.tuple(8L, "negative watts"));
        assertThat(r.rejects().get(0).detail()).contains("n/a");
        assertThat(r.rejects().get(0).content()).isEqualTo(Fixture.ts(2) + ",h1,n/a");
        FileStats stats = r.files().stream().filter(f -> f.file().equals("power.csv")).findFirst().orElseThrow();
        assertThat(stats.rowsRead()).isEqualTo(2L * Fixture.SAMPLES);
        assertThat(stats.rowsKept()).isEqualTo(2L * Fixture.SAMPLES - 2);
        // A rejected sample leaves its interval covered by its neighbours, not a hole filled with zero.
        assertThat(r.power().filter("host = 'h1' and watts < 0").count()).isZero();
    }

    @Test
    void cpuPctFarAbove100IsQuarantinedAndPctBecomesCores() throws Exception {
        List<String> util = new ArrayList<>(List.of("timestamp,host,app,cpu_pct,mem_mb"));
        for (int i = 1; i <= Fixture.SAMPLES; i++) {
            util.add(Fixture.ts(i) + ",h1,web,12.5,10240");
        }
        util.add(Fixture.ts(3) + ",h2,db,5000,1024");
        IngestResult r = ingest(Fixture.write(tmp, Fixture.hosts(), Fixture.power(), util));
        RejectRow reject = onlyReject(r);
        assertThat(reject.reason()).isEqualTo("cpu_pct above 100 x sockets");
        assertThat(reject.line()).isEqualTo(Fixture.SAMPLES + 2);
        Row web = r.utilization().filter("app = 'web'").first();
        assertThat(web.<Double>getAs("cpu_cores")).isEqualTo(4.0); // 12.5 % of 32 cores
        assertThat(web.<Double>getAs("mem_gb")).isEqualTo(10.0);   // 10240 MB
    }

    @Test
    void impossibleDateIsQuarantined() throws Exception {
        List<String> power = Fixture.power();
        power.add("2026-02-30T10:00:00Z,h1,100");
        IngestResult r = ingest(Fixture.write(tmp, Fixture.hosts(), power, Fixture.utilization()));
        assertThat(onlyReject(r).reason()).isEqualTo("unreadable timestamp");
        assertThat(onlyReject(r).detail()).contains("2026-02-30");
    }

    @Test
    void mixedTimestampFormatsAreEachReadOnTheirOwn() throws Exception {
        List<String> expected = canonical(ingest(clean()));
        List<String> power = new ArrayList<>();
        List<String> clean = Fixture.power();
        power.add(clean.get(0));
        for (int i = 1; i < clean.size(); i++) {
            String[] v = clean.get(i).split(",", 2);
            Instant t = Instant.parse(v[0]);
            String ts = switch (i % 4) {
                case 0 -> String.valueOf(t.getEpochSecond());                       // epoch seconds
                case 1 -> String.valueOf(t.toEpochMilli());                         // epoch milliseconds
                case 2 -> t.atOffset(java.time.ZoneOffset.ofHours(2)).toString();   // ISO with +02:00
                default -> v[0];                                                     // ISO Z
            };
            power.add(ts + "," + v[1]);
        }
        IngestResult r = ingest(Fixture.write(tmp.resolve("mixed"), Fixture.hosts(), power, Fixture.utilization()));
        assertThat(r.rejects()).isEmpty();
        assertThat(canonical(r)).isEqualTo(expected);
    }

    @Test
    void duplicateRowsKeepTheFirstAndQuarantineTheRest() throws Exception {
        List<String> power = Fixture.power();
        power.add(Fixture.ts(5) + ",h1,155");   // identical to line 10
        power.add(Fixture.ts(6) + ",h1,999");   // same key, different value
        IngestResult r = ingest(Fixture.write(tmp, Fixture.hosts(), power, Fixture.utilization()));
        assertThat(r.rejects()).extracting(RejectRow::reason)
                .containsExactlyInAnyOrder("duplicate row", "conflicting duplicate");
        assertThat(r.rejects()).extracting(RejectRow::line)
                .containsExactlyInAnyOrder(2L * Fixture.SAMPLES + 2, 2L * Fixture.SAMPLES + 3);
        assertThat(r.power().filter("host = 'h1' and watts = 999").count()).isZero();
        assertThat(r.power().filter("host = 'h1'").count()).isEqualTo(Fixture.SAMPLES);
    }

    @Test
    void decreasingEnergyCounterIsAResetNotNegativeEnergy() throws Exception {
        // h2 reports a cumulative Wh counter at a constant 240 W (20 Wh per 5 minutes); it resets
        // to 0 between samples 10 and 11 (so sample 11 reads the 20 Wh used since the reset).
        List<String> power = new ArrayList<>(List.of("timestamp,host,watts,energy_wh"));
        double e = 5000;
        for (int i = 1; i <= Fixture.SAMPLES; i++) {
            power.add(Fixture.ts(i) + ",h1,150,");
            e = i == 11 ? 20 : e + 20;
            power.add(Fixture.ts(i) + ",h2,," + e);
        }
        IngestResult r = ingest(Fixture.write(tmp, Fixture.hosts(), power, Fixture.utilization()));
        assertThat(r.rejects()).isEmpty();
        assertThat(r.notes()).containsEntry("counter resets", 1L);
        List<Double> h2 = r.power().filter("host = 'h2'").orderBy("ts").collectAsList().stream()
                .map(row -> row.<Double>getAs("watts")).toList();
        assertThat(h2).hasSize(Fixture.SAMPLES - 1);  // the first reading is the counter's baseline
        assertThat(h2).allSatisfy(w -> assertThat(w).isCloseTo(240.0, org.assertj.core.data.Offset.offset(1e-6)));
    }

    @Test
    void utilizationForUnknownHostIsQuarantined() throws Exception {
        List<String> util = Fixture.utilization();
        util.add(Fixture.ts(1) + ",ghost,web,1,1");
        IngestResult r = ingest(Fixture.write(tmp, Fixture.hosts(), Fixture.power(), util));
        assertThat(onlyReject(r).reason()).isEqualTo("unknown host");
        assertThat(onlyReject(r).detail()).contains("ghost");
        assertThat(onlyReject(r).line()).isEqualTo(2L * Fixture.SAMPLES + 2);
    }

    @Test
    void bomCrlfAndSemicolonsWithDecimalCommaReadLikePlainCsv() throws Exception {
        List<String> expected = canonical(ingest(clean()));
        Path dir = Files.createDirectories(tmp.resolve("windows"));
        Fixture.writeCsv(dir.resolve("hosts.csv"), Fixture.hosts());
        Files.writeString(dir.resolve("power.csv"), "\uFEFF" + String.join("\r\n", Fixture.power()) + "\r\n",
                StandardCharsets.UTF_8);
        List<String> semicolons = Fixture.utilization().stream()
                .map(l -> l.replace(',', ';'))
                .map(l -> l.endsWith(";10") ? l.substring(0, l.length() - 3) + ";10,0" : l)
                .toList();
        Fixture.writeCsv(dir.resolve("utilization.csv"), semicolons);
        IngestResult r = ingest(dir);
        assertThat(r.rejects()).isEmpty();
        assertThat(canonical(r)).isEqualTo(expected);
    }

    @Test
    void truncatedGzipStopsNamingTheFile() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("trunc"));
        Fixture.writeCsv(dir.resolve("hosts.csv"), Fixture.hosts());
        Fixture.writeCsv(dir.resolve("power.csv"), Fixture.power());
        List<String> big = Fixture.utilization();
        for (int k = 0; k < 200; k++) {   // enough data that the cut falls after the header
            big.addAll(Fixture.utilization().subList(1, Fixture.utilization().size()));
        }
        Path gz = dir.resolve("utilization.csv.gz");
        Fixture.writeGz(gz, big);
        byte[] all = Files.readAllBytes(gz);
        Files.write(gz, Arrays.copyOf(all, all.length * 2 / 3));
        assertThatThrownBy(() -> ingest(dir)).isInstanceOf(UserError.class)
                .hasMessageContaining("utilization.csv.gz").hasMessageContaining("damaged or truncated");
    }

    @Test
    void wholeColumnOfTheWrongTypeStopsTheRun() throws Exception {
        List<String> power = new ArrayList<>(List.of("timestamp,host,watts"));
        for (int i = 1; i <= Fixture.SAMPLES; i++) {
            power.add(Fixture.ts(i) + ",h1,high");
        }
        Path dir = Fixture.write(tmp, Fixture.hosts(), power, Fixture.utilization());
        assertThatThrownBy(() -> ingest(dir)).isInstanceOf(UserError.class)
                .hasMessageContaining("power.csv").hasMessageContaining("all " + Fixture.SAMPLES + " rows were rejected")
                .hasMessageContaining("watts not a number");
    }

    @Test
    void unknownPowerUnitIsNamed() throws Exception {
        List<String> power = Fixture.power().stream().map(l -> l.replace("watts", "power_kw")).toList();
        Path dir = Fixture.write(tmp, Fixture.hosts(), power, Fixture.utilization());
        assertThatThrownBy(() -> ingest(dir)).isInstanceOf(UserError.class)
                .hasMessageContaining("power.csv").hasMessageContaining("'power_kw' has a unit greenpack does not know");
    }

    @Test
    void twoPsusAreSummedAndAnIntervalMissingOneIsDropped() throws Exception {
        List<String> power = new ArrayList<>(List.of("timestamp,host,psu,watts"));
        for (int i = 1; i <= Fixture.SAMPLES; i++) {
            power.add(Fixture.ts(i) + ",h1,A,100");
            if (i < 7 || i > 10) { // PSU B silent for 25 minutes: longer than the gap limit
                power.add(Fixture.ts(i) + ",h1,B,60");
            }
            power.add(Fixture.ts(i) + ",h2,,200");
        }
        IngestResult r = ingest(Fixture.write(tmp, Fixture.hosts(), power, Fixture.utilization()));
        List<Row> h1 = r.power().filter("host = 'h1'").collectAsList();
        assertThat(h1).hasSize(Fixture.SAMPLES - 4);
        assertThat(h1).allSatisfy(row -> assertThat(row.<Double>getAs("watts")).isEqualTo(160.0));
        assertThat(r.notes()).containsEntry("power intervals dropped: a PSU of the host missing", 4L);
    }

    @Test
    void gapIsReportedAndNotInterpolated() throws Exception {
        List<String> power = new ArrayList<>(Fixture.power());
        power.removeIf(l -> l.contains(",h1,") && (l.startsWith(Fixture.ts(10)) || l.startsWith(Fixture.ts(11))
                || l.startsWith(Fixture.ts(12)) || l.startsWith(Fixture.ts(13))));
        IngestResult r = ingest(Fixture.write(tmp, Fixture.hosts(), power, Fixture.utilization()));
        assertThat(r.gapCount()).isEqualTo(1);
        Gap g = r.gaps().get(0);
        assertThat(g.host()).isEqualTo("h1");
        assertThat(g.from()).isEqualTo(Instant.parse(Fixture.ts(9)));
        assertThat(g.to()).isEqualTo(Instant.parse(Fixture.ts(14)));
        // Intervals 10..13 stay empty; 14 is one interval's sample, not spread over the silence.
        assertThat(r.power().filter("host = 'h1'").count()).isEqualTo(Fixture.SAMPLES - 4);
        Row after = r.power().filter("host = 'h1' and ts = timestamp'" + Fixture.ts(14).replace("T", " ").replace("Z", "")
                + "'").first();
        assertThat(after.<Double>getAs("watts")).isEqualTo(150.0 + 14);
    }

    @Test
    void coarserSamplesAreSpreadOverTheIntervalsTheyCover() throws Exception {
        // 15-minute samples onto 5-minute intervals: each sample fills three intervals.
        List<String> power = new ArrayList<>(List.of("timestamp,host,watts"));
        for (int i = 3; i <= Fixture.SAMPLES; i += 3) {
            power.add(Fixture.ts(i) + ",h1," + (100 + i));
            power.add(Fixture.ts(i) + ",h2,200");
        }
        IngestResult r = ingest(Fixture.write(tmp, Fixture.hosts(), power, Fixture.utilization()));
        List<Row> h1 = r.power().filter("host = 'h1'").orderBy("ts").collectAsList();
        // The first sample of a series is taken to cover one nominal interval; later ones three.
        assertThat(h1).hasSize(1 + 3 * (Fixture.SAMPLES / 3 - 1));
        assertThat(h1.get(1).<Double>getAs("watts")).isEqualTo(106.0);
        assertThat(h1.get(3).<Double>getAs("watts")).isEqualTo(106.0);
    }

    @Test
    void instancesOfAnAppOnAHostAreSummed() throws Exception {
        List<String> util = new ArrayList<>(List.of("timestamp,host,app,instance,cpu_cores,mem_gb"));
        for (int i = 1; i <= Fixture.SAMPLES; i++) {
            util.add(Fixture.ts(i) + ",h1,web,a,1.5,4");
            util.add(Fixture.ts(i) + ",h1,web,b,2.5,6");
        }
        IngestResult r = ingest(Fixture.write(tmp, Fixture.hosts(), Fixture.power(), util));
        List<Row> rows = r.utilization().collectAsList();
        assertThat(rows).hasSize(Fixture.SAMPLES);
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.<Double>getAs("cpu_cores")).isEqualTo(4.0);
            assertThat(row.<Double>getAs("mem_gb")).isEqualTo(10.0);
        });
    }

    @Test
    void utilizationOnlyDataIsReadAndSaysItHasNoPower() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("traces"));
        Fixture.writeCsv(dir.resolve("hosts.csv"), Fixture.hosts());
        Fixture.writeCsv(dir.resolve("utilization.csv"), Fixture.utilization());
        IngestResult r = ingest(dir);
        assertThat(r.hasPower()).isFalse();
        assertThat(r.hasUtilization()).isTrue();
        assertThat(r.power().count()).isZero();
        assertThat(r.utilization().count()).isEqualTo(2L * Fixture.SAMPLES);
    }

    @Test
    void neitherPowerNorUtilizationIsAUserError() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("hostsonly"));
        Fixture.writeCsv(dir.resolve("hosts.csv"), Fixture.hosts());
        assertThatThrownBy(() -> ingest(dir)).isInstanceOf(UserError.class)
                .hasMessageContaining("neither power nor utilization");
    }

    @Test
    void aRowWithMoreFieldsThanTheHeaderIsRejectedNamingTheCount() throws Exception {
        List<String> power = new ArrayList<>(Fixture.power());
        power.add(Fixture.ts(Fixture.SAMPLES + 1) + ",h1,150,extra");
        power.add(Fixture.ts(Fixture.SAMPLES + 2) + ",h1,150,,"); // trailing separators are no values
        IngestResult r = ingest(Fixture.write(tmp, Fixture.hosts(), power, Fixture.utilization()));
        RejectRow reject = onlyReject(r);
        assertThat(reject.reason()).isEqualTo("too many fields");
        assertThat(reject.detail()).isEqualTo("4 fields; the header has 3 columns");
        assertThat(reject.line()).isEqualTo(2L * Fixture.SAMPLES + 2);
        assertThat(reject.content()).isEqualTo(Fixture.ts(Fixture.SAMPLES + 1) + ",h1,150,extra");
    }

    @Test
    void anInvalidJsonLineIsRejectedAsNotValidJson() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("json"));
        Fixture.writeCsv(dir.resolve("hosts.csv"), Fixture.hosts());
        Fixture.writeJsonl(dir.resolve("power.jsonl"), Fixture.power());
        List<String> lines = new ArrayList<>(Files.readAllLines(dir.resolve("power.jsonl")));
        String broken = lines.get(4).substring(0, lines.get(4).length() - 1); // line 5 without its closing brace
        lines.set(4, broken);
        lines.add("[1, 2]");
        Fixture.writeCsv(dir.resolve("power.jsonl"), lines);
        Fixture.writeCsv(dir.resolve("utilization.csv"), Fixture.utilization());
        IngestResult r = ingest(dir);
        assertThat(r.rejects()).extracting(RejectRow::line, RejectRow::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(5L, "not valid JSON"),
                org.assertj.core.groups.Tuple.tuple((long) lines.size(), "not valid JSON"));
        assertThat(r.rejects().get(0).content()).isEqualTo(broken);
    }

    @Test
    void seriesSpanningFilesAreSequencedAcrossThem() throws Exception {
        // The clean fixture cut in two daily files (every series in both), plus a duplicate of the
        // first file's last h1 row in the second file, and a gap across the cut for h2.
        List<String> power = Fixture.power();
        int cut = 1 + Fixture.SAMPLES; // header + half of the rows
        List<String> first = new ArrayList<>(power.subList(0, cut));
        List<String> second = new ArrayList<>(List.of(power.get(0)));
        second.add(power.get(cut - 2)); // h1 at ts(12) again: a duplicate across files
        second.addAll(power.subList(cut, power.size()));
        second.removeIf(l -> l.contains(",h2,") && (l.startsWith(Fixture.ts(13)) || l.startsWith(Fixture.ts(14))
                || l.startsWith(Fixture.ts(15))));
        Path dir = Files.createDirectories(tmp.resolve("daily"));
        Fixture.writeCsv(dir.resolve("hosts.csv"), Fixture.hosts());
        Fixture.writeCsv(dir.resolve("power-1.csv"), first);
        Fixture.writeCsv(dir.resolve("power-2.csv"), second);
        Fixture.writeCsv(dir.resolve("utilization.csv"), Fixture.utilization());
        IngestResult r = ingest(dir);
        assertThat(r.rejects()).singleElement().satisfies(x -> {
            assertThat(x.file()).isEqualTo("power-2.csv");
            assertThat(x.line()).isEqualTo(2);
            assertThat(x.reason()).isEqualTo("duplicate row");
            assertThat(x.content()).isEqualTo(power.get(cut - 2));
        });
        assertThat(r.gapCount()).isEqualTo(1);
        assertThat(r.gaps().get(0).file()).isEqualTo("power-2.csv");
        assertThat(r.gaps().get(0).from()).isEqualTo(Instant.parse(Fixture.ts(12)));
        // h1 is whole and continuous: each interval has its own sample, none spread over two.
        List<Row> h1 = r.power().filter("host = 'h1'").orderBy("ts").collectAsList();
        assertThat(h1).hasSize(Fixture.SAMPLES);
        for (int i = 0; i < h1.size(); i++) {
            assertThat(h1.get(i).<Double>getAs("watts")).isEqualTo(151.0 + i);
        }
        assertThat(r.power().filter("host = 'h2'").count()).isEqualTo(Fixture.SAMPLES - 3);
    }

    @Test
    void aParquetInputSplitInSeveralFilesGivesTheSameRows() throws Exception {
        List<String> expected = canonical(ingest(clean()));
        Path pq = Files.createDirectories(tmp.resolve("parts"));
        Fixture.writeCsv(pq.resolve("hosts.csv"), Fixture.hosts());
        Fixture.writeCsv(pq.resolve("power.csv"), Fixture.power());
        // Round robin: every series in each of the three part files.
        TestSpark.session().read().option("header", "true")
                .schema("timestamp TIMESTAMP, host STRING, app STRING, cpu_cores DOUBLE, mem_gb DOUBLE")
                .csv(tmp.resolve("clean").resolve("utilization.csv").toString()).repartition(3)
                .write().mode(SaveMode.Overwrite).parquet(pq.resolve("utilization.parquet").toString());
        IngestResult r = ingest(pq);
        assertThat(r.rejects()).isEmpty();
        assertThat(canonical(r)).isEqualTo(expected);
    }

    /**
     * Parquet columns of every type the vectorized way reads (byte, short, int, long, float,
     * double, text, timestamp), with nulls and bad values: read as column batches and as rows
     * projected by Spark (vectorized reader off), the aligned rows and the rejects (line, reason,
     * the value shown) are the same.
     */
    @Test
    void parquetReadAsColumnBatchesOrAsRowsGivesTheSameRowsAndRejects() throws Exception {
        SparkSession spark = TestSpark.session();
        Path csv = Files.createDirectories(tmp.resolve("typed-csv"));
        List<String> power = new ArrayList<>(List.of("timestamp,host,psu,watts"));
        List<String> util = new ArrayList<>(List.of("timestamp,host,app,instance,cpu_cores,mem_gb,disk_iops"));
        for (int i = 1; i <= Fixture.SAMPLES; i++) {
            long epoch = Fixture.START.getEpochSecond() + 300L * i;
            power.add(epoch + ",h1,1," + (i == 5 ? "-3.5" : String.valueOf(150 + i)));
            power.add(epoch + ",h2,2," + (i == 7 ? "" : "200.25"));
            util.add(Fixture.ts(i) + ",h1,web,1," + (i == 3 ? "-1" : "4") + ",10," + (i % 5));
            util.add(Fixture.ts(i) + ",h1,web,2,0.5," + (i == 9 ? "" : "12") + ",");
            util.add(Fixture.ts(i) + ",h2,db,,1,100,7");
        }
        util.add(Fixture.ts(4) + ",h2,db,,1,100,7"); // a duplicate of an earlier row
        Fixture.writeCsv(csv.resolve("power.csv"), power);
        Fixture.writeCsv(csv.resolve("utilization.csv"), util);
        Path pq = Files.createDirectories(tmp.resolve("typed-parquet"));
        Fixture.writeCsv(pq.resolve("hosts.csv"), Fixture.hosts());
        csvToParquet(csv.resolve("power.csv"), "timestamp BIGINT, host STRING, psu INT, watts FLOAT", pq.resolve("power.parquet"));
        csvToParquet(csv.resolve("utilization.csv"),
                "timestamp TIMESTAMP, host STRING, app STRING, instance SHORT, cpu_cores DOUBLE, mem_gb LONG, disk_iops BYTE",
                pq.resolve("utilization.parquet"));

        InputFile utilization = DataDirectory.scan(pq).files(InputKind.UTILIZATION).get(0);
        assertThat(Ingest.readsColumns(spark, utilization)).as("read as column batches").isTrue();
        IngestResult columns = ingest(pq);
        IngestResult rows;
        spark.conf().set("spark.sql.parquet.enableVectorizedReader", "false");
        try {
            assertThat(Ingest.readsColumns(spark, utilization)).as("read as rows").isFalse();
            rows = ingest(pq);
        } finally {
            spark.conf().unset("spark.sql.parquet.enableVectorizedReader");
        }
        assertThat(columns.rejects()).extracting(RejectRow::line, RejectRow::reason, RejectRow::detail)
                .contains(org.assertj.core.groups.Tuple.tuple(9L, "negative watts", "watts = '-3.5'"),
                        org.assertj.core.groups.Tuple.tuple(7L, "negative cpu", "cpu_cores = '-1.0'"));
        assertThat(columns.rejects()).hasSize(5);
        assertThat(columns.rejects()).isEqualTo(rows.rejects());
        assertThat(canonical(columns)).hasSize(4 * Fixture.SAMPLES).isEqualTo(canonical(rows));
        // the two instances of web on h1 are summed: 4 + 0.5 cores
        assertThat(columns.utilization().filter("host = 'h1' AND ts = timestamp'2026-10-05 01:00:00'")
                .first().<Double>getAs("cpu_cores")).isEqualTo(4.5);
    }

    @Test
    void aParquetInputsColumnsAreReadFromItsFooterWithoutASparkJob() throws Exception {
        SparkSession spark = TestSpark.session();
        Path csv = Files.createDirectories(tmp.resolve("footer-csv"));
        Fixture.writeCsv(csv.resolve("power.csv"), List.of("timestamp,host,watts", "1700000100,h1,150.5"));
        Path pq = Files.createDirectories(tmp.resolve("footer-parquet"));
        csvToParquet(csv.resolve("power.csv"), "timestamp BIGINT, host STRING, watts FLOAT", pq.resolve("power.parquet"));
        Fixture.writeCsv(pq.resolve("hosts.csv"), Fixture.hosts());
        InputFile power = DataDirectory.scan(pq).files(InputKind.POWER).get(0);

        org.apache.spark.SparkContext sc = spark.sparkContext();
        sc.listenerBus().waitUntilEmpty();
        java.util.concurrent.atomic.AtomicInteger jobs = new java.util.concurrent.atomic.AtomicInteger();
        org.apache.spark.scheduler.SparkListener count = new org.apache.spark.scheduler.SparkListener() {
            @Override
            public void onJobStart(org.apache.spark.scheduler.SparkListenerJobStart e) {
                jobs.incrementAndGet();
            }
        };
        sc.addSparkListener(count);
        try {
            org.apache.spark.sql.Dataset<Row> df = RawReader.parquet(spark, power);
            assertThat(df.schema().simpleString()).isEqualTo("struct<timestamp:bigint,host:string,watts:float>");
            sc.listenerBus().waitUntilEmpty();
            assertThat(jobs).as("Spark jobs run to read the schema").hasValue(0);
        } finally {
            sc.removeSparkListener(count);
        }
        assertThat(RawReader.parquet(spark, power).first().<Float>getAs("watts")).isEqualTo(150.5f);
    }
}
