package io.greenpack.config;

import java.io.Serializable;
import java.util.List;

/**
 * A harvest what-if: the capacity the plan leaves free on its hosts (after headroom) is kept on
 * for batch work instead of idling, and batch work uses {@code share} of it. The batch VMs pay
 * the scenario's hypervisor overhead (useful cores = used cores ÷ (1 + cpu overhead)); the extra
 * load is priced through the target models' power curves. Share 0 is the plain plan.
 *
 * @param share fraction of the free capacity batch work uses, in [0, 1]
 */
public record Harvest(double share) implements Serializable {
    public static final List<String> KEYS = List.of("share");

    public Harvest {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("harvest share must be in [0, 1], got " + share);
        }
    }
}
