package io.greenpack.generate;

/** The five workload classes of DESIGN section 4, with the label written to truth.json. */
public enum AppClass {
    CPU_BOUND("cpu-bound"),
    MEMORY_BOUND("memory-bound"),
    IO_BOUND("io-bound"),
    IDLE("idle"),
    BALANCED("balanced");

    private final String label;

    AppClass(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
