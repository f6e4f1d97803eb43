package io.greenpack.savings;

import java.util.Objects;

/**
 * Where an app runs today and how much memory a live migration of it has to copy.
 *
 * @param memGb memory of the VM (what must be copied), GB — the configured size if known, else the used memory
 */
public record VmPlacement(String app, String fromHost, double memGb) implements java.io.Serializable {
    public VmPlacement {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(fromHost, "fromHost");
        if (!(memGb >= 0)) {
            throw new IllegalArgumentException("app " + app + ": memory must be >= 0 GB, got " + memGb);
        }
    }
}
