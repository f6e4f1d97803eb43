package io.greenpack.savings;

import java.util.Locale;
import java.util.Objects;

/**
 * One reported number with its unit and whether it came from a meter or from a model (DESIGN §6:
 * every figure states which). {@code key} is a stable identifier for code ("kwh_saved_per_year");
 * {@code label} is for people.
 */
public record Figure(String key, String label, double value, String unit, Provenance provenance)
        implements java.io.Serializable {

    public Figure {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(provenance, "provenance");
    }

    /** Measured (false) or modelled (true); see {@link Provenance} for measured × an assumed factor. */
    public Figure(String key, String label, double value, String unit, boolean modelled) {
        this(key, label, value, unit, Provenance.of(modelled));
    }

    public boolean modelled() {
        return provenance.modelled();
    }

    /** The value with its unit, as the deck, the HTML report and summary.md print it. */
    public String formatted() {
        return format(value, unit);
    }

    /**
     * Thousands separated by commas, no decimals from 100 on, one decimal below 100 and two
     * below 1 (a payback of 0.4 months should not print as 0). Locale.ROOT, so reports are the
     * same on every machine.
     */
    public static String format(double value, String unit) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Double.isInfinite(value)) {
            return "never";
        }
        double a = Math.abs(value);
        String pattern = a >= 100 || a == Math.rint(a) ? "%,.0f" : a >= 1 ? "%,.1f" : "%,.2f";
        String number = String.format(Locale.ROOT, pattern, value);
        if (number.equals("-0")) {
            number = "0";
        }
        return unit.isEmpty() ? number : number + " " + unit;
    }
}
