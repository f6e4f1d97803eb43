package io.greenpack.importer;

import io.greenpack.csv.CsvLine;
import io.greenpack.util.UserError;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Windows Performance Monitor logs as {@code typeperf -f CSV} or {@code relog -f csv} write them
 * (PDH "Log File Formats": every field double-quoted, first line the header). The first header
 * cell names the format and the logging machine's time zone, e.g.
 * {@code "(PDH-CSV 4.0) (Pacific Daylight Time)(420)"}: the number is the bias in minutes at
 * the start of the log, UTC = local time + bias (0 for UTC, -60 for BST). Timestamps are local,
 * {@code MM/dd/yyyy HH:mm:ss.fff}. The bias is not updated across a daylight-saving change
 * inside one log (a known PDH limitation): split such logs at the change.
 *
 * <p>Counters used, per host (the {@code \\HOST} prefix):
 * <ul>
 * <li>{@code Process(name)\% Processor Time} → cpu_cores = value / 100: a process's % is of ONE
 *     core, so a process busy on 4 cores shows 400; {@code Process(name)\Working Set} (bytes) →
 *     mem_gb. app = the instance name without its {@code #n} suffix (several w3wp processes
 *     become one app, the suffixed name is the instance); {@code _Total} and {@code Idle} are
 *     not applications.</li>
 * <li>Without Process counters: {@code Processor(_Total)\% Processor Time} × host cores as app
 *     {@value PrometheusImporter#NODE_APP}, memory = --host-mem-gb − {@code Memory\Available MBytes}.</li>
 * <li>{@code Processor(N)\% Processor Time}: the number of N instances gives hosts.cores.</li>
 * <li>{@code Power Meter(_Total)\Power} (milliwatts, the Windows Power Meter counter set) → watts.</li>
 * </ul>
 * typeperf writes {@code " "} for a sample it could not take: such cells are skipped and counted.
 */
final class PerfmonImporter implements Importer {
    private static final Pattern HEADER = Pattern.compile("\\(PDH-(CSV|TSV) [0-9.]+\\) \\((.*)\\)\\((-?\\d+)\\)");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss[.SSS]");
    private static final Set<String> NOT_APPS = Set.of("_total", "idle");

    private enum Role { PROCESS_CPU, PROCESS_MEM, HOST_CPU, HOST_AVAILABLE_MB, POWER_MW }

    /** A column of the log that is used: its position, host, role and process instance. */
    private record Counter(int column, String host, Role role, String instance, String path) {
    }

    @Override
    public void convert(Path file, ImportOptions options, CanonicalWriter out) {
        try (ExportLines in = ExportLines.open(file)) {
            String headerLine = in.next();
            if (headerLine == null) {
                throw new UserError(file + ": the file is empty; expected a typeperf/relog CSV header such as "
                        + "\"(PDH-CSV 4.0) (Coordinated Universal Time)(0)\",\"\\\\HOST\\Processor(_Total)\\% Processor Time\"");
            }
            char sep = headerLine.startsWith("\"(PDH-TSV") ? '\t' : ',';
            List<String> header = CsvLine.fields(headerLine, sep);
            ZoneOffset offset = offsetOf(in, header.get(0));
            Map<String, Set<String>> cpusOfHost = new HashMap<>();
            List<Counter> counters = counters(in, header, cpusOfHost, out);
            Set<String> hostsWithProcesses = new HashSet<>();
            counters.stream().filter(c -> c.role() == Role.PROCESS_CPU).forEach(c -> hostsWithProcesses.add(c.host()));
            for (String line = in.next(); line != null; line = in.next()) {
                if (line.isBlank()) {
                    continue;
                }
                out.recordsIn(1);
                try {
                    in.requireLineEnd();
                    List<String> cells = CsvLine.fields(line, sep);
                    if (cells.size() != header.size()) {
                        throw in.reject("wrong number of fields", "found " + cells.size() + " fields, expected " + header.size() + " as in the header");
                    }
                    Instant ts = time(in, cells.get(0), offset);
                    checkNumbers(in, cells, counters);
                    row(in, ts, cells, counters, hostsWithProcesses, cpusOfHost, options, out);
                } catch (RowRejected r) {
                    out.reject(in, r);
                }
            }
        }
    }

    private static ZoneOffset offsetOf(ExportLines in, String first) {
        Matcher m = HEADER.matcher(first.trim());
        if (!m.matches()) {
            throw in.error(1, "found " + ExportText.shown(first) + ", expected the PDH header with time zone and bias in minutes, "
                    + "like '(PDH-CSV 4.0) (Coordinated Universal Time)(0)' (a typeperf -f CSV or relog -f csv file)");
        }
        int biasMinutes = Integer.parseInt(m.group(3));
        if (Math.abs(biasMinutes) > 18 * 60) {
            throw in.error(1, "time zone bias " + biasMinutes + " minutes is beyond +-18 hours; expected e.g. 0, -60 or 480");
        }
        // Windows bias: UTC = local + bias, so the local offset from UTC is -bias.
        return ZoneOffset.ofTotalSeconds(-biasMinutes * 60);
    }

    private static Instant time(ExportLines in, String cell, ZoneOffset offset) {
        try {
            return LocalDateTime.parse(cell.trim(), TIME).toInstant(offset);
        } catch (DateTimeParseException e) {
            throw in.reject(1, "unreadable time", "time is " + ExportText.shown(cell) + ", expected MM/dd/yyyy HH:mm:ss.fff as typeperf writes it");
        }
    }

    /** The used columns; fills {@code cpusOfHost} with the Processor(N) instances per host. */
    private static List<Counter> counters(ExportLines in, List<String> header, Map<String, Set<String>> cpusOfHost,
                                          CanonicalWriter out) {
        List<Counter> used = new ArrayList<>();
        for (int i = 1; i < header.size(); i++) {
            String path = header.get(i);
            String where = in.file() + ", line 1, column " + (i + 1);
            // \\HOST\Object(instance)\Counter or \\HOST\Object\Counter
            if (!path.startsWith("\\\\") || path.indexOf('\\', 2) < 0 || path.lastIndexOf('\\') <= path.indexOf('\\', 2)) {
                throw in.error(i + 1, "found " + ExportText.shown(path) + ", expected a counter path like \\\\HOST\\Process(name)\\% Processor Time");
            }
            int hostEnd = path.indexOf('\\', 2);
            String host = path.substring(2, hostEnd);
            int counterStart = path.lastIndexOf('\\');
            String objectPart = path.substring(hostEnd + 1, counterStart);
            String counter = path.substring(counterStart + 1);
            String object = objectPart;
            String instance = null;
            int open = objectPart.indexOf('(');
            if (open > 0 && objectPart.endsWith(")")) {
                object = objectPart.substring(0, open);
                instance = objectPart.substring(open + 1, objectPart.length() - 1);
            }
            Role role = null;
            if (object.equalsIgnoreCase("Process") && instance != null) {
                if (NOT_APPS.contains(ExportText.lower(instance))) {
                    out.skip("process instance _Total or Idle (not an application)", where);
                    continue;
                }
                role = counter.equalsIgnoreCase("% Processor Time") ? Role.PROCESS_CPU
                        : counter.equalsIgnoreCase("Working Set") ? Role.PROCESS_MEM : null;
            } else if (object.equalsIgnoreCase("Processor") && counter.equalsIgnoreCase("% Processor Time") && instance != null) {
                if (instance.equalsIgnoreCase("_Total")) {
                    role = Role.HOST_CPU;
                } else {
                    cpusOfHost.computeIfAbsent(host, h -> new HashSet<>()).add(instance);
                    continue;
                }
            } else if (object.equalsIgnoreCase("Memory") && counter.equalsIgnoreCase("Available MBytes")) {
                role = Role.HOST_AVAILABLE_MB;
            } else if (object.equalsIgnoreCase("Power Meter") && counter.equalsIgnoreCase("Power")
                    && "_Total".equalsIgnoreCase(instance)) {
                role = Role.POWER_MW;
            }
            if (role == null) {
                out.skip("counter not used: " + object + "\\" + counter, where);
                continue;
            }
            used.add(new Counter(i, host, role, instance, path));
            out.host(host, HostFacts.UNKNOWN);
        }
        cpusOfHost.forEach((host, cpus) -> out.host(host, new HostFacts(null, (double) cpus.size(), null)));
        for (Counter c : used) {
            if (c.role() == Role.PROCESS_CPU && used.stream().noneMatch(o -> o.role() == Role.PROCESS_MEM
                    && o.host().equals(c.host()) && o.instance().equals(c.instance()))) {
                throw in.error(c.column() + 1, "process " + ExportText.shown(c.instance()) + " has '% Processor Time' but no "
                        + "'Working Set' column; expected both per process (typeperf \"\\Process(*)\\Working Set\")");
            }
        }
        if (used.isEmpty()) {
            throw in.error("no usable counters; expected " + CanonicalWriter.expected(ImportFormat.PERFMON));
        }
        return used;
    }

    private static void row(ExportLines in, Instant ts, List<String> cells, List<Counter> counters,
                            Set<String> hostsWithProcesses, Map<String, Set<String>> cpusOfHost, ImportOptions options,
                            CanonicalWriter out) {
        Map<String, double[]> processes = new LinkedHashMap<>(); // host\0instance -> cpu, mem
        Map<String, double[]> hostTotals = new LinkedHashMap<>(); // host -> cpu %, available MB
        for (Counter c : counters) {
            String cell = cells.get(c.column());
            if (cell.isBlank()) {
                out.skip("blank cell (typeperf writes \" \" for a sample it could not take)", in.where() + ", column " + (c.column() + 1));
                continue;
            }
            double v = ExportText.number(cell);
            switch (c.role()) {
                case PROCESS_CPU -> slot(processes, c)[0] = v / 100.0;
                case PROCESS_MEM -> slot(processes, c)[1] = v / ExportText.BYTES_PER_GB;
                case HOST_CPU -> hostTotals.computeIfAbsent(c.host(), h -> nan2())[0] = v;
                case HOST_AVAILABLE_MB -> hostTotals.computeIfAbsent(c.host(), h -> nan2())[1] = v;
                case POWER_MW -> out.power(ts, c.host(), v / 1000.0, null, "", "perfmon");
            }
        }
        processes.forEach((key, v) -> {
            if (!Double.isNaN(v[0]) && !Double.isNaN(v[1])) {
                String host = key.substring(0, key.indexOf('\0'));
                String instance = key.substring(key.indexOf('\0') + 1);
                int hash = instance.indexOf('#');
                out.utilization(ts, host, hash > 0 ? instance.substring(0, hash) : instance, instance, v[0], v[1], null, null);
            }
        });
        hostTotals.forEach((host, v) -> {
            if (hostsWithProcesses.contains(host) || Double.isNaN(v[0]) || Double.isNaN(v[1])) {
                return;
            }
            Double cores = cpusOfHost.containsKey(host) ? (Double) (double) cpusOfHost.get(host).size() : options.hostCores();
            if (cores == null || options.hostMemGb() == null) {
                throw new UserError(in.where() + ": host " + host + " has only machine-wide counters: busy cores are "
                        + "Processor(_Total) % x cores (the log has no Processor(N) columns to count them) and memory in use "
                        + "is --host-mem-gb minus Memory\\Available MBytes; pass --host-cores N and --host-mem-gb N");
            }
            out.utilization(ts, host, PrometheusImporter.NODE_APP, "", v[0] / 100.0 * cores,
                    Math.max(0, options.hostMemGb() - v[1] / 1024.0), null, null);
        });
    }

    /** A row is written whole or not at all: a cell that is no non-negative number rejects the row before any of it is used. */
    private static void checkNumbers(ExportLines in, List<String> cells, List<Counter> counters) {
        for (Counter c : counters) {
            String cell = cells.get(c.column());
            Double v = ExportText.number(cell);
            if (!cell.isBlank() && (v == null || v < 0)) {
                throw in.reject(c.column() + 1, "not a non-negative number", "found " + ExportText.shown(cell)
                        + ", expected a non-negative number for " + c.path());
            }
        }
    }

    private static double[] slot(Map<String, double[]> processes, Counter c) {
        return processes.computeIfAbsent(c.host() + '\0' + c.instance(), k -> nan2());
    }

    private static double[] nan2() {
        return new double[]{Double.NaN, Double.NaN};
    }

    @Override
    public void finish(ImportOptions options, CanonicalWriter out) {
        out.note("perfmon: a process's % Processor Time is of one core (cpu_cores = % / 100); Working Set bytes / 1024^3 = mem_gb; "
                + "local times converted to UTC with the bias in the header.");
    }
}
