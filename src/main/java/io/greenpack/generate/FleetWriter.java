package io.greenpack.generate;

import io.greenpack.csv.AsciiCsvWriter;
import io.greenpack.csv.CsvWriter;
import io.greenpack.generate.FleetPlan.App;
import io.greenpack.generate.FleetPlan.BadRow;
import io.greenpack.generate.FleetPlan.CounterReset;
import io.greenpack.generate.FleetPlan.Host;
import io.greenpack.generate.FleetPlan.Meter;
import io.greenpack.generate.FleetPlan.Outage;
import io.greenpack.util.UserError;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

/**
 * Streams a {@link FleetPlan} into the canonical files. Time-major: for each interval, every host,
 * and on it every app, so memory stays bounded by the fleet size, not the number of rows.
 * Each host and app draws its noise from its own random stream, seeded from (seed, index), so
 * the output is byte-identical for the same options.
 */
public final class FleetWriter {
    static final double METER_NOISE = 0.015;
    static final double COUNTER_NOISE = 0.005;
    static final double CPU_NOISE = 0.08;
    static final double IO_NOISE = 0.15;
    static final double MEM_NOISE = 0.02;
    static final int GZIP_LEVEL = 1;

    private final FleetPlan plan;
    private final GenerateOptions options;
    private final Path dir;

    private FleetWriter(FleetPlan plan, Path dir) {
        this.plan = plan;
        this.options = plan.options();
        this.dir = dir;
    }

    /** Plans the fleet and writes every file into {@code dir} (created if missing). */
    public static GenerationSummary generate(GenerateOptions options, Path dir) {
        return write(FleetPlanner.plan(options), dir);
    }

    public static GenerationSummary write(FleetPlan plan, Path dir) {
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new UserError("--out: " + dir + " exists and is not a directory");
            }
            Files.createDirectories(dir);
            return new FleetWriter(plan, dir).run();
        } catch (IOException e) {
            throw new UserError("--out: cannot write to " + dir + ": " + e.getMessage(), e);
        }
    }

    private GenerationSummary run() throws IOException {
        long t0 = System.nanoTime();
        List<String> powerNames = shardNames("power");
        List<String> utilNames = shardNames("utilization");
        List<String> files = new ArrayList<>(List.of("hosts.csv", "apps.csv", "targets.csv"));
        files.addAll(powerNames);
        files.addAll(utilNames);
        files.add("truth.json");
        writeSmall("hosts.csv", hostsCsv(plan));
        writeSmall("apps.csv", appsCsv(plan));
        writeSmall("targets.csv", targetsCsv());
        Samples samples = writeSamples(powerNames, utilNames);
        double seconds = (System.nanoTime() - t0) / 1e9;
        writeSmall("truth.json", Truth.json(plan, samples.badRows, samples.rowsByFile).getBytes(StandardCharsets.UTF_8));
        return new GenerationSummary(dir, files, samples.powerRows, samples.utilRows, samples.badRows.size(), seconds);
    }

    private List<String> shardNames(String prefix) {
        return options.fileNames(prefix);
    }

    /** An injected bad row as written: file name, 1-based line (header = line 1), reason. */
    public record WrittenBadRow(String file, long line, String reason, String host, String app, String timestamp) {
    }

    private record Samples(long powerRows, long utilRows, List<WrittenBadRow> badRows, Map<String, Long> rowsByFile) {
    }

    // ------------------------------------------------------------------ small files

    /** hosts.csv of a plan (the nameplate watts, not the truth). */
    static byte[] hostsCsv(FleetPlan plan) {
        StringWriter text = new StringWriter();
        try (CsvWriter csv = CsvWriter.to(text, List.of("host", "model", "sockets", "cores", "mem_gb", "role", "site",
                "rack_units", "idle_watts", "max_watts"))) {
            for (Host h : plan.hosts()) {
                HardwareModel m = h.model();
                csv.row(h.name(), m.name(), m.sockets(), m.cores(), m.memGb(), h.role(), h.site(), m.rackUnits(),
                        Math.round(m.nameplateIdleWatts()), Math.round(m.nameplateMaxWatts()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] appsCsv(FleetPlan plan) {
        StringWriter text = new StringWriter();
        try (CsvWriter csv = CsvWriter.to(text, List.of("app", "owner", "group", "pin_host", "needs", "may_share_os",
                "reserved_cores", "reserved_mem_gb"))) {
            for (App a : plan.apps()) {
                csv.row(a.name(), a.owner(), a.group(), a.pinHost(), a.needs(), String.valueOf(a.mayShareOs()),
                        a.reservedCores(), a.reservedMemGb());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * targets.csv, written cell by cell rather than with CsvWriter: its source cells hold semicolons
     * ("PowerEdge R640; published 2017 Q3"), which CsvCell would quote, changing the file's bytes.
     */
    static byte[] targetsCsv() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (AsciiCsvWriter w = new AsciiCsvWriter(bytes)) {
            w.text(TargetsCatalog.HEADER).newline();
            for (TargetsCatalog.Entry e : TargetsCatalog.entries()) {
                w.text(e.model()).comma().integer(e.cores()).comma().integer(e.memGb()).comma()
                        .text(num(e.idleWatts())).comma().text(num(e.maxWatts()));
                for (double watts : e.curveWatts()) {
                    w.comma().text(num(watts));
                }
                w.comma().integer(e.price()).comma().text(num(e.rackUnits())).comma().text(e.form())
                        .comma().text(e.chassisWatts() == null ? "" : String.valueOf(e.chassisWatts()))
                        .comma().text(e.bladesPerChassis() == null ? "" : String.valueOf(e.bladesPerChassis()))
                        .comma().text(e.available() == null ? "" : String.valueOf(e.available()))
                        .comma().text(e.source()).newline();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    /** Plain decimal without a trailing ".0" (targets are typed in by hand, keep them readable). */
    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private void writeSmall(String name, byte[] content) throws IOException {
        Path tmp = dir.resolve("." + name + ".partial");
        Files.write(tmp, content);
        moveIntoPlace(tmp, dir.resolve(name));
    }

    private static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private OutputStream open(Path path) throws IOException {
        OutputStream file = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
        // GZIPOutputStream writes MTIME = 0 and no file name, so the bytes depend on content only.
        // Level 1: deflate at the default level 6 took two thirds of the run time for 10 % smaller files.
        return options.compress() ? new GZIPOutputStream(file, 1 << 16) {
            {
                def.setLevel(GZIP_LEVEL);
            }
        } : file;
    }

    // ------------------------------------------------------------------ the samples

    private Samples writeSamples(List<String> powerNames, List<String> utilNames) throws IOException {
        SampleStreams streams = new SampleStreams(powerNames, utilNames);
        try {
            streams.openFiles();
            for (int t = 0; t < options.intervals(); t++) {
                streams.writeInterval(t);
            }
            return streams.finish();
        } finally {
            streams.closeQuietly();
        }
    }

    /** One interval's time stamp and the calendar facts that shape its load. */
    private record Stamp(int interval, String text, byte[] bytes, int slot, boolean weekend, boolean bad) {
    }

    /**
     * The state of the sample files while they are written: per host and per app its name, noise
     * stream and daily shape, the injected bad rows by interval, and one power and one utilization
     * writer per file. The random streams are drawn in a fixed order (interval, host, app, instance),
     * which is what makes the output byte-identical for the same options.
     */
    private final class SampleStreams {
        private final List<Host> hosts = plan.hosts();
        private final List<App> apps = plan.apps();
        private final int nHosts = hosts.size();
        private final long step = options.intervalMinutes() * 60L;
        private final long start = options.start().getEpochSecond();
        private final double hours = options.intervalMinutes() / 60.0;
        private final List<String> powerNames;
        private final List<String> utilNames;

        // Per host: the apps on it (index order), its noise stream, outage window, counter state.
        private final int[][] appsOn = new int[nHosts][];
        private final SplittableRandom[] hostRng = new SplittableRandom[nHosts];
        private final byte[][] hostName = new byte[nHosts][];
        private final byte[][] sourceOf = new byte[nHosts][];
        private final int[] outFrom = new int[nHosts];
        private final int[] outTo = new int[nHosts];
        private final int[] resetAt = new int[nHosts];
        private final double[] counterWh = new double[nHosts];

        // Per app: its noise stream, name and daily shape by slot of the day.
        private final SplittableRandom[] appRng;
        private final byte[][] appName;
        private final double[][] bump;

        // Bad rows by interval; only intervals that have some are looked up.
        private final boolean[] badAt = new boolean[options.intervals()];
        private final Map<Long, BadRow> powerBad = new HashMap<>();
        private final Map<Long, BadRow> utilBad = new HashMap<>();
        private final Map<Integer, List<BadRow>> extraRows = new TreeMap<>();
        private final List<WrittenBadRow> written = new ArrayList<>();
        private int ghostNo = 0;

        // One host's app usage in the current interval, by position in appsOn.
        private double[] cpu = new double[64];
        private double[] mem = new double[64];
        private double[] iops = new double[64];
        private double[] mbps = new double[64];
        private double[] net = new double[64];
        private final byte[] psu1 = ascii("1");
        private final byte[] psu2 = ascii("2");

        // With several files, each host's rows go to one of them (a block of hosts per file, as a
        // collector per rack would export); ghost rows (unknown hosts) go to the first.
        private final int shards;
        private final AsciiCsvWriter[] pws;
        private final AsciiCsvWriter[] uws;

        SampleStreams(List<String> powerNames, List<String> utilNames) {
            this.powerNames = powerNames;
            this.utilNames = utilNames;
            this.shards = powerNames.size();
            this.pws = new AsciiCsvWriter[shards];
            this.uws = new AsciiCsvWriter[shards];
            int nApps = apps.size();
            this.appRng = new SplittableRandom[nApps];
            this.appName = new byte[nApps][];
            this.bump = new double[nApps][];
            initHosts();
            initApps();
            indexBadRows();
        }

        private void initHosts() {
            long seed = options.seed();
            for (int h = 0; h < nHosts; h++) {
                List<App> on = plan.appsOn(h);
                appsOn[h] = new int[on.size()];
                for (int i = 0; i < on.size(); i++) {
                    appsOn[h][i] = on.get(i).index();
                }
                hostRng[h] = new SplittableRandom(mix(seed, 0x485354L, h));
                hostName[h] = ascii(hosts.get(h).name());
                sourceOf[h] = ascii(hosts.get(h).source());
                outFrom[h] = -1;
                outTo[h] = -1;
                resetAt[h] = -1;
                counterWh[h] = hosts.get(h).energyStartWh();
            }
            for (Outage o : plan.outages()) {
                outFrom[o.hostIndex()] = o.fromInterval();
                outTo[o.hostIndex()] = o.toInterval();
            }
            for (CounterReset r : plan.counterResets()) {
                resetAt[r.hostIndex()] = r.interval();
            }
        }

        private void initApps() {
            int perDay = 1440 / options.intervalMinutes();
            Map<Long, double[]> shapes = new HashMap<>();
            for (int a = 0; a < apps.size(); a++) {
                App app = apps.get(a);
                appRng[a] = new SplittableRandom(mix(options.seed(), 0x415050L, a));
                appName[a] = ascii(app.name());
                bump[a] = shape(shapes, app.peakHour(), app.widthHours(), perDay);
            }
        }

        private void indexBadRows() {
            for (BadRow b : plan.badRows()) {
                badAt[b.interval()] = true;
                if (b.file().equals("power")) {
                    powerBad.put(key(b.interval(), b.hostIndex()), b);
                } else if (b.reason().equals("unknown_host")) {
                    extraRows.computeIfAbsent(b.interval(), k -> new ArrayList<>()).add(b);
                } else {
                    utilBad.put(key(b.interval(), b.appIndex()), b);
                }
            }
        }

        void openFiles() throws IOException {
            for (int i = 0; i < shards; i++) {
                pws[i] = new AsciiCsvWriter(open(dir.resolve("." + powerNames.get(i) + ".partial")));
                uws[i] = new AsciiCsvWriter(open(dir.resolve("." + utilNames.get(i) + ".partial")));
                pws[i].text("timestamp,host,psu,watts,energy_wh,source").newline();
                uws[i].text("timestamp,host,app,instance,cpu_cores,mem_gb,disk_iops,disk_mbps,net_mbps").newline();
            }
        }

        void writeInterval(int t) throws IOException {
            long end = start + (t + 1) * step;
            String tsText = Instant.ofEpochSecond(end).toString();
            // The interval's midpoint decides hour of day and weekday.
            long mid = start + t * step + step / 2;
            int slot = (int) (Math.floorMod(mid, 86_400L) / step);
            long epochDay = Math.floorDiv(mid, 86_400L);
            int dow = (int) Math.floorMod(epochDay + 3, 7L); // 0 = Monday (1970-01-01 was a Thursday)
            Stamp stamp = new Stamp(t, tsText, ascii(tsText), slot, dow >= 5, badAt[t]);
            for (int h = 0; h < nHosts; h++) {
                if (t >= outFrom[h] && t < outTo[h]) {
                    continue; // collector outage: neither power nor utilization rows
                }
                writeHost(stamp, h);
            }
            List<BadRow> extras = stamp.bad() ? extraRows.get(t) : null;
            if (extras != null) {
                writeGhosts(stamp, extras);
            }
        }

        private void writeHost(Stamp stamp, int h) throws IOException {
            int shard = (int) ((long) h * shards / nHosts);
            int[] on = appsOn[h];
            growScratch(on.length);
            double sumCpu = 0;
            for (int i = 0; i < on.length; i++) {
                drawUsage(i, on[i], stamp);
                sumCpu += cpu[i];
            }
            int cores = hosts.get(h).model().cores();
            if (sumCpu > cores) {
                // A host cannot run more cores than it has: the apps share them.
                double f = cores / sumCpu;
                for (int i = 0; i < on.length; i++) {
                    cpu[i] *= f;
                }
                sumCpu = cores;
            }
            for (int i = 0; i < on.length; i++) {
                writeUsage(stamp, h, i, on[i], uws[shard], utilNames.get(shard));
            }
            writePower(stamp, h, Math.min(1.0, sumCpu / cores), pws[shard], powerNames.get(shard));
        }

        private void growScratch(int apps) {
            if (apps > cpu.length) {
                int n = Math.max(apps, cpu.length * 2);
                cpu = new double[n];
                mem = new double[n];
                iops = new double[n];
                mbps = new double[n];
                net = new double[n];
            }
        }

        /** App {@code a}'s usage in this interval into position {@code i} of the scratch arrays. */
        private void drawUsage(int i, int a, Stamp stamp) {
            App app = apps.get(a);
            SplittableRandom r = appRng[a];
            double shape = bump[a][stamp.slot()];
            if (app.appClass() == AppClass.IDLE) {
                cpu[i] = app.peakCpuCores() * (0.7 + 0.6 * r.nextDouble());
                mem[i] = app.peakMemGb() * (0.95 + 0.05 * r.nextDouble());
                iops[i] = app.peakDiskIops() * r.nextDouble();
                mbps[i] = app.peakDiskMbps() * r.nextDouble();
                net[i] = app.peakNetMbps() * r.nextDouble();
            } else {
                double act = (app.cpuFloor() + (1 - app.cpuFloor()) * shape)
                        * (stamp.weekend() ? app.weekendFactor() : 1.0);
                cpu[i] = app.peakCpuCores() * act * noise(r, CPU_NOISE);
                mem[i] = app.peakMemGb() * (app.memFloor() + (1 - app.memFloor()) * shape)
                        * noise(r, MEM_NOISE);
                iops[i] = app.peakDiskIops() * act * noise(r, IO_NOISE);
                mbps[i] = app.peakDiskMbps() * act * noise(r, IO_NOISE);
                net[i] = app.peakNetMbps() * act * noise(r, IO_NOISE);
            }
        }

        /** One row per instance of app {@code a} (scratch position {@code i}), its first instance maybe bad. */
        private void writeUsage(Stamp stamp, int h, int i, int a, AsciiCsvWriter uw, String utilName) throws IOException {
            App app = apps.get(a);
            String host = hosts.get(h).name();
            BadRow b = stamp.bad() ? utilBad.get(key(stamp.interval(), a)) : null;
            for (int k = 1; k <= app.instances(); k++) {
                double share = app.instances() == 1 ? 1.0
                        : k == 1 ? app.instance1Share() : 1.0 - app.instance1Share();
                uw.bytes(stamp.bytes()).comma().bytes(hostName[h]).comma().bytes(appName[a]).comma().integer(k).comma();
                if (b != null && k == 1 && b.reason().equals("absurd_cpu_cores")) {
                    written.add(new WrittenBadRow(utilName, uw.lines() + 1, b.reason(), host, app.name(), stamp.text()));
                    uw.text("99999.000");
                } else {
                    uw.fixed(cpu[i] * share, 3);
                }
                uw.comma();
                if (b != null && k == 1 && b.reason().equals("non_numeric_mem_gb")) {
                    written.add(new WrittenBadRow(utilName, uw.lines() + 1, b.reason(), host, app.name(), stamp.text()));
                    uw.text("#VALUE!");
                } else {
                    uw.fixed(mem[i] * share, 2);
                }
                uw.comma().fixed(iops[i] * share, 1).comma().fixed(mbps[i] * share, 2).comma()
                        .fixed(net[i] * share, 2).newline();
            }
        }

        /** Power: the true curve at this interval's utilization {@code u}, then the meter. */
        private void writePower(Stamp stamp, int h, double u, AsciiCsvWriter pw, String powerName) throws IOException {
            Host host = hosts.get(h);
            double trueWatts = host.model().watts(u);
            SplittableRandom r = hostRng[h];
            if (host.meter() == Meter.ENERGY_COUNTER) {
                double wh = trueWatts * noise(r, COUNTER_NOISE) * hours;
                counterWh[h] = stamp.interval() == resetAt[h] ? wh : counterWh[h] + wh;
                pw.bytes(stamp.bytes()).comma().bytes(hostName[h]).comma().bytes(psu1).comma().comma()
                        .fixed(counterWh[h], 2).comma().bytes(sourceOf[h]).newline();
            } else if (host.psus() == 2) {
                double total = trueWatts * noise(r, METER_NOISE);
                double p1 = total * (host.psu1Share() + 0.004 * r.nextGaussian());
                pw.bytes(stamp.bytes()).comma().bytes(hostName[h]).comma().bytes(psu1).comma().fixed(p1, 1)
                        .comma().comma().bytes(sourceOf[h]).newline();
                pw.bytes(stamp.bytes()).comma().bytes(hostName[h]).comma().bytes(psu2).comma().fixed(total - p1, 1)
                        .comma().comma().bytes(sourceOf[h]).newline();
            } else {
                double watts = trueWatts * noise(r, METER_NOISE);
                BadRow b = stamp.bad() ? powerBad.get(key(stamp.interval(), h)) : null;
                if (b == null) {
                    pw.bytes(stamp.bytes()).comma().bytes(hostName[h]).comma().bytes(psu1).comma().fixed(watts, 1)
                            .comma().comma().bytes(sourceOf[h]).newline();
                } else {
                    writeBadPower(stamp, h, watts, b, pw, powerName);
                }
            }
        }

        private void writeBadPower(Stamp stamp, int h, double watts, BadRow b, AsciiCsvWriter pw, String powerName)
                throws IOException {
            String tsText = stamp.text();
            String when = switch (b.reason()) {
                case "future_timestamp" -> "2099" + tsText.substring(4);
                case "timestamp_before_1990" -> "1970" + tsText.substring(4);
                default -> tsText;
            };
            String value = switch (b.reason()) {
                case "negative_watts" -> "-" + fixed1(watts);
                case "non_numeric_watts" -> written.size() % 2 == 0 ? "n/a" : "ERR";
                default -> fixed1(watts);
            };
            written.add(new WrittenBadRow(powerName, pw.lines() + 1, b.reason(), hosts.get(h).name(), "", when));
            pw.text(when).comma().bytes(hostName[h]).comma().bytes(psu1).comma().text(value)
                    .comma().comma().bytes(sourceOf[h]).newline();
        }

        /** Rows of hosts that are not in hosts.csv, in the first utilization file. */
        private void writeGhosts(Stamp stamp, List<BadRow> extras) throws IOException {
            for (BadRow b : extras) {
                String ghost = "ghost-" + FleetPlanner.pad(++ghostNo, 2);
                String appText = b.appIndex() >= 0 ? apps.get(b.appIndex()).name() : "app-ghost";
                AsciiCsvWriter uw = uws[0];
                written.add(new WrittenBadRow(utilNames.get(0), uw.lines() + 1, b.reason(), ghost, appText, stamp.text()));
                uw.bytes(stamp.bytes()).comma().text(ghost).comma().text(appText).comma().integer(1).comma()
                        .fixed(1.25, 3).comma().fixed(4.0, 2).comma().fixed(12.0, 1).comma()
                        .fixed(0.5, 2).comma().fixed(1.0, 2).newline();
            }
        }

        /** Closes every file, moves each into place and counts its data rows (header excluded). */
        Samples finish() throws IOException {
            Map<String, Long> rows = new LinkedHashMap<>();
            long powerRows = 0;
            long utilRows = 0;
            for (int i = 0; i < shards; i++) {
                pws[i].close();
                rows.put(powerNames.get(i), pws[i].lines() - 1);
                powerRows += pws[i].lines() - 1;
            }
            for (int i = 0; i < shards; i++) {
                uws[i].close();
                rows.put(utilNames.get(i), uws[i].lines() - 1);
                utilRows += uws[i].lines() - 1;
            }
            for (int i = 0; i < shards; i++) {
                moveIntoPlace(dir.resolve("." + powerNames.get(i) + ".partial"), dir.resolve(powerNames.get(i)));
                moveIntoPlace(dir.resolve("." + utilNames.get(i) + ".partial"), dir.resolve(utilNames.get(i)));
            }
            return new Samples(powerRows, utilRows, written, rows);
        }

        void closeQuietly() {
            for (int i = 0; i < shards; i++) {
                FleetWriter.closeQuietly(pws[i]);
                FleetWriter.closeQuietly(uws[i]);
            }
        }
    }

    private static void closeQuietly(AsciiCsvWriter w) {
        if (w == null) {
            return;
        }
        try {
            w.close();
        } catch (IOException | RuntimeException e) {
            // already failing: the first error is the one reported
        }
    }

    private static String fixed1(double v) {
        return Long.toString(Math.round(v * 10) / 10) + "." + (Math.round(v * 10) % 10);
    }

    /** Multiplicative gaussian noise, never negative. */
    private static double noise(SplittableRandom r, double sigma) {
        return Math.max(0.0, 1.0 + sigma * r.nextGaussian());
    }

    /**
     * Daily bump exp(-d^2 / (2 w^2)) by slot of the day, d the circular distance in hours to the
     * peak. Shared between apps with the same peak (to the quarter hour) and width (to the half hour).
     */
    private static double[] shape(Map<Long, double[]> cache, double peakHour, double widthHours, int perDay) {
        long q = Math.round(peakHour * 4) % 96;
        long w = Math.max(1, Math.round(widthHours * 2));
        return cache.computeIfAbsent(q * 1000 + w, k -> {
            double peak = q / 4.0;
            double width = w / 2.0;
            double[] s = new double[perDay];
            for (int i = 0; i < perDay; i++) {
                double hour = (i + 0.5) * 24.0 / perDay;
                double d = Math.abs(hour - peak);
                d = Math.min(d, 24 - d);
                s[i] = Math.exp(-d * d / (2 * width * width));
            }
            return s;
        });
    }

    private static long key(int interval, int who) {
        return ((long) interval << 32) | (who & 0xffffffffL);
    }

    /** A seed for one entity's stream (splitmix64 finaliser over seed, kind and index). */
    static long mix(long seed, long kind, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + kind * 0xBF58476D1CE4E5B9L + index * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
