package io.greenpack.model;

import java.util.Locale;

/** Workload classes of DESIGN §4. */
public enum WorkloadClass {
    CPU_BOUND, MEMORY_BOUND, IO_BOUND, IDLE, BALANCED;

    /** cpu-bound, memory-bound, io-bound, idle, balanced (as in truth.json and the tables). */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
