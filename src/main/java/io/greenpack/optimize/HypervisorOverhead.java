package io.greenpack.optimize;

import io.greenpack.util.UserError;

/**
 * What virtualising an app costs on top of its own demand: a share of its CPU (0.1 = 10 % more
 * cores) and a fixed amount of memory per VM. Apps that may share an OS instance pay neither.
 */
public record HypervisorOverhead(double cpuFraction, double memGbPerVm) {

    public HypervisorOverhead {
        if (!(cpuFraction >= 0 && cpuFraction < 1)) {
            throw new UserError("hypervisor cpu_overhead: expected a fraction in [0,1), got " + cpuFraction
                    + (cpuFraction >= 1 ? " — was it a percentage? (10 % is 0.1)" : ""));
        }
        if (!(memGbPerVm >= 0)) {
            throw new UserError("hypervisor mem_overhead_gb: expected a number of GB >= 0, got " + memGbPerVm);
        }
    }

    public static HypervisorOverhead none() {
        return new HypervisorOverhead(0, 0);
    }

    /** Cores an app needs once virtualised (unchanged when it shares an OS). */
    public double cpuCores(double appCores, boolean mayShareOs) {
        return mayShareOs ? appCores : appCores * (1 + cpuFraction);
    }

    /** Memory an app needs once virtualised. */
    public double memGb(double appMemGb, boolean mayShareOs) {
        return mayShareOs ? appMemGb : appMemGb + memGbPerVm;
    }
}
