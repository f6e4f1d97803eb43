package io.greenpack.config;

import java.io.Serializable;
import java.util.List;

/**
 * An offload what-if: the apps picked here move to an outside provider. They leave the packing
 * (their hosts' energy leaves the fleet with them), and the provider's bill enters the comparison:
 * per year, sized cores × 8760 h × {@code pricePerCoreHour} + sized GB × 8760 h × {@code pricePerGbHour}.
 * An app is picked when its name is in {@code apps} (or apps is [all]), its owner (apps.csv) is in
 * {@code owners}, or its workload class is in {@code classes}.
 *
 * @param apps             app names, or ["all"]
 * @param owners           owners from apps.csv
 * @param classes          workload classes: cpu-bound, memory-bound, io-bound, idle, balanced
 * @param pricePerCoreHour provider price per core-hour, in the scenario's currency
 * @param pricePerGbHour   provider price per GB-hour of memory
 */
public record Offload(List<String> apps, List<String> owners, List<String> classes, double pricePerCoreHour,
                      double pricePerGbHour) implements Serializable {
    public static final List<String> KEYS = List.of("apps", "owners", "classes", "price_per_core_hour", "price_per_gb_hour");

    public Offload {
        apps = List.copyOf(apps);
        owners = List.copyOf(owners);
        classes = List.copyOf(classes);
    }

    /** Whether an app with this name, owner (or null) and workload class (or null) moves out. */
    public boolean picks(String app, String owner, String workloadClass) {
        return apps.contains("all") || apps.contains(app) || (owner != null && owners.contains(owner))
                || (workloadClass != null && classes.contains(workloadClass));
    }

    /** "apps a, b; owners x; classes idle @ 0.05/core-h + 0.005/GB-h" for tables. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        if (!apps.isEmpty()) {
            b.append("apps ").append(String.join(" ", apps));
        }
        if (!owners.isEmpty()) {
            b.append(b.isEmpty() ? "" : "; ").append("owners ").append(String.join(" ", owners));
        }
        if (!classes.isEmpty()) {
            b.append(b.isEmpty() ? "" : "; ").append("classes ").append(String.join(" ", classes));
        }
        b.append(" @ ").append(ScenarioFile.plain(pricePerCoreHour)).append("/core-h + ")
                .append(ScenarioFile.plain(pricePerGbHour)).append("/GB-h");
        return b.toString();
    }
}
