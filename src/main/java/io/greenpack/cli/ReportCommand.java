package io.greenpack.cli;

import picocli.CommandLine.Command;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"The main job: read fleet data, analyse it and write a report folder",
                "<out>/<run-id>/ with index.html (self-contained, opens from disk), charts/*.png and *.svg,",
                "tables/, rejects.csv (every rejected input row with file, line and reason) and manifest.json.",
                "The folder appears only when complete; a failed run leaves earlier reports untouched.",
                "Every run plans four options over the whole fleet -- decommission (switch off comatose hosts),",
                "reuse (your servers only), refresh (new models from targets.csv) and best (the cheapest mix) --",
                "prices each by its total cost over horizon_years, and recommends the cheapest one that pays back:",
                "index.html, summary.md and deck.pptx open with that verdict; tables/plan_options.csv has every",
                "option, plan.csv and migration.csv the recommended one, plans/<option>.csv each option's moves.",
                "Hosts without power meters are modelled from their utilization and marked 'modelled (no meter)'.",
                "With no options it runs on the bundled sample in notebooks-data/sample."},
        footer = {"", "Examples:",
                "  greenpack report                                   # bundled sample -> reports/<run-id>/",
                "  greenpack report --data /srv/dc1 --out /srv/reports",
                "  greenpack report --scenario what-if.yaml          # your tariff, PUE, headroom, targets",
                "  greenpack report --iterations 50000 --time-limit 600   # the same plan on any machine",
                "  greenpack report --data /shared/dc1 --master spark://10.0.0.5:7077 --driver-host 10.0.0.9",
                "                                   # on a standalone cluster; data at the same path on every worker"})
public final class ReportCommand extends PlanCommand {
    @Override
    boolean analysisSections() {
        return true;
    }
}
