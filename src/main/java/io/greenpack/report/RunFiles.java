package io.greenpack.report;

import java.util.List;

/** The files of a report's run folder that a reader follows from index.html and summary.md. */
public final class RunFiles {
    private RunFiles() {
    }

    public static final List<HtmlReport.FileLink> LINKS = List.of(
            new HtmlReport.FileLink("summary.md", "the verdict and key figures as Markdown, for a ticket or a mail"),
            new HtmlReport.FileLink("deck.pptx", "slides for management"),
            new HtmlReport.FileLink("plan.csv", "which application goes to which host"),
            new HtmlReport.FileLink("migration.csv", "the moves in order, with estimated times"),
            new HtmlReport.FileLink("rejects.csv", "every input row set aside, with file, line and reason"),
            new HtmlReport.FileLink("tables/plan_summary.csv", "the plan's hosts, bound, energy and money"),
            new HtmlReport.FileLink("tables/plan.csv", "the plan as a table"),
            new HtmlReport.FileLink("tables/contention.csv", "replayed contention per host"),
            new HtmlReport.FileLink("tables/showback.csv", "energy, cost and CO2e per application owner"),
            new HtmlReport.FileLink("tables/app_energy.csv", "energy per application and host"),
            new HtmlReport.FileLink("tables/host_efficiency.csv", "utilization, idle share and efficiency per host"),
            new HtmlReport.FileLink("tables/power_models.csv", "the fitted power model per hardware model"),
            new HtmlReport.FileLink("tables/app_demand.csv", "each application's sized demand"),
            new HtmlReport.FileLink("tables/fleet_power.csv", "measured fleet power per interval"),
            new HtmlReport.FileLink("manifest.json", "versions, inputs with checksums, scenario, timings"));
}
