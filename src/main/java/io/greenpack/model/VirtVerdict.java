package io.greenpack.model;

import java.util.Locale;

/**
 * Can the app be consolidated, and how (DESIGN §4)?
 * <ul>
 * <li>{@code ok} — may run as a VM on a shared hypervisor host;</li>
 * <li>{@code same-os-only} — cleared to share one OS instance with other apps (apps.csv
 *     {@code may_share_os}): it is co-hosted as a process or container on a shared OS, without a VM
 *     and its hypervisor overhead;</li>
 * <li>{@code dedicated} — needs a host to itself: GPU, InfiniBand, graphics, heavy I/O (stated or
 *     measured) or a host-bound licence.</li>
 * </ul>
 */
public enum VirtVerdict {
    OK, SAME_OS_ONLY, DEDICATED;

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
