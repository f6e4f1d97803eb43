package io.greenpack.importer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenpack.csv.CsvWriter;
import io.greenpack.ingest.files.RejectsFile;
import io.greenpack.util.UserError;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes the canonical files of DESIGN §2 for every importer: rows go straight to temporary
 * files in the output directory (bounded memory); {@link #commit} writes hosts.csv, IMPORT.md
 * and import.json and moves everything into place, so a failed import leaves the directory as
 * it was. Host and app names come from input and go through {@link CsvWriter} (formula
 * injection is escaped there).
 */
public final class CanonicalWriter implements AutoCloseable {
    static final List<String> POWER_HEADER = List.of("timestamp", "host", "watts", "energy_wh", "psu", "source");
    static final List<String> UTILIZATION_HEADER = List.of("timestamp", "host", "app", "instance", "cpu_cores", "mem_gb",
            "disk_mbps", "net_mbps");
    static final List<String> HOSTS_HEADER = List.of("host", "model", "sockets", "cores", "mem_gb");
    static final List<String> APPS_HEADER = List.of("app", "reserved_cores", "reserved_mem_gb");

    private final Path outDir;
    private final ImportFormat format;
    private final ImportOptions options;
    private final List<Path> temps = new ArrayList<>();
    private CsvWriter power;
    private CsvWriter utilization;
    private Path powerTemp;
    private Path utilizationTemp;
    private final Map<String, HostFacts> hosts = new TreeMap<>();
    private final Set<String> apps = new HashSet<>();
    private final Map<String, Skip> skipped = new LinkedHashMap<>();
    private final Map<String, Skip> rejected = new LinkedHashMap<>();
    private final Map<String, double[]> reservations = new TreeMap<>(); // app -> {cores, memGb}
    private CsvWriter rejects;
    private Path rejectsTemp;
    private String firstReject;
    private final List<String> notes = new ArrayList<>();
    private long filesRead;
    private long recordsIn;
    private Instant first;
    private Instant last;

    /** Why input was left out, how often, and where first. */
    public record Skip(String reason, long count, String firstAt) {
    }

    /**
     * What the import did, for the command's summary: {@code written} are the files it wrote or
     * merged, {@code kept} the sample files of other kinds it left as they were, {@code replaced}
     * and {@code removed} the files --force took away (same name, other name of the same kind).
     */
    public record ImportSummary(long filesRead, long recordsIn, long powerRows, long utilizationRows, int hosts, int apps,
                          Instant first, Instant last, Map<String, Skip> skipped, Map<String, Skip> rejected,
                          List<String> notes, List<String> written, List<String> kept, List<String> replaced,
                          List<String> removed) {
        public long rejectedRows() {
            return rejected.values().stream().mapToLong(Skip::count).sum();
        }
    }

    public CanonicalWriter(Path outDir, ImportFormat format, ImportOptions options) {
        this.outDir = outDir;
        this.format = format;
        this.options = options;
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new UserError("cannot create output directory " + outDir + ": " + e.getMessage(), e);
        }
    }

    /** One input file started. */
    void fileRead() {
        filesRead++;
    }

    /** Input records (lines, JSON values, series points) read; the "rows in" of the summary. */
    void recordsIn(long n) {
        recordsIn += n;
    }

    void skip(String reason, String where) {
        skip(reason, where, 1);
    }

    void skip(String reason, String where, long count) {
        skipped.merge(reason, new Skip(reason, count, where), (a, b) -> new Skip(a.reason, a.count + b.count, a.firstAt));
    }

    /**
     * A bad row: one line of the output folder's rejects.csv (file, line, reason, detail, the
     * line itself), counted by reason; the import goes on.
     */
    void reject(Path file, long line, RowRejected why, String content) {
        if (rejects == null) {
            rejectsTemp = temp("rejects.csv");
            rejects = open(rejectsTemp, RejectsFile.HEADER);
        }
        rejects.row(file.toString(), line, why.reason(), why.detail(),
                content == null ? "" : content.length() <= 200 ? content : content.substring(0, 200));
        rejected.merge(why.reason(), new Skip(why.reason(), 1, file + ", line " + line),
                (a, b) -> new Skip(a.reason, a.count + 1, a.firstAt));
        if (firstReject == null) {
            firstReject = why.detail();
        }
    }

    /** The current line of {@code in} is a bad row. */
    void reject(ExportLines in, RowRejected why) {
        reject(in.file(), in.line(), why, in.text());
    }

    /**
     * What an app was given (provisioned), written to apps.csv as reserved_cores and
     * reserved_mem_gb; the largest value seen wins.
     */
    void reserved(String app, double cores, double memGb) {
        double[] r = reservations.computeIfAbsent(app, k -> new double[2]);
        r[0] = Math.max(r[0], cores);
        r[1] = Math.max(r[1], memGb);
    }

    /** A sentence for IMPORT.md and the summary (assumptions the user should know about). */
    void note(String text) {
        if (!notes.contains(text)) {
            notes.add(text);
        }
    }

    /** Records what the input says about a host (merged with what was said before). */
    void host(String host, HostFacts facts) {
        hosts.merge(host, facts, HostFacts::merge);
    }

    /**
     * A power sample: {@code watts} (mean over the interval ending at {@code ts}) or a cumulative
     * {@code energyWh} counter, never both. {@code psu} is empty for a host's single meter.
     */
    void power(Instant ts, String host, Double watts, Double energyWh, String psu, String source) {
        if (power == null) {
            powerTemp = temp("power.csv");
            power = open(powerTemp, POWER_HEADER);
        }
        host(host, HostFacts.UNKNOWN);
        seen(ts);
        power.row(ts, host, watts, energyWh, psu == null ? "" : psu, source);
    }

    /** A per-application sample; {@code instance} distinguishes several processes of one app. */
    void utilization(Instant ts, String host, String app, String instance, double cpuCores, double memGb,
                     Double diskMbps, Double netMbps) {
        if (utilization == null) {
            utilizationTemp = temp("utilization.csv");
            utilization = open(utilizationTemp, UTILIZATION_HEADER);
        }
        host(host, HostFacts.UNKNOWN);
        apps.add(app);
        seen(ts);
        utilization.row(ts, host, app, instance == null ? "" : instance, cpuCores, memGb, diskMbps, netMbps);
    }

    private void seen(Instant ts) {
        if (first == null || ts.isBefore(first)) {
            first = ts;
        }
        if (last == null || ts.isAfter(last)) {
            last = ts;
        }
    }

    /**
     * Writes hosts.csv (and apps.csv) merged with what the folder holds, checks --force for the
     * kinds this import replaces, and moves everything into place (see {@link OutputFolder}).
     */
    public ImportSummary commit() {
        if (power == null && utilization == null) {
            throw nothingUsable();
        }
        long powerRows = power == null ? 0 : power.rows();
        long utilRows = utilization == null ? 0 : utilization.rows();
        closeQuietly();
        OutputFolder folder = new OutputFolder(outDir);
        List<String> kinds = new ArrayList<>();
        if (powerTemp != null) {
            kinds.add("power");
        }
        if (utilizationTemp != null) {
            kinds.add("utilization");
        }
        List<Path> replacedFiles = folder.toReplace(kinds, options.force());
        List<Path> keptFiles = folder.kept(kinds);
        Path hostsTemp = temp("hosts.csv");
        OutputFolder.Merged hostsMerge = writeHosts(folder, hostsTemp, replacedFiles, keptFiles);
        Path appsTemp = reservations.isEmpty() ? null : writeApps(folder);
        if (power == null) {
            note("The input has no power readings: no power file was written; energy must be modelled "
                    + "(catalog power curves or idle_watts/max_watts in hosts.csv).");
        }
        if (utilization == null) {
            note("The input has no utilization samples: only power.csv and hosts.csv were written.");
        }
        if (hostsMerge.kept() > 0 || hostsMerge.dropped() > 0) {
            note("hosts.csv merged: " + hostsMerge.kept() + " hosts kept as they were, " + hostsMerge.added() + " added"
                    + (hostsMerge.dropped() > 0 ? ", " + hostsMerge.dropped() + " removed (their samples were only in replaced files)" : "") + ".");
        }
        boolean merging = !keptFiles.isEmpty();
        List<String> written = new ArrayList<>();
        List<String> replaced = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        Set<String> newNames = new HashSet<>(kinds.stream().map(k -> k + ".csv").toList());
        try {
            for (Path old : replacedFiles) {
                Files.delete(old);
                (newNames.contains(OutputFolder.name(old)) ? replaced : removed).add(OutputFolder.name(old));
            }
            move(hostsTemp, "hosts.csv", written);
            if (appsTemp != null) {
                move(appsTemp, "apps.csv", written);
            }
            if (powerTemp != null) {
                move(powerTemp, "power.csv", written);
            }
            if (utilizationTemp != null) {
                move(utilizationTemp, "utilization.csv", written);
            }
            writeRejects(merging, written, removed);
            ImportSummary s = new ImportSummary(filesRead, recordsIn, powerRows, utilRows, hosts.size(), apps.size(),
                    first, last, Map.copyOf(skipped), Map.copyOf(rejected), List.copyOf(notes), written,
                    keptFiles.stream().map(OutputFolder::name).toList(), replaced, removed);
            Path oldMd = outDir.resolve("IMPORT.md");
            String md = merging && Files.isRegularFile(oldMd) ? Files.readString(oldMd) + "\n" + importMd(s) : importMd(s);
            writeAtomically("IMPORT.md", md);
            writeAtomically("import.json", importJson(s, folder));
            written.add("IMPORT.md");
            written.add("import.json");
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the imported files into " + outDir + ": " + e.getMessage(), e);
        }
    }

    /** Exit 2 when no sample is left: what was rejected (the first one in full) or skipped, and what was expected. */
    private UserError nothingUsable() {
        long bad = rejected.values().stream().mapToLong(Skip::count).sum();
        String why = bad == 0 ? "" : "; " + bad + " rows rejected, the first: " + firstReject;
        return new UserError("no usable samples in the " + format.cliName() + " input" + why + skippedText()
                + "; expected " + expected(format));
    }

    /**
     * rejects.csv holds this import's bad rows; when other kinds were kept the earlier rows
     * stay above them (they name their own source files).
     */
    private void writeRejects(boolean merging, List<String> written, List<String> removed) throws IOException {
        Path target = outDir.resolve("rejects.csv");
        boolean old = Files.isRegularFile(target);
        if (rejects == null) {
            if (old && !merging) {
                Files.delete(target);
                removed.add("rejects.csv");
            }
            return;
        }
        rejects.close();
        if (old && merging) {
            List<String> lines = Files.readAllLines(rejectsTemp, StandardCharsets.UTF_8);
            Files.write(target, lines.subList(1, lines.size()), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            Files.delete(rejectsTemp);
            temps.remove(rejectsTemp);
            written.add("rejects.csv");
        } else {
            move(rejectsTemp, "rejects.csv", written);
        }
    }

    private OutputFolder.Merged writeHosts(OutputFolder folder, Path file, List<Path> replacedFiles, List<Path> keptFiles) {
        List<String> missing = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map.Entry<String, HostFacts> e : hosts.entrySet()) {
            HostFacts f = e.getValue();
            Double cores = f.cores() != null ? f.cores() : options.hostCores();
            Double mem = f.memGb() != null ? f.memGb() : options.hostMemGb();
            if (cores == null || mem == null) {
                missing.add(e.getKey() + (cores == null ? " (cores)" : "") + (mem == null ? " (mem_gb)" : ""));
                continue;
            }
            String model = f.model() != null ? f.model() : "unknown-" + plainNumber(cores) + "c";
            rows.add(Map.of("host", e.getKey(), "model", model, "sockets", 1, "cores", cores, "mem_gb", mem));
        }
        if (!missing.isEmpty()) {
            throw new UserError("the " + format.cliName() + " input does not say how large these hosts are: "
                    + String.join(", ", missing.stream().limit(10).toList()) + (missing.size() > 10 ? ", ..." : "")
                    + "; pass --host-cores N and --host-mem-gb N (used for every host the input says nothing about)");
        }
        Path existing = mergeable(folder, "hosts");
        Set<String> stillUsed = replacedFiles.isEmpty() ? null : OutputFolder.hostsIn(keptFiles);
        return OutputFolder.mergeTable(existing, file, HOSTS_HEADER, "host", rows,
                h -> stillUsed == null || stillUsed.contains(h) || hosts.containsKey(h));
    }

    private Path writeApps(OutputFolder folder) {
        List<Map<String, Object>> rows = new ArrayList<>();
        reservations.forEach((app, r) -> rows.add(Map.of("app", app, "reserved_cores", r[0], "reserved_mem_gb", r[1])));
        Path file = temp("apps.csv");
        OutputFolder.Merged m = OutputFolder.mergeTable(mergeable(folder, "apps"), file, APPS_HEADER, "app", rows, a -> true);
        note("apps.csv: " + m.added() + " apps with what they were given (reserved_cores, reserved_mem_gb)"
                + (m.kept() > 0 ? "; " + m.kept() + " rows that were there kept as they were" : "") + ".");
        return file;
    }

    /** The folder's plain CSV file of a kind to merge into, null when there is none; other forms cannot be merged. */
    private Path mergeable(OutputFolder folder, String kind) {
        List<Path> old = folder.existing(kind);
        if (old.isEmpty()) {
            return null;
        }
        Path plain = outDir.resolve(kind + ".csv");
        if (old.size() > 1 || !old.get(0).equals(plain)) {
            throw new UserError("--out " + outDir + " holds " + old.stream().map(OutputFolder::name).toList() + "; an import merges new "
                    + kind + " into a plain " + kind + ".csv only; convert it to " + kind + ".csv or choose another directory");
        }
        return plain;
    }

    private static String plainNumber(double cores) {
        return cores == Math.rint(cores) ? String.valueOf((long) cores) : String.valueOf(cores);
    }

    /** This import's section of IMPORT.md (appended below the earlier ones when the folder kept other kinds). */
    private String importMd(ImportSummary s) {
        StringBuilder b = new StringBuilder();
        b.append("# Imported data: ").append(format.cliName()).append("\n\n");
        b.append("Converted by `greenpack import --format ").append(format.cliName()).append("` at ")
                .append(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)).append(".\n\n");
        b.append("- input files: ").append(s.filesRead()).append(", records read: ").append(s.recordsIn()).append('\n');
        b.append("- power.csv: ").append(power == null ? "not written (no power readings in the input)" : s.powerRows() + " rows").append('\n');
        b.append("- utilization.csv: ").append(utilization == null ? "not written (no utilization in the input)" : s.utilizationRows() + " rows").append('\n');
        b.append("- hosts.csv: ").append(s.hosts()).append(" hosts; apps: ").append(s.apps()).append('\n');
        b.append("- time span (UTC): ").append(s.first()).append(" .. ").append(s.last()).append('\n');
        b.append("- has power readings: ").append(power != null).append('\n');
        b.append("- rejected rows: ").append(s.rejectedRows()).append(s.rejectedRows() > 0 ? " (rejects.csv)" : "").append('\n');
        list(b, "Files kept from earlier imports", s.kept());
        list(b, "Files replaced (--force)", s.replaced());
        list(b, "Files removed (--force)", s.removed());
        counts(b, "Rejected rows", s.rejected());
        counts(b, "Skipped input", s.skipped());
        list(b, "Notes", s.notes());
        return b.toString();
    }

    private static void list(StringBuilder b, String title, List<String> items) {
        if (!items.isEmpty()) {
            b.append("\n## ").append(title).append("\n\n");
            items.forEach(i -> b.append("- ").append(i).append('\n'));
        }
    }

    private static void counts(StringBuilder b, String title, Map<String, Skip> byReason) {
        list(b, title, byReason.values().stream().map(k -> k.reason() + ": " + k.count() + " (first at " + k.firstAt() + ")").toList());
    }

    /** has_power / has_utilization describe the folder after this import (kept files count). */
    private String importJson(ImportSummary s, OutputFolder folder) throws IOException {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode o = m.createObjectNode();
        o.put("format", format.cliName());
        o.put("has_power", !folder.existing("power").isEmpty());
        o.put("has_utilization", !folder.existing("utilization").isEmpty());
        o.put("power_rows", s.powerRows());
        o.put("utilization_rows", s.utilizationRows());
        o.put("rejected_rows", s.rejectedRows());
        o.put("hosts", s.hosts());
        o.put("apps", s.apps());
        o.put("first", String.valueOf(s.first()));
        o.put("last", String.valueOf(s.last()));
        o.putPOJO("kept", s.kept());
        o.putPOJO("replaced", s.replaced());
        o.putPOJO("removed", s.removed());
        o.putPOJO("notes", s.notes());
        return m.writeValueAsString(o) + "\n";
    }

    private void writeAtomically(String name, String text) throws IOException {
        Path t = temp(name);
        Files.writeString(t, text, StandardCharsets.UTF_8);
        move(t, name, new ArrayList<>());
    }

    private void move(Path temp, String name, List<String> written) throws IOException {
        Path target = outDir.resolve(name);
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        temps.remove(temp);
        written.add(name);
    }

    private Path temp(String name) {
        try {
            Path t = Files.createTempFile(outDir, "." + name + ".", ".tmp");
            temps.add(t);
            return t;
        } catch (IOException e) {
            throw new UserError("cannot write into output directory " + outDir + ": " + e.getMessage(), e);
        }
    }

    private static CsvWriter open(Path file, List<String> header) {
        try {
            return CsvWriter.open(file, header);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String skippedText() {
        if (skipped.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder(" (skipped: ");
        skipped.values().forEach(k -> b.append(k.reason()).append(" x").append(k.count()).append(", first at ")
                .append(k.firstAt()).append("; "));
        b.setLength(b.length() - 2);
        return b.append(')').toString();
    }

    static String expected(ImportFormat f) {
        return switch (f) {
            case PERFMON -> "a typeperf/relog CSV with \\\\HOST\\Process(name)\\% Processor Time and Working Set counters";
            case IPMITOOL -> "'Instantaneous power reading: N Watts' blocks or SDR lines like 'Pwr Consumption | 0Ch | ok | 7.1 | 250 Watts'";
            case REDFISH -> "Redfish Power, EnvironmentMetrics or PowerSupplyMetrics documents with a reading";
            case PROMETHEUS -> "query_range results of CPU, memory or energy series";
            case PLANETLAB -> "files with one CPU % per line in folders named like 20110303";
            case BITBRAINS -> "GWA-T-12 files with a 'Timestamp [ms]; CPU cores; ...' header and data rows";
            case ALIBABA -> "cluster-trace-v2018 machine_usage or container_usage rows (with machine_meta/container_meta)";
        };
    }

    private void closeQuietly() {
        for (CsvWriter w : new CsvWriter[]{power, utilization, rejects}) {
            if (w != null) {
                try {
                    w.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /** Closes the writers and removes temporary files that were not committed. */
    @Override
    public void close() {
        try {
            closeQuietly();
        } catch (UncheckedIOException ignored) {
            // the import failed already; the temp files go below
        }
        for (Path t : temps) {
            try {
                Files.deleteIfExists(t);
            } catch (IOException ignored) {
                // a leftover hidden .tmp file is harmless
            }
        }
    }
}
