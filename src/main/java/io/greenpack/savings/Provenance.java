package io.greenpack.savings;

/**
 * Where a reported number comes from (DESIGN §6: every figure states whether it was measured or
 * modelled). One rule for the whole report, summary tiles and savings section alike:
 * <ul>
 *   <li>{@link #MEASURED}: read from the meters (and counted or integrated), e.g. IT energy today;</li>
 *   <li>{@link #MEASURED_TIMES_FACTOR}: a measured quantity multiplied by an assumed factor from the
 *       scenario and nothing else, e.g. facility energy today = metered IT energy × PUE, and its cost
 *       (× tariff) and CO2e (× grid intensity);</li>
 *   <li>{@link #MODELLED}: needs a power model, a plan or a curve, e.g. energy after consolidation.</li>
 * </ul>
 */
public enum Provenance {
    MEASURED("measured"),
    MEASURED_TIMES_FACTOR("measured × assumed factor"),
    MODELLED("modelled");

    private final String label;

    Provenance(String label) {
        this.label = label;
    }

    /** The words a report prints next to the number. */
    public String label() {
        return label;
    }

    public boolean modelled() {
        return this == MODELLED;
    }

    /** A CSS-safe name for the HTML tile: measured, factor or modelled. */
    public String cssClass() {
        return switch (this) {
            case MEASURED -> "measured";
            case MEASURED_TIMES_FACTOR -> "factor";
            case MODELLED -> "modelled";
        };
    }

    public static Provenance of(boolean modelled) {
        return modelled ? MODELLED : MEASURED;
    }

    @Override
    public String toString() {
        return label;
    }
}
