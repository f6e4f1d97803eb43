package io.greenpack.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** What {@code report} and {@code consolidate} share: their options and the report job; they differ in the sections. */
abstract class PlanCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;
    @Mixin
    DataOptions data;
    @Mixin
    RunFolderOptions runFolder;
    @Mixin
    PlanOptions plan;

    @Spec
    CommandSpec spec;

    /** True for the full report, false for the plan, savings and data quality only. */
    abstract boolean analysisSections();

    @Override
    public Integer call() throws Exception {
        return plan.runReport(spec, data, runFolder, analysisSections());
    }
}
