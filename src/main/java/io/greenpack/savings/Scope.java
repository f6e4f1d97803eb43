package io.greenpack.savings;

import java.util.List;

/**
 * What the savings cover: "Covers N of M hosts and A of B applications; K hosts stay on because …".
 *
 * @param hostsCovered  hosts whose apps the plan may move or whose power it may switch off
 * @param hostsTotal    hosts in the fleet (metered or modelled)
 * @param appsCovered   applications the plan may move
 * @param appsTotal     applications in the fleet
 * @param keptOn        hosts that stay on whatever the plan, each with its reason
 */
public record Scope(int hostsCovered, int hostsTotal, int appsCovered, int appsTotal, List<KeptHost> keptOn)
        implements java.io.Serializable {

    public Scope {
        keptOn = List.copyOf(keptOn);
    }

    /** The warnings of the kept hosts that have one, in host order. */
    public List<String> warnings() {
        return keptOn.stream().map(KeptHost::warning).filter(java.util.Objects::nonNull).toList();
    }

    /**
     * A host that stays on, and why ("pinned: app x", "dedicated: app y needs gpu").
     *
     * @param warning what a reader must not miss about it (an app pinned to it that it cannot hold
     *                within the headroom), or null
     */
    public record KeptHost(String host, String reason, String warning) implements java.io.Serializable {
        public KeptHost(String host, String reason) {
            this(host, reason, null);
        }
    }
}
