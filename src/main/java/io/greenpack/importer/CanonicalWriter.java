package io.greenpack.importer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenpack.csv.CsvWriter;
import io.greenpack.util.UserError;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

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
    /** Name prefixes of the files a data directory is made of (ingest.InputKind). */
    static final List<String> CANONICAL_PREFIXES = List.of("hosts", "power", "utilization");

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
    private final List<String> notes = new ArrayList<>();
    private long filesRead;
    private long recordsIn;
    private Instant first;
    private Instant last;

    /** Why input was left out, how often, and where first. */
    public record Skip(String reason, long count, String firstAt) {
    }

    /** What the import did, for the command's summary. */
    public record Summary(long filesRead, long recordsIn, long powerRows, long utilizationRows, int hosts, int apps,
                          Instant first, Instant last, Map<String, Skip> skipped, List<String> notes,
                          List<String> written) {
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

    /** Whether {@code dir} already holds canonical files an import would replace. */
    public static List<Path> existingCanonicalFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(CanonicalWriter::isCanonical).sorted().toList();
        } catch (IOException e) {
            throw new UserError("cannot list output directory " + dir + ": " + e.getMessage(), e);
        }
    }

    private static boolean isCanonical(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean known = n.endsWith(".csv") || n.endsWith(".csv.gz") || n.endsWith(".jsonl") || n.endsWith(".parquet");
        return known && CANONICAL_PREFIXES.stream().anyMatch(n::startsWith);
    }

    /**
     * Writes hosts.csv and the notes, removes canonical files of an earlier import (the caller
     * checked --force) and moves the new files into place.
     */
    public Summary commit() {
        if (power == null && utilization == null) {
            throw new UserError("no samples found in the " + format.cliName() + " input" + skippedText()
                    + "; expected " + expected(format));
        }
        long powerRows = power == null ? 0 : power.rows();
        long utilRows = utilization == null ? 0 : utilization.rows();
        closeQuietly();
        Path hostsTemp = temp("hosts.csv");
        writeHosts(hostsTemp);
        if (power == null) {
            note("The input has no power readings: no power file was written; energy must be modelled "
                    + "(catalog power curves or idle_watts/max_watts in hosts.csv).");
        }
        if (utilization == null) {
            note("The input has no utilization samples: only power.csv and hosts.csv were written.");
        }
        List<String> written = new ArrayList<>();
        try {
            for (Path old : existingCanonicalFiles(outDir)) {
                Files.delete(old);
            }
            move(hostsTemp, "hosts.csv", written);
            if (powerTemp != null) {
                move(powerTemp, "power.csv", written);
            }
            if (utilizationTemp != null) {
                move(utilizationTemp, "utilization.csv", written);
            }
            Summary s = new Summary(filesRead, recordsIn, powerRows, utilRows, hosts.size(), apps.size(), first, last,
                    Map.copyOf(skipped), List.copyOf(notes), written);
            writeAtomically("IMPORT.md", importMd(s));
            writeAtomically("import.json", importJson(s));
            written.add("IMPORT.md");
            written.add("import.json");
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the imported files into " + outDir + ": " + e.getMessage(), e);
        }
    }

    private void writeHosts(Path file) {
        List<String> missing = new ArrayList<>();
        try (CsvWriter w = CsvWriter.open(file, HOSTS_HEADER)) {
            for (Map.Entry<String, HostFacts> e : hosts.entrySet()) {
                HostFacts f = e.getValue();
                Double cores = f.cores() != null ? f.cores() : options.hostCores();
                Double mem = f.memGb() != null ? f.memGb() : options.hostMemGb();
                if (cores == null || mem == null) {
                    missing.add(e.getKey() + (cores == null ? " (cores)" : "") + (mem == null ? " (mem_gb)" : ""));
                    continue;
                }
                String model = f.model() != null ? f.model() : "unknown-" + plainNumber(cores) + "c";
                w.row(e.getKey(), model, 1, cores, mem);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!missing.isEmpty()) {
            throw new UserError("the " + format.cliName() + " input does not say how large these hosts are: "
                    + String.join(", ", missing.stream().limit(10).toList()) + (missing.size() > 10 ? ", ..." : "")
                    + "; pass --host-cores N and --host-mem-gb N (used for every host the input says nothing about)");
        }
    }

    private static String plainNumber(double cores) {
        return cores == Math.rint(cores) ? String.valueOf((long) cores) : String.valueOf(cores);
    }

    private String importMd(Summary s) {
        StringBuilder b = new StringBuilder();
        b.append("# Imported data\n\n");
        b.append("Converted by `greenpack import --format ").append(format.cliName()).append("` at ")
                .append(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)).append(".\n\n");
        b.append("- input files: ").append(s.filesRead()).append(", records read: ").append(s.recordsIn()).append('\n');
        b.append("- power.csv: ").append(power == null ? "not written (no power readings in the input)" : s.powerRows() + " rows").append('\n');
        b.append("- utilization.csv: ").append(utilization == null ? "not written (no utilization in the input)" : s.utilizationRows() + " rows").append('\n');
        b.append("- hosts.csv: ").append(s.hosts()).append(" hosts; apps: ").append(s.apps()).append('\n');
        b.append("- time span (UTC): ").append(s.first()).append(" .. ").append(s.last()).append('\n');
        b.append("- has power readings: ").append(power != null).append('\n');
        if (!s.skipped().isEmpty()) {
            b.append("\n## Skipped input\n\n");
            for (Skip k : s.skipped().values()) {
                b.append("- ").append(k.reason()).append(": ").append(k.count()).append(" (first at ").append(k.firstAt()).append(")\n");
            }
        }
        if (!s.notes().isEmpty()) {
            b.append("\n## Notes\n\n");
            for (String n : s.notes()) {
                b.append("- ").append(n).append('\n');
            }
        }
        return b.toString();
    }

    private String importJson(Summary s) throws IOException {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode o = m.createObjectNode();
        o.put("format", format.cliName());
        o.put("has_power", power != null);
        o.put("has_utilization", utilization != null);
        o.put("power_rows", s.powerRows());
        o.put("utilization_rows", s.utilizationRows());
        o.put("hosts", s.hosts());
        o.put("apps", s.apps());
        o.put("first", String.valueOf(s.first()));
        o.put("last", String.valueOf(s.last()));
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
        };
    }

    private void closeQuietly() {
        for (CsvWriter w : new CsvWriter[]{power, utilization}) {
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
