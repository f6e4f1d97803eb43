/**
 * Size (DESIGN §4): demand vectors per app and host at the scenario's percentile, optionally per
 * hour of day; {@link io.greenpack.size.AppDemandVector#toAppDemand()} gives the optimizer's input.
 * An app on several hosts yields one vector per host, with id {@code app@host}.
 */
package io.greenpack.size;
