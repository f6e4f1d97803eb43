package io.greenpack.config;

import java.util.Locale;

/** How a host's idle power is split among the apps on it (DESIGN §3). */
public enum IdlePolicy {
    /** In proportion to each app's CPU use (default). */
    CPU_SHARE,
    /** Equally among the apps present in the interval. */
    EQUAL,
    /** In proportion to reserved cores and memory (apps.csv). */
    RESERVED,
    /** Not attributed: kept as its own line "idle". */
    UNATTRIBUTED;

    /** The name used in YAML and reports: cpu-share, equal, reserved, unattributed. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static IdlePolicy fromKey(String key) {
        for (IdlePolicy p : values()) {
            if (p.key().equals(key)) {
                return p;
            }
        }
        throw new IllegalArgumentException(key);
    }
}
