package io.greenpack.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenpack.cli.Main;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code greenpack bench measure --result FILE -- <command> [args]}: runs one greenpack command
 * ({@code report …}, or {@code bench …} for a benchmark's own step) in this JVM and writes what it cost to a JSON file: wall seconds, peak heap (the heap pools' summed
 * peaks, and the largest heap in use sampled every 100 ms), process CPU seconds, GC seconds and the
 * load average. The benchmarks start it in a fresh child JVM ({@link ChildJvm}). Hidden: not for users.
 */
@Command(name = "measure", hidden = true,
        description = "Run one greenpack command in this JVM and write its wall time, peak heap and CPU to a JSON file.")
public final class BenchMeasureCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--result", required = true, paramLabel = "FILE")
    Path result;

    @Parameters(arity = "1..*", paramLabel = "COMMAND", description = "The greenpack command and its arguments.")
    List<String> command = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        AtomicLong sampled = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                sampled.accumulateAndGet(heapInUse(), Math::max);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        long t0 = System.nanoTime();
        int code = commandLine().execute(arguments());
        double seconds = (System.nanoTime() - t0) / 1e9;
        sampler.interrupt();
        sampled.accumulateAndGet(heapInUse(), Math::max);
        long gcMs = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcMs += Math.max(0, gc.getCollectionTime());
        }
        ObjectNode json = new ObjectMapper().createObjectNode();
        json.put("command", String.join(" ", command));
        json.put("exit_code", code);
        json.put("wall_s", seconds);
        json.put("jvm_uptime_s", ManagementFactory.getRuntimeMXBean().getUptime() / 1e3);
        json.put("peak_heap_mb", ChildJvm.peakHeapBytes() >> 20);
        json.put("sampled_peak_heap_mb", sampled.get() >> 20);
        json.put("max_heap_mb", Runtime.getRuntime().maxMemory() >> 20);
        json.put("cpu_s", ChildJvm.processCpuSeconds());
        json.put("gc_s", gcMs / 1e3);
        json.put("load_average", ChildJvm.loadAverage());
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(result.toFile(), json);
        return code;
    }

    /** The command line that runs {@link #command}: the benchmarks' for {@code bench …}, else greenpack's. */
    private CommandLine commandLine() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return isBench() ? BenchCommand.commandLine(out, err) : Main.commandLine(out, err);
    }

    /** {@link #command} without its leading {@code bench}, as the launcher hands it on. */
    private String[] arguments() {
        return (isBench() ? command.subList(1, command.size()) : command).toArray(String[]::new);
    }

    private boolean isBench() {
        return command.get(0).equals("bench");
    }

    private static long heapInUse() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getUsage().getUsed();
            }
        }
        return sum;
    }
}
