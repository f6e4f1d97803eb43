package io.greenpack.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the benchmarks need to measure a run in a fresh JVM: launching {@code greenpack <args>} as a
 * child with this JVM's classpath and flags (heap and chosen system properties replaced), and the
 * JVM's own peak heap and CPU time, read inside the measured JVM.
 */
public final class ChildJvm {
    private ChildJvm() {
    }

    /** How a child ended: exit code, wall seconds and the tail of its output. */
    public record Outcome(int exitCode, double seconds, String tail) {
    }

    /**
     * The command line of a child JVM running {@link BenchCommand} with {@code args}: this JVM's flags
     * minus heap sizes, agents and debugger (a second JVM cannot share their ports) and minus the
     * system properties given in {@code properties}, which are set to their new values instead.
     */
    public static List<String> command(String heap, Map<String, String> properties, List<String> extraFlags,
                                       List<String> args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + heap));
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-Xmx") || a.startsWith("-Xms") || a.startsWith("-agentlib") || a.startsWith("-javaagent")
                    || properties.keySet().stream().anyMatch(k -> a.startsWith("-D" + k + "="))) {
                continue;
            }
            cmd.add(a);
        }
        properties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.addAll(extraFlags);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchCommand.class.getName()));
        cmd.addAll(args);
        return cmd;
    }

    /**
     * Runs {@code greenpack <args>} in a child JVM and waits for it (at most {@code timeout}); its
     * output goes to {@code log} (kept, so a long run can be watched with {@code tail -f}).
     */
    public static Outcome run(String heap, Map<String, String> properties, List<String> args, Path log,
                              long timeout, TimeUnit unit) throws IOException, InterruptedException {
        return run(heap, properties, List.of(), args, log, timeout, unit);
    }

    /** As {@link #run(String, Map, List, Path, long, TimeUnit)}, with extra JVM flags (profiling, GC logs). */
    public static Outcome run(String heap, Map<String, String> properties, List<String> extraFlags, List<String> args,
                              Path log, long timeout, TimeUnit unit) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command(heap, properties, extraFlags, args)).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(timeout, unit)) {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
            throw new IllegalStateException("child JVM did not finish in " + timeout + " " + unit.name().toLowerCase()
                    + ": greenpack " + String.join(" ", args));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
        String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        return new Outcome(p.exitValue(), seconds, tail);
    }

    /**
     * Peak heap of this JVM: the sum of each heap pool's peak since start (or the last
     * {@link #resetPeaks}). Pools peak at different moments, so this is an upper bound of the true
     * peak (by at most the young generation's size); it needs no GC log.
     */
    public static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** Runs a GC and resets the heap pools' peaks, so that {@link #peakHeapBytes} measures what follows. */
    public static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    /** CPU seconds of this whole process (all threads, JIT and GC), or -1 if the JVM does not say. */
    public static double processCpuSeconds() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1e9 : -1;
    }

    /** The 1-minute load average (2 cores: above 2, other work competed), or -1 if unknown. */
    public static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
