package io.greenpack.ingest.catalog;

import java.util.List;

/**
 * One row of apps.csv: facts a meter cannot see (DESIGN §2). Optional cells are null (or empty lists).
 *
 * @param needs         lower-case needs from the {@code needs} cell (gpu, infiniband, heavy_io, graphics,
 *                      licensed_host), split on {@code ; | space}
 * @param mayShareOs    the app may be co-hosted in a shared OS instance without a hypervisor
 * @param reservedCores what the app was given or budgeted, cores (null when not stated)
 * @param reservedMemGb what the app was given or budgeted, GB (null when not stated)
 */
public record AppInfo(String app, String owner, String group, String pinHost, List<String> needs,
                      boolean mayShareOs, Double reservedCores, Double reservedMemGb) {

    public static final List<String> KNOWN_NEEDS = List.of("gpu", "infiniband", "heavy_io", "graphics", "licensed_host");

    public AppInfo {
        needs = List.copyOf(needs);
    }

    /** An app seen in the samples but absent from apps.csv: no facts, nothing reserved. */
    public static AppInfo unknown(String app) {
        return new AppInfo(app, null, null, null, List.of(), false, null, null);
    }
}
