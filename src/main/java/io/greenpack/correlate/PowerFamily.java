package io.greenpack.correlate;

import java.util.Locale;

/** The shapes a host model's power curve may take (DESIGN §3), simplest first. */
public enum PowerFamily {
    /** P(u) = P_idle + (P_max − P_idle)·u. */
    LINEAR,
    /** Fan, Weber and Barroso 2007, "Power provisioning for a warehouse-sized computer": P(u) = P_idle + (P_max − P_idle)(2u − u^r). */
    FAN,
    /** Straight lines through 11 points at 0, 10, … 100 % load, the shape SPECpower_ssj2008 publishes. */
    PIECEWISE;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
