package io.greenpack.cli;

import picocli.CommandLine.Command;

@Command(name = "consolidate", mixinStandardHelpOptions = true,
        description = {"Consolidation alone: read fleet data, size each application's demand, pack the applications",
                "onto fewer target hosts (targets.csv) and write <out>/<run-id>/ with plan.csv (app, from_host,",
                "to_host, to_model), migration.csv, tables/plan_summary.csv and contention.csv (the plan replayed",
                "against measured demand), the host-fill chart, savings, deck.pptx and summary.md.",
                "'report' does the same plus the efficiency analysis sections."},
        footer = {"", "Examples:",
                "  greenpack consolidate                                  # bundled sample",
                "  greenpack consolidate --data /srv/dc1 --scenario keep-30pct.yaml --time-limit 20"})
public final class ConsolidateCommand extends PlanCommand {
    @Override
    boolean analysisSections() {
        return false;
    }
}
