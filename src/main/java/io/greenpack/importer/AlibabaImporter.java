package io.greenpack.importer;

import io.greenpack.util.UserError;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Alibaba cluster-trace-v2018 (alibaba/clusterdata, cluster-trace-v2018/schema.md and
 * trace_2018.md): CSV without a header, one table per file, recognised by its name.
 * <pre>
 * machine_meta     machine_id, time_stamp, failure_domain_1, failure_domain_2, cpu_num, mem_size, status
 * machine_usage    machine_id, time_stamp, cpu_util_percent, mem_util_percent, mem_gps, mkpi, net_in, net_out, disk_io_percent
 * container_meta   container_id, machine_id, time_stamp, app_du, status, cpu_request, cpu_limit, mem_size
 * container_usage  container_id, machine_id, time_stamp, cpu_util_percent, mem_util_percent, cpi, mem_gps, mpki, net_in, net_out, disk_io_percent
 * </pre>
 * Mapping: time = --start + time_stamp seconds (the trace counts seconds from its start and
 * gives no date; samples are irregular, ~10 s, and ingest aligns them like any other). Machines
 * become hosts with cpu_num cores; memory is normalised in the trace (100 = the largest
 * machine), so --host-mem-gb is the largest machine's memory and a machine has mem_size / 100 of
 * it. From machine_usage, each machine is one app named like the machine (machine level: the
 * trace does not split a machine's load by application): cpu_cores = cpu_util_percent / 100 ×
 * cpu_num, mem_gb = mem_util_percent / 100 × the machine's memory. When container_usage is
 * there it is used instead (machine_usage would count the same load twice): app = app_du
 * (deploy unit), instance = container_id, cpu_cores = cpu_util_percent / 100 × cpu_request / 100
 * (100 is one core; the schema does not say what the percentage is of, and the request is the
 * container's own size), mem_gb = mem_util_percent / 100 × mem_size / 100 × --host-mem-gb; what
 * each app requested goes to apps.csv as its reservation. net_in/net_out are normalised packet
 * counts, not rates, and are left out. Rejected rows: a time_stamp of 0 ("before or after the
 * 8 days"), -1 or 101 (the trace's marks of an invalid value), a machine or container the meta
 * tables do not size. batch_task/batch_instance are skipped.
 */
final class AlibabaImporter implements Importer {
    enum Table {
        MACHINE_META(7), MACHINE_USAGE(9), CONTAINER_META(8), CONTAINER_USAGE(11), BATCH(-1);

        final int fields;

        Table(int fields) {
            this.fields = fields;
        }

        static Table of(Path file) {
            String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
            for (Table t : values()) {
                if (n.startsWith(t.name().toLowerCase(Locale.ROOT))) {
                    return t;
                }
            }
            if (n.startsWith("batch_task") || n.startsWith("batch_instance")) {
                return BATCH;
            }
            throw new UserError(file + ": not a cluster-trace-v2018 table; expected files named machine_meta, machine_usage, "
                    + "container_meta or container_usage (.csv or .csv.gz)");
        }
    }

    private record Machine(double cores, double memFraction) {
    }

    private record Container(String app, double cpuRequestCores, double memFraction) {
    }

    private final Map<String, Machine> machines = new HashMap<>();
    private final Map<String, Container> containers = new HashMap<>();
    private final TreeSet<String> sampled = new TreeSet<>();
    private final Set<String> sampledContainers = new HashSet<>();
    private boolean withContainers;

    @Override
    public void prepare(List<Path> files, ImportOptions options, CanonicalWriter out) {
        if (options.hostMemGb() == null) {
            throw new UserError("alibaba: memory in the trace is normalised (100 = the largest machine); pass --host-mem-gb N, "
                    + "the memory of the largest machine in GB");
        }
        withContainers = files.stream().anyMatch(f -> Table.of(f) == Table.CONTAINER_USAGE);
        for (Path f : files) {
            Table t = Table.of(f);
            if (t == Table.MACHINE_META || t == Table.CONTAINER_META) {
                read(f, t, options, out);
            }
        }
    }

    @Override
    public void convert(Path file, ImportOptions options, CanonicalWriter out) {
        Table t = Table.of(file);
        if (t == Table.BATCH) {
            out.note("alibaba: " + file.getFileName() + " (batch instances and tasks) is not used: their load is in machine_usage.");
        } else if (t == Table.MACHINE_USAGE && withContainers) {
            out.note("alibaba: machine_usage is not used because container_usage is there (the same load, counted once).");
        } else if (t == Table.MACHINE_USAGE || t == Table.CONTAINER_USAGE) {
            read(file, t, options, out);
        }
    }

    private void read(Path file, Table table, ImportOptions options, CanonicalWriter out) {
        try (ExportLines in = ExportLines.open(file)) {
            for (String line = in.next(); line != null; line = in.next()) {
                if (line.isBlank()) {
                    continue;
                }
                out.recordsIn(1);
                try {
                    in.requireLineEnd();
                    String[] f = line.split(",", -1);
                    if (f.length != table.fields) {
                        throw in.reject("wrong number of fields", "found " + f.length + " fields, expected " + table.fields
                                + " for " + table.name().toLowerCase(Locale.ROOT) + " (cluster-trace-v2018 schema, no header)");
                    }
                    row(in, table, f, options, out);
                } catch (RowRejected r) {
                    out.reject(in, r);
                }
            }
        }
    }

    private void row(ExportLines in, Table table, String[] f, ImportOptions options, CanonicalWriter out) {
        switch (table) {
            case MACHINE_META -> machines.merge(f[0], new Machine(positive(in, f, 4, "cpu_num"), percent(in, f, 5, "mem_size") / 100),
                    (a, b) -> new Machine(Math.max(a.cores(), b.cores()), Math.max(a.memFraction(), b.memFraction())));
            case CONTAINER_META -> containers.merge(f[0], new Container(f[3], positive(in, f, 5, "cpu_request") / 100,
                    percent(in, f, 7, "mem_size") / 100), (a, b) -> b);
            case MACHINE_USAGE -> machineUsage(in, f, options, out);
            case CONTAINER_USAGE -> containerUsage(in, f, options, out);
            default -> throw new IllegalStateException(table.name());
        }
    }

    private void machineUsage(ExportLines in, String[] f, ImportOptions options, CanonicalWriter out) {
        Instant ts = time(in, f, 1, options);
        double cpu = percent(in, f, 2, "cpu_util_percent");
        double mem = percent(in, f, 3, "mem_util_percent");
        Machine m = machine(in, f[0], options);
        sampled.add(f[0]);
        out.utilization(ts, f[0], f[0], "", cpu / 100 * m.cores(), mem / 100 * m.memFraction() * options.hostMemGb(), null, null);
    }

    private void containerUsage(ExportLines in, String[] f, ImportOptions options, CanonicalWriter out) {
        Instant ts = time(in, f, 2, options);
        double cpu = percent(in, f, 3, "cpu_util_percent");
        double mem = percent(in, f, 4, "mem_util_percent");
        Container c = containers.get(f[0]);
        if (c == null) {
            throw in.reject("container not in container_meta", "container " + ExportText.shown(f[0])
                    + " is not in container_meta, so its size (cpu_request, mem_size) is unknown");
        }
        machine(in, f[1], options);
        sampled.add(f[1]);
        sampledContainers.add(f[0]);
        out.utilization(ts, f[1], c.app(), f[0], cpu / 100 * c.cpuRequestCores(),
                mem / 100 * c.memFraction() * options.hostMemGb(), null, null);
    }

    private Machine machine(ExportLines in, String id, ImportOptions options) {
        Machine m = machines.get(id);
        if (m != null) {
            return m;
        }
        if (options.hostCores() != null) {
            return new Machine(options.hostCores(), 1);
        }
        throw in.reject("machine not in machine_meta", "machine " + ExportText.shown(id) + " is not in machine_meta, so its "
                + "cores are unknown; add machine_meta.csv to --in or pass --host-cores N");
    }

    private static Instant time(ExportLines in, String[] f, int i, ImportOptions options) {
        Double s = ExportText.number(f[i]);
        if (s == null || s < 0) {
            throw in.reject(i + 1, "time_stamp not a number", "time_stamp is " + ExportText.shown(f[i]) + ", expected seconds from the trace start");
        }
        if (s == 0) {
            throw in.reject("time_stamp 0 (outside the trace)", "time_stamp 0 marks a time before or after the trace's 8 days "
                    + "(trace_2018.md); the sample has no usable time");
        }
        return options.start().plusMillis(Math.round(s * 1000));
    }

    /** A value in 0..100; the trace marks invalid ones with -1 or 101. */
    private static double percent(ExportLines in, String[] f, int i, String name) {
        Double v = ExportText.number(f[i]);
        if (v == null || v < 0 || v > 100) {
            throw in.reject(i + 1, name + " missing or outside 0..100", name + " is " + ExportText.shown(f[i])
                    + ", expected 0..100 (the trace writes -1 or 101 for an invalid value)");
        }
        return v;
    }

    private static double positive(ExportLines in, String[] f, int i, String name) {
        Double v = ExportText.number(f[i]);
        if (v == null || v <= 0) {
            throw in.reject(i + 1, name + " not a positive number", name + " is " + ExportText.shown(f[i]) + ", expected a positive number");
        }
        return v;
    }

    @Override
    public void finish(ImportOptions options, CanonicalWriter out) {
        for (String id : sampled) {
            Machine m = machines.get(id);
            out.host(id, m == null ? HostFacts.UNKNOWN : new HostFacts(null, m.cores(), m.memFraction() * options.hostMemGb()));
        }
        Map<String, double[]> requested = new TreeMap<>(); // app -> {cores, memGb} summed over its containers
        for (String id : sampledContainers) {
            Container c = containers.get(id);
            double[] r = requested.computeIfAbsent(c.app(), a -> new double[2]);
            r[0] += c.cpuRequestCores();
            r[1] += c.memFraction() * options.hostMemGb();
        }
        requested.forEach((app, r) -> out.reserved(app, r[0], r[1]));
        long unsampled = machines.keySet().stream().filter(id -> !sampled.contains(id)).count();
        out.note("alibaba: time = --start (" + options.start() + ") + time_stamp seconds; memory = % of the machine, "
                + "machine memory = mem_size / 100 x --host-mem-gb (" + options.hostMemGb() + " GB, the largest machine). "
                + (withContainers ? "Apps are deploy units (app_du), instances containers; apps.csv holds what they requested."
                : "Machine level: each machine is one app named like the machine.")
                + (unsampled > 0 ? " " + unsampled + " machines of machine_meta have no samples and are left out of hosts.csv." : ""));
    }
}
