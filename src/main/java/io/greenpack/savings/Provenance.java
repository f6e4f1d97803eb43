package io.greenpack.savings;

/**
 * Where a reported number comes from (DESIGN §6: every figure states whether it was measured or
 * modelled). One rule for the whole report, summary tiles and savings section alike:
 * <ul>
 *   <li>{@link #MEASURED}: read from the meters (and counted or integrated), e.g. IT energy today;</li>
 *   <li>{@link #MEASURED_TIMES_FACTOR}: a measured quantity multiplied by an assumed factor from the
 *       scenario and nothing else, e.g. facility energy today = metered IT energy × PUE, and its cost
 *       (× tariff) and CO2e (× grid intensity);</li>
 *   <li>{@link #MODELLED}: needs a power model, a plan or a curve, e.g. energy after consolidation;</li>
 *   <li>{@link #MODELLED_NO_METER}: today's figures when some of today's hosts have no meter and
 *       their energy is modelled from utilization through a published power curve.</li>
 * </ul>
 */
public enum Provenance {
    MEASURED("measured"),
    MEASURED_TIMES_FACTOR("measured × assumed factor"),
    MODELLED("modelled"),
    MODELLED_NO_METER("modelled (no meter)");

    private final String label;

    Provenance(String label) {
        this.label = label;
    }

    /** The words a report prints next to the number. */
    public String label() {
        return label;
    }

    public boolean modelled() {
        return this == MODELLED || this == MODELLED_NO_METER;
    }

    /**
     * The provenance of a figure about today's fleet: {@code metered} when every host has a meter,
     * else {@link #MODELLED_NO_METER}.
     */
    public static Provenance today(java.util.List<MeasuredHost> hosts, Provenance metered) {
        return hosts.stream().allMatch(MeasuredHost::metered) ? metered : MODELLED_NO_METER;
    }

    /** A CSS-safe name for the HTML tile: measured, factor or modelled. */
    public String cssClass() {
        return switch (this) {
            case MEASURED -> "measured";
            case MEASURED_TIMES_FACTOR -> "factor";
            case MODELLED, MODELLED_NO_METER -> "modelled";
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
