package io.greenpack.savings;

import io.greenpack.util.UserError;

import java.util.Objects;

/**
 * One host of today's fleet: the energy its meter recorded over the hours it was covered, or — for
 * a host without a meter ({@code metered} false) — the energy its published power curve gives for
 * its measured utilization over those hours. "Before" is built from these only.
 *
 * @param kwh       IT energy measured over {@code hours}, kWh
 * @param hours     hours covered by the measurement (the data window, less gaps), &gt; 0
 * @param rackUnits rack units the host occupies (0 when unknown)
 * @param owner     team or department for showback, or null
 * @param metered   false when kwh is modelled from utilization ("modelled (no meter)")
 */
public record MeasuredHost(String host, String model, double kwh, double hours, double rackUnits, String owner,
                           boolean metered) implements java.io.Serializable {

    /** A metered host. */
    public MeasuredHost(String host, String model, double kwh, double hours, double rackUnits, String owner) {
        this(host, model, kwh, hours, rackUnits, owner, true);
    }

    public MeasuredHost {
        Objects.requireNonNull(host, "host");
        if (!(kwh >= 0) || Double.isInfinite(kwh)) {
            throw new UserError("host " + host + ": measured energy must be a finite number of kWh >= 0, got " + kwh);
        }
        if (!(hours > 0) || Double.isInfinite(hours)) {
            throw new UserError("host " + host + ": measured hours must be > 0, got " + hours);
        }
        if (!(rackUnits >= 0)) {
            throw new UserError("host " + host + ": rack units must be >= 0, got " + rackUnits);
        }
    }

    /** Mean measured power over the covered hours, watts. */
    public double meanWatts() {
        return kwh * 1000.0 / hours;
    }

    /** The measured energy scaled to a year of 8760 h (the host's mean power kept all year). */
    public double kwhPerYear() {
        return kwh * Savings.HOURS_PER_YEAR / hours;
    }
}
