package io.greenpack.consolidate;

import io.greenpack.model.AppDemandVector;
import io.greenpack.optimize.AppDemand;

/** Sized demand as the optimizer's input: the consolidate stage is where size meets optimize. */
public final class DemandItems {
    private DemandItems() {
    }

    /** The optimizer's input for one sized app (hourly arrays copied: the optimizer owns its input). */
    public static AppDemand toAppDemand(AppDemandVector v) {
        return new AppDemand(v.id(), v.cpuCores(), v.memGb(), v.hourlyCpuCores() == null ? null : v.hourlyCpuCores().clone(),
                v.hourlyMemGb() == null ? null : v.hourlyMemGb().clone(), v.group(), v.pinHost(), v.dedicated(), v.mayShareOs());
    }
}
