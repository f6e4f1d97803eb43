package io.greenpack.report;

import io.greenpack.chart.ChartFiles;
import io.greenpack.chart.CountBarChart;
import io.greenpack.chart.HarvestChart;
import io.greenpack.chart.HostFillChart;
import io.greenpack.chart.HostFillChart.HostFill;
import io.greenpack.chart.OptionsChart;
import io.greenpack.chart.PaybackChart;
import io.greenpack.chart.SavingsBreakdownChart;
import io.greenpack.config.Scenario;
import io.greenpack.consolidate.ConsolidationOutcome;
import io.greenpack.consolidate.ConsolidationStage;
import io.greenpack.consolidate.OptionPlan;
import io.greenpack.correlate.AnalysisResult;
import io.greenpack.correlate.AppEnergy;
import io.greenpack.correlate.PlanReplay;
import io.greenpack.model.HostSpec;
import io.greenpack.optimize.HostPlan;
import io.greenpack.savings.Figure;
import io.greenpack.savings.HarvestHour;
import io.greenpack.savings.MigrationMove;
import io.greenpack.savings.PlanOption;
import io.greenpack.savings.Savings;
import io.greenpack.savings.SavingsResult;
import io.greenpack.model.AppDemandVector;
import io.greenpack.savings.Verdict;
import io.greenpack.table.PlanTables;
import io.greenpack.table.TableFiles;
import io.greenpack.table.TableWriter;
import org.jfree.chart.JFreeChart;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static io.greenpack.report.AnalysisSection.num;
import static io.greenpack.report.AnalysisSection.pct;
import static io.greenpack.report.AnalysisSection.png;

/**
 * The consolidation part of a run: the verdict (a lead section of index.html), plan and savings
 * sections, their charts, plan.csv, migration.csv, the plan tables, deck.pptx and summary.md.
 * Each section is a method that takes the one {@link Page} record.
 */
public final class PlanOutputs {
    private static final int MOVES_SHOWN = 30;
    private static final int TOP_APPS = 12;

    private PlanOutputs() {
    }

    /** Everything the plan's sections read; {@code owners} maps app to owner (apps.csv). */
    record Page(RunFolder run, ConsolidationOutcome outcome, AnalysisResult analysis, List<HostSpec> hosts,
                Scenario scenario, HtmlReport html, String footer, String dataWindow, Verdict verdict,
                Map<String, String> owners) {
        Path charts() {
            return run.resolve("charts");
        }

        SavingsResult savings() {
            return outcome.savings();
        }
    }

    public static Map<String, Table> write(TableWriter tableWriter, RunFolder run, ConsolidationOutcome o, AnalysisResult a,
                                           List<HostSpec> hosts, Scenario s, HtmlReport html, String footer,
                                           String dataWindow, Path notebookResults) throws IOException {
        return write(tableWriter, run, o, a, hosts, s, html, footer, dataWindow, notebookResults, Map.of());
    }

    /** @param owners application → owner from apps.csv, shown beside app ids */
    public static Map<String, Table> write(TableWriter tableWriter, RunFolder run, ConsolidationOutcome o, AnalysisResult a,
                                           List<HostSpec> hosts, Scenario s, HtmlReport html, String footer,
                                           String dataWindow, Path notebookResults, Map<String, String> owners)
            throws IOException {
        writeOptionPlans(run, o, a, hosts);
        if (!o.planned()) {
            html.section("plan", "Consolidation plan");
            html.note(o.note());
            if (o.verdict() == null) {
                return Map.of();
            }
            html.paragraph(o.verdict().sentence());
            Map<String, Table> options = PlanTables.options(o);
            tableWriter.write(options, run.resolve("tables"));
            if (notebookResults != null) {
                TableFiles.copy(options, run.resolve("tables"), notebookResults);
            }
            return options;
        }
        SavingsResult r = o.savings();
        Map<String, Table> tables = PlanTables.all(o, s, a.demand(), hosts);
        tableWriter.write(tables, run.resolve("tables"));
        if (notebookResults != null) {
            TableFiles.copy(tables, run.resolve("tables"), notebookResults);
        }
        TableFiles.writeCsv(tables.get("plan"), run.resolve("plan.csv"));
        Set<String> physical = new HashSet<>();
        hosts.stream().filter(HostSpec::physical).forEach(h -> physical.add(h.host()));
        MigrationCsv.write(run.resolve("migration.csv"), r.migration(), physical);
        // The consolidate stage's verdict; a single-plan outcome (no options) gets a one-option verdict.
        Verdict verdict = o.verdict() != null ? o.verdict() : ProvisionalVerdict.from(o, a, hosts, s);
        Page page = new Page(run, o, a, hosts, s, html, footer, dataWindow, verdict, owners);
        VerdictSection.add(html, new VerdictSection.Request(verdict, r.windowHours()));
        html.section("plan", "Consolidation plan");
        planSection(page);
        byte[] beforeAfter = savingsSection(page);
        harvestSection(page);
        migrationSection(page);
        List<String> assumptions = assumptionsSection(page);
        deckAndSummary(page, beforeAfter, assumptions);
        html.section("files", "Files of this run");
        html.fileLinks(RunFiles.LINKS);
        html.section("glossary", "Glossary");
        html.glossary(Glossary.TERMS);
        return tables;
    }

    private static void planSection(Page p) {
        ConsolidationOutcome o = p.outcome();
        SavingsResult r = p.savings();
        Scenario s = p.scenario();
        HtmlReport html = p.html();
        var packing = o.plan().packing();
        html.paragraph(String.format(Locale.ROOT, "%d applications from %d hosts are packed onto %d hosts (kept and new) "
                        + "(lower bound %d, gap %s) keeping %s of each host's capacity free, CPU-bound and memory-bound "
                        + "workloads side by side (mean CPU/memory balance per host %.2f). Demand is each app's p%.0f "
                        + "%s; VMs pay %s CPU and %.1f GB of hypervisor overhead unless the app may share an OS. "
                        + "%s Solver: %s after %.1f s.",
                o.movedApps().size(), r.serversBefore(), r.serversAfter(), packing.lowerBound(), pct(packing.gap()),
                pct(s.headroom()), packing.meanBalance(), s.percentile(),
                s.hourlySizing() ? "per hour of day" : "over the whole window", pct(s.hypervisorCpuOverhead()),
                s.hypervisorMemGb(), o.keptHosts().isEmpty() ? ""
                        : o.keptHosts().size() + " hosts stay as they are (a pinned or dedicated app): " + String.join(", ",
                        o.keptHosts()) + ".", packing.stoppedBy(), packing.seconds()));
        html.paragraph(VerdictText.scope(p.verdict().scope()));
        sizingComparison(p).ifPresent(html::paragraph);
        html.image("Host fill before and after: CPU and memory in use on each of the " + r.serversBefore()
                + " hosts today and the " + r.serversAfter() + " hosts after; the dashed line is the plan's limit, "
                + "capacity less the " + pct(s.headroom()) + " headroom", png(HostFillChart.chart(
                fillBefore(p.analysis(), o, p.hosts()), fillAfter(o), s.headroom(), p.footer()), p.charts(), "host-fill"));

        double overShare = PlanReplay.overShare(o.risk());
        html.paragraph(String.format(Locale.ROOT, "Contention risk (replay): the plan was replayed against the measured "
                        + "demand of every interval. Co-hosted demand would have exceeded a host's full capacity in %s of "
                        + "host-intervals; the table shows each host. This is the price of consolidating at p%.0f with %s headroom.",
                pct(overShare), s.percentile(), pct(s.headroom())));
        List<List<String>> rows = new ArrayList<>();
        Map<String, PlanReplay.HostRisk> risk = new HashMap<>();
        o.risk().forEach(x -> risk.put(x.targetHost(), x));
        for (HostPlan h : o.plan().hosts()) {
            PlanReplay.HostRisk x = risk.get(h.host());
            rows.add(List.of(h.host(), h.model(), String.valueOf(h.apps().size()), pct(h.cpuLoadFraction()),
                    pct(h.memLoadFraction()), num(h.predictedWatts(), 0),
                    x == null ? "–" : pct(x.overShare()), x == null ? "–" : pct(Math.max(x.worstCpuExcess(), x.worstMemExcess()))));
        }
        html.table("New hosts (full list of moves: plan.csv)", List.of("host", "model", "apps", "CPU (sized)",
                "memory (sized)", "IT watts (modelled)", "intervals over capacity", "worst excess"), rows, Set.of(2, 3, 4, 5, 6, 7));
    }

    /** The savings section; returns the before/after chart for the deck. */
    private static byte[] savingsSection(Page p) {
        SavingsResult r = p.savings();
        HtmlReport html = p.html();
        html.section("savings", "Savings");
        html.paragraph(VerdictText.scope(p.verdict().scope()) + " Before and after below cover the same "
                + r.serversBefore() + " metered hosts.");
        VerdictText.shortWindow(r.windowHours()).ifPresent(html::warning);
        html.keyNumbers(r.keyFigures().stream().map(f -> new HtmlReport.KeyNumber(f.label(), f.formatted(),
                VerdictText.source(f), f.provenance())).toList());
        SavingsBreakdownChart.Breakdown b = new SavingsBreakdownChart.Breakdown(r.beforeFacilityKwhPerYear(),
                r.afterFacilityKwhPerYear(), r.beforeMoneyPerYear(), r.afterMoneyPerYear(), r.beforeCo2eKgPerYear(),
                r.afterCo2eKgPerYear(), r.currency());
        byte[] beforeAfter = png(SavingsBreakdownChart.chart(b, p.footer()), p.charts(), "savings-breakdown");
        html.image("Facility energy, money and CO2e per year of the " + r.serversBefore()
                + " metered hosts, today (metered, scaled to a year) and after (modelled)", beforeAfter);
        html.paragraph(String.format(Locale.ROOT, "After-consolidation energy is modelled through the target models' "
                        + "power curves at the sized load; with the power models' error it lies between %,.0f and %,.0f "
                        + "IT kWh per year. Today's IT energy is metered over the window and scaled to a year; today's "
                        + "facility energy, cost and CO2e are that times the scenario's PUE, tariff and grid intensity.",
                r.afterItKwhLow(), r.afterItKwhHigh()));
        html.image("Payback over the horizon: cumulative money saved minus hardware cost", png(PaybackChart.chart(
                new PaybackChart.Payback(r.hardwareCost(), r.moneySavedPerYear(), p.scenario().horizonYears(),
                        r.currency()), p.footer()), p.charts(), "payback"));
        List<List<String>> figs = new ArrayList<>();
        for (Figure f : r.figures()) {
            figs.add(List.of(f.label(), f.formatted(), VerdictText.source(f)));
        }
        html.table("All figures (energy is facility energy, IT × PUE, unless it says IT)",
                List.of("figure", "value", "measured or modelled, and how"), figs, Set.of(1));
        return beforeAfter;
    }

    private static void harvestSection(Page p) {
        HtmlReport html = p.html();
        html.section("harvest", "Harvestable capacity");
        html.paragraph("Instead of switching freed capacity off, it can run batch work: free cores and memory on the new "
                + "hosts per hour of day, after headroom and the hypervisor's cost for the batch VMs (modelled).");
        double[] cores = new double[24];
        double[] mem = new double[24];
        for (HarvestHour h : p.savings().harvest()) {
            cores[h.hourOfDay()] = h.freeCpuCores();
            mem[h.hourOfDay()] = h.freeMemGb();
        }
        html.image("Harvestable capacity by hour of day", png(HarvestChart.chart(cores, mem, p.footer()), p.charts(), "harvest"));
        if (!p.scenario().hourlySizing()) {
            // A flat chart is not a finding about the fleet: it follows from sizing by the whole window.
            html.note(String.format(Locale.ROOT, "The same at every hour: each app is sized by its p%s over the whole window, "
                    + "so the plan holds the same load all day. A scenario with hourly_sizing: true sizes each app per hour "
                    + "of day; the free capacity then follows the apps' daily pattern (more at night for daytime workloads).",
                    Figure.format(p.scenario().percentile(), "")));
        }
    }

    /**
     * Flat sizing (one percentile over the window) against hourly sizing (one vector per hour of
     * day): how many hosts the other one needs for the same option, and at what replayed risk.
     */
    static java.util.Optional<String> sizingComparison(Page p) {
        ConsolidationOutcome o = p.outcome();
        java.util.Optional<PlanOption> lead = p.verdict().lead();
        if (o.sizing() == null || lead.isEmpty()) {
            return java.util.Optional.empty();
        }
        String other = o.sizing().equals(ConsolidationStage.HOURLY) ? ConsolidationStage.FLAT : ConsolidationStage.HOURLY;
        return o.otherSizing().stream().filter(x -> x.planned() && x.name().equals(lead.get().option())).findFirst()
                .map(x -> String.format(Locale.ROOT, "Sizing: this plan sizes each app %s (%d hosts after, replayed "
                                + "contention above the headroom line in %s of host-intervals). Sized %s, the same option "
                                + "needs %d hosts (%s) with replayed contention in %s of host-intervals; "
                                + "tables/plan_options_other_sizing.csv has every option.",
                        o.sizing().equals(ConsolidationStage.HOURLY) ? "per hour of day" : "by one percentile over the window",
                        lead.get().hostsAfter(), pct(lead.get().contentionShare()),
                        other.equals(ConsolidationStage.HOURLY) ? "per hour of day" : "by one percentile over the window",
                        x.row().hostsAfter(), x.row().hostsAfter() == lead.get().hostsAfter() ? "as many"
                                : Math.abs(x.row().hostsAfter() - lead.get().hostsAfter())
                                + (x.row().hostsAfter() > lead.get().hostsAfter() ? " more" : " fewer"),
                        pct(x.row().contentionShare())));
    }

    private static void migrationSection(Page p) {
        SavingsResult r = p.savings();
        Scenario s = p.scenario();
        HtmlReport html = p.html();
        html.section("migration", "Migration");
        // A move off a physical host is a physical-to-virtual conversion: counted and timed apart.
        Set<String> physical = new HashSet<>();
        p.hosts().stream().filter(HostSpec::physical).forEach(h -> physical.add(h.host()));
        List<MigrationMove> p2v = r.migration().stream().filter(m -> physical.contains(m.fromHost())).toList();
        double p2vSeconds = p2v.stream().mapToDouble(MigrationMove::seconds).sum();
        double liveSeconds = r.migration().stream().mapToDouble(MigrationMove::seconds).sum() - p2vSeconds;
        html.paragraph(String.format(Locale.ROOT, "%d moves in the order that empties whole hosts first: %d live migrations "
                        + "of VMs, about %.1f hours in total at %.0f Gbit/s (estimate: memory × 8 / (bandwidth × %.1f) × %.1f "
                        + "for re-sent dirty pages), and %d physical-to-virtual (P2V) conversions off physical hosts, whose "
                        + "copy alone takes about %.1f hours at the same rate; each P2V also needs a maintenance window. "
                        + "Full list: migration.csv (column kind).", r.migration().size(), r.migration().size() - p2v.size(),
                liveSeconds / 3600, s.migrationGbps(), Savings.MIGRATION_LINK_EFFICIENCY, 1 + Savings.MIGRATION_DIRTY_PAGE_FACTOR,
                p2v.size(), p2vSeconds / 3600));
        NextSteps.waves(r.migration()).forEach(html::paragraph);
        List<List<String>> moves = new ArrayList<>();
        for (MigrationMove m : r.migration().stream().limit(MOVES_SHOWN).toList()) {
            moves.add(List.of(String.valueOf(m.step()), NextSteps.withOwner(m.app(), p.owners()), m.fromHost(), m.toHost(),
                    num(m.memGb(), 1), num(m.seconds(), 0), m.freesHost() == null ? "" : m.freesHost()));
        }
        html.table("First " + Math.min(MOVES_SHOWN, moves.size()) + " of " + r.migration().size() + " moves",
                List.of("step", "app (owner)", "from", "to", "memory GB", "seconds", "frees host"), moves, Set.of(0, 4, 5));
    }

    private static List<String> assumptionsSection(Page p) {
        SavingsResult r = p.savings();
        p.html().section("assumptions", "Assumptions");
        double modelError = r.afterItKwhPerYear() > 0 ? (r.afterItKwhHigh() / r.afterItKwhPerYear() - 1) : 0;
        List<String> assumptions = Deck.assumptions(p.scenario(), modelError);
        assumptions.forEach(p.html()::paragraph);
        return assumptions;
    }

    private static void deckAndSummary(Page p, byte[] beforeAfter, List<String> assumptions) throws IOException {
        SavingsResult r = p.savings();
        Scenario s = p.scenario();
        Map<String, Double> topApps = new TreeMap<>();
        for (AppEnergy e : p.analysis().appEnergy()) {
            topApps.merge(NextSteps.withOwner(e.app(), p.owners()), e.kwh() * Savings.HOURS_PER_YEAR / r.windowHours(),
                    Double::sum);
        }
        byte[] consumers = png(CountBarChart.topConsumers(topApps, TOP_APPS, p.footer()), p.charts(), "top-consumers");
        Path charts = p.charts();
        byte[] fill = java.nio.file.Files.readAllBytes(charts.resolve("host-fill.png"));
        byte[] payback = java.nio.file.Files.readAllBytes(charts.resolve("payback.png"));
        Verdict v = p.verdict();
        byte[] options = png(OptionsChart.chart(v.options().stream().filter(PlanOption::planned)
                .map(o -> new OptionsChart.Option(o.option(), o.moneySavedPerYear() * v.horizonYears(), o.capex())).toList(),
                v.horizonYears(), v.currency(), p.footer()), charts, "options");
        String consumersCaption = "IT energy per year of the top " + Math.min(TOP_APPS, topApps.size()) + " of "
                + topApps.size() + " applications (owner in brackets): metered, attributed by CPU share and scaled to a year (modelled).";
        Deck.write(new Deck.Content("greenpack: consolidation", s.name(), p.dataWindow(), r, v,
                new Deck.Pictures(beforeAfter, consumers, fill, payback, options), NextSteps.of(p),
                NextSteps.risks(p), assumptions, consumersCaption), p.run().resolve("deck.pptx"));
        Summary.write(new Summary.Content("greenpack report", s.name(), p.dataWindow(), r, v, p.analysis().showback(),
                r.windowHours() / 24, List.of(
                new Summary.ChartLink("options", "Options: savings over the horizon against hardware cost"),
                new Summary.ChartLink("payback", "Payback"),
                new Summary.ChartLink("fleet-power", "Fleet power (kW)"),
                new Summary.ChartLink("savings-breakdown", "Energy, money and CO2e per year, today and after"),
                new Summary.ChartLink("host-fill", "Host fill before and after"),
                new Summary.ChartLink("top-consumers", "Top consumers")), r.migration().size()), p.run().resolve("summary.md"));
    }

    /** plans/&lt;option&gt;.csv: the moves of every option that could be planned (plan.csv is the recommended one). */
    static void writeOptionPlans(RunFolder run, ConsolidationOutcome o, AnalysisResult a, List<HostSpec> hosts)
            throws IOException {
        if (o.options().isEmpty()) {
            return;
        }
        Path dir = run.resolve("plans");
        java.nio.file.Files.createDirectories(dir);
        for (OptionPlan p : o.options()) {
            if (p.planned()) {
                TableFiles.writeCsv(PlanTables.plan(p.plan(), a.demand(), hosts), dir.resolve(p.name() + ".csv"));
            }
        }
    }

    /**
     * Today's hosts at the same sizing basis as the plan (sum of their apps' sized demand): every
     * measured host that is not kept, as the savings count "servers today", so a host that runs
     * no app (comatose) shows at 0 % rather than missing from the chart.
     */
    static List<HostFill> fillBefore(AnalysisResult a, ConsolidationOutcome o, List<HostSpec> hosts) {
        Map<String, double[]> used = new TreeMap<>();
        for (AppDemandVector v : o.movedApps()) {
            double[] u = used.computeIfAbsent(v.host(), k -> new double[2]);
            u[0] += v.cpuCores();
            u[1] += v.memGb();
        }
        Set<String> kept = new HashSet<>(o.keptHosts());
        a.hosts().stream().filter(h -> ConsolidationStage.measured(h) && !kept.contains(h.host()))
                .forEach(h -> used.putIfAbsent(h.host(), new double[2]));
        Map<String, HostSpec> specs = new HashMap<>();
        hosts.forEach(h -> specs.put(h.host(), h));
        List<HostFill> out = new ArrayList<>();
        used.forEach((h, u) -> {
            HostSpec spec = specs.get(h);
            if (spec != null) {
                out.add(new HostFill(h, u[0] / spec.cores(), u[1] / spec.memGb()));
            }
        });
        return out;
    }

    static List<HostFill> fillAfter(ConsolidationOutcome o) {
        return o.plan().hosts().stream().map(h -> new HostFill(h.host(), h.cpuLoadFraction(), h.memLoadFraction())).toList();
    }
}
