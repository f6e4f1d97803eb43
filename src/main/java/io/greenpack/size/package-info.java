/**
 * Size (DESIGN §4): demand vectors per app and host at the scenario's percentile, optionally per
 * hour of day; {@link io.greenpack.model.AppDemandVector} is the result;
 * {@link io.greenpack.consolidate.DemandItems} turns it into the optimizer's input.
 * An app on several hosts yields one vector per host, with id {@code app@host}.
 */
package io.greenpack.size;
