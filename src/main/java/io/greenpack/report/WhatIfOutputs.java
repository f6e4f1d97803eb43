package io.greenpack.report;

import io.greenpack.ingest.files.RejectsFile;
import io.greenpack.chart.ChartFiles;
import io.greenpack.chart.ChartStyle;
import io.greenpack.chart.HarvestChart;
import io.greenpack.chart.WhatIfCharts;
import io.greenpack.config.WhatIfPoint;
import io.greenpack.consolidate.ConsolidationOutcome;
import io.greenpack.consolidate.OptionInputs;
import io.greenpack.savings.HarvestHour;
import io.greenpack.model.AppDemandVector;
import io.greenpack.table.PlanTables;
import io.greenpack.table.TableFiles;
import io.greenpack.table.TableWriter;
import io.greenpack.whatif.WhatIf;
import io.greenpack.whatif.WhatIfData;
import io.greenpack.whatif.WhatIfResult;
import org.jfree.chart.JFreeChart;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import static io.greenpack.report.AnalysisSection.num;

/**
 * What a what-if run writes: whatif.csv / whatif.parquet (one row per point), points/NN-name/
 * (each point's plan.csv, plan_summary.csv, migration.csv, offloaded.csv), charts, index.html
 * (the comparison, baseline highlighted, each point linking to its plan) and deck.pptx (one slide).
 */
public final class WhatIfOutputs {
    private WhatIfOutputs() {
    }

    /** Writes everything; returns the files written, relative to the run folder, sorted. */
    public static List<String> write(TableWriter tables, RunFolder run, WhatIfSource req, WhatIfData prepared,
                              List<WhatIfResult> results, String runId, Instant started)
            throws IOException {
        List<WhatIfPoint> points = results.stream().map(WhatIfResult::point).toList();
        List<String> varying = varying(points);
        List<String> folders = folders(points);
        Table table = table(results, varying, folders);
        tables.write(Map.of("whatif", table), run.dir());
        RejectsFile.write(run.resolve("rejects.csv"), prepared.ingest().rejects());

        List<String> links = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            links.add(writePoint(run, prepared, results.get(i), folders.get(i)));
        }

        String window = ChartStyle.dataWindow(prepared.ingest().first(), prepared.ingest().last());
        String footer = ChartStyle.footer(window, "what-if, " + points.size() + " points");
        Path charts = run.resolve("charts");
        Files.createDirectories(charts);
        String cur = req.scenarios().base().currency();
        List<WhatIfResult> shown = results;
        JFreeChart side = WhatIfCharts.sideBySide("What-if points side by side (" + cur + " saved per year, hosts after)",
                shown.stream().map(WhatIfResult::name).toList(), 0, List.of(
                        new WhatIfCharts.Panel("Saved per year (" + cur + ")", shown.stream().map(WhatIfResult::costSaved).toList(), "#,##0"),
                        new WhatIfCharts.Panel("Hosts after (today " + results.get(0).hostsBefore() + ")",
                                shown.stream().map(r -> r.evaluated() ? (double) r.hostsAfter() : Double.NaN).toList(), "#,##0")),
                footer);
        byte[] sidePng = AnalysisSection.png(side, charts, "whatif-points");

        Map<String, byte[]> sweepCharts = new LinkedHashMap<>();
        for (String key : sweptKeys(points)) {
            String slug = slug(key);
            sweepCharts.put("Money saved per year against " + key, AnalysisSection.png(WhatIfCharts.sweep(
                    "Money saved per year against " + key + " (" + cur + ")", key, "Saved per year (" + cur + ")",
                    sweepSeries(results, key, WhatIfResult::costSaved), footer), charts, "whatif-savings-" + slug));
            sweepCharts.put("Hosts after consolidation against " + key, AnalysisSection.png(WhatIfCharts.sweep(
                    "Hosts after consolidation against " + key + " (hosts)", key, "Hosts after",
                    sweepSeries(results, key, r -> (double) r.hostsAfter()), footer), charts, "whatif-hosts-" + slug));
        }
        byte[] harvestPng = null;
        WhatIfResult base = results.get(0);
        boolean anyHarvest = points.stream().anyMatch(p -> p.harvest() != null);
        if (anyHarvest && base.outcome().planned()) {
            double[] cores = new double[24];
            double[] mem = new double[24];
            for (HarvestHour h : base.outcome().savings().harvest()) {
                cores[h.hourOfDay()] = h.freeCpuCores();
                mem[h.hourOfDay()] = h.freeMemGb();
            }
            harvestPng = AnalysisSection.png(HarvestChart.chart(cores, mem,
                    ChartStyle.footer(window, base.name())), charts, "whatif-harvest");
        }

        byte[] tradeOffPng = AnalysisSection.png(WhatIfCharts.tradeOff(tradeOffs(results), cur, footer),
                charts, "whatif-tradeoff");
        page(new Page(run, req, prepared, results, varying, links, sidePng, tradeOffPng, sweepCharts,
                harvestPng, window, runId, started));
        Files.write(run.resolve("deck.pptx"), Deck.whatIf(window, sidePng, findings(results, varying)));

        List<String> files = new ArrayList<>();
        try (var walk = Files.walk(run.dir())) {
            walk.filter(Files::isRegularFile).forEach(f -> files.add(run.dir().relativize(f).toString().replace('\\', '/')));
        }
        files.add("manifest.json");
        return files.stream().sorted().toList();
    }

    /** Parameter keys whose value differs from the base's in at least one point, in the file's key order. */
    static List<String> varying(List<WhatIfPoint> points) {
        Map<String, String> base = points.get(0).parameters();
        List<String> out = new ArrayList<>();
        for (String k : base.keySet()) {
            if (points.stream().anyMatch(p -> !Objects.equals(p.parameters().get(k), base.get(k)))) {
                out.add(k);
            }
        }
        return out;
    }

    /** Keys that vary among the sweep points (the swept parameters). */
    static List<String> sweptKeys(List<WhatIfPoint> points) {
        List<WhatIfPoint> sweep = points.stream().filter(p -> p.kind().equals("sweep")).toList();
        if (sweep.size() < 2) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String k : sweep.get(0).parameters().keySet()) {
            if (sweep.stream().map(p -> p.parameters().get(k)).distinct().count() > 1) {
                out.add(k);
            }
        }
        return out;
    }

    /** Sweep points: one line per combination of the other swept keys, x = this key's value. */
    static Map<String, Map<String, Double>> sweepSeries(List<WhatIfResult> results, String key,
                                                        java.util.function.ToDoubleFunction<WhatIfResult> y) {
        List<WhatIfPoint> points = results.stream().map(WhatIfResult::point).toList();
        List<String> others = new ArrayList<>(sweptKeys(points));
        others.remove(key);
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        for (WhatIfResult r : results) {
            if (!r.point().kind().equals("sweep") || !r.evaluated()) {
                continue;
            }
            Map<String, String> p = r.point().parameters();
            String series = others.isEmpty() ? "sweep" : String.join(", ", others.stream().map(k -> k + "=" + p.get(k)).toList());
            out.computeIfAbsent(series, k -> new LinkedHashMap<>()).put(p.get(key), y.applyAsDouble(r));
        }
        return out;
    }

    /** "00-base", "01-blades-only", "04-headroom_0.3": unique, safe as a folder name and a link. */
    static List<String> folders(List<WhatIfPoint> points) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            out.add(String.format(Locale.ROOT, "%02d-%s", i, slug(points.get(i).name())));
        }
        return out;
    }

    static String slug(String s) {
        String x = s.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[._]+", "");
        return x.isEmpty() ? "point" : x.length() > 60 ? x.substring(0, 60) : x;
    }

    static String column(String key) {
        return key.replace('.', '_');
    }

    static Table table(List<WhatIfResult> results, List<String> varying, List<String> folders) {
        Table t = Table.create("whatif");
        t.addColumns(IntColumn.create("point"), StringColumn.create("name"), StringColumn.create("kind"));
        for (String k : varying) {
            t.addColumns(StringColumn.create(column(k)));
        }
        t.addColumns(StringColumn.create("option"), BooleanColumn.create("recommended"),
                IntColumn.create("hosts_before"), IntColumn.create("hosts_after"), IntColumn.create("lower_bound"),
                DoubleColumn.create("gap"), IntColumn.create("kept_hosts"),
                DoubleColumn.create("kwh_before_per_year"), DoubleColumn.create("kwh_after_per_year"),
                DoubleColumn.create("kwh_saved_per_year"), DoubleColumn.create("cost_before_per_year"),
                DoubleColumn.create("fleet_cost_after_per_year"), DoubleColumn.create("provider_bill_per_year"),
                DoubleColumn.create("cost_after_per_year"), DoubleColumn.create("cost_saved_per_year"),
                DoubleColumn.create("co2e_before_t_per_year"), DoubleColumn.create("co2e_after_t_per_year"),
                DoubleColumn.create("co2e_saved_t_per_year"), DoubleColumn.create("capex"),
                DoubleColumn.create("payback_months"), DoubleColumn.create("tco_over_horizon"),
                DoubleColumn.create("contention_share"), IntColumn.create("offloaded_apps"),
                DoubleColumn.create("offloaded_cores"), DoubleColumn.create("offloaded_mem_gb"),
                DoubleColumn.create("offloaded_kwh_per_year"), DoubleColumn.create("harvest_core_hours_per_year"),
                StringColumn.create("solver_stopped_by"), LongColumn.create("solver_iterations"),
                StringColumn.create("folder"), StringColumn.create("note"), StringColumn.create("warnings"));
        for (int i = 0; i < results.size(); i++) {
            WhatIfResult r = results.get(i);
            Map<String, String> p = r.point().parameters();
            t.intColumn("point").append(r.index());
            t.stringColumn("name").append(r.name());
            t.stringColumn("kind").append(r.point().kind());
            for (String k : varying) {
                t.stringColumn(column(k)).append(p.get(k));
            }
            t.stringColumn("option").append(r.option());
            t.booleanColumn("recommended").append(r.recommended());
            t.intColumn("hosts_before").append(r.hostsBefore());
            t.intColumn("hosts_after").append(r.hostsAfter());
            t.intColumn("lower_bound").append(r.lowerBound());
            t.doubleColumn("gap").append(r.gap());
            t.intColumn("kept_hosts").append(r.keptHosts());
            t.doubleColumn("kwh_before_per_year").append(r.kwhBefore());
            t.doubleColumn("kwh_after_per_year").append(r.kwhAfter());
            t.doubleColumn("kwh_saved_per_year").append(r.kwhSaved());
            t.doubleColumn("cost_before_per_year").append(r.costBefore());
            t.doubleColumn("fleet_cost_after_per_year").append(r.fleetCostAfter());
            t.doubleColumn("provider_bill_per_year").append(r.providerBill());
            t.doubleColumn("cost_after_per_year").append(r.costAfter());
            t.doubleColumn("cost_saved_per_year").append(r.costSaved());
            t.doubleColumn("co2e_before_t_per_year").append(r.co2eBeforeT());
            t.doubleColumn("co2e_after_t_per_year").append(r.co2eAfterT());
            t.doubleColumn("co2e_saved_t_per_year").append(r.co2eSavedT());
            t.doubleColumn("capex").append(r.capex());
            t.doubleColumn("payback_months").append(Double.isFinite(r.paybackMonths()) ? r.paybackMonths() : Double.NaN);
            t.doubleColumn("tco_over_horizon").append(r.tcoOverHorizon());
            t.doubleColumn("contention_share").append(r.contentionShare());
            t.intColumn("offloaded_apps").append(r.offloadedApps().size());
            t.doubleColumn("offloaded_cores").append(r.offloadedCores());
            t.doubleColumn("offloaded_mem_gb").append(r.offloadedMemGb());
            t.doubleColumn("offloaded_kwh_per_year").append(r.offloadedKwh());
            t.doubleColumn("harvest_core_hours_per_year").append(r.harvestCoreHours());
            t.stringColumn("solver_stopped_by").append(r.stoppedBy());
            t.longColumn("solver_iterations").append(r.iterations());
            t.stringColumn("folder").append("points/" + folders.get(i));
            t.stringColumn("note").append(r.note());
            t.stringColumn("warnings").append(String.join(" | ", r.warnings()));
        }
        return t;
    }

    /** points/NN-name/: the point's plan tables, migration list and offloaded apps; returns the page's link. */
    static String writePoint(RunFolder run, WhatIfData prepared, WhatIfResult r, String folder) throws IOException {
        Path dir = run.resolve("points/" + folder);
        Files.createDirectories(dir);
        ConsolidationOutcome o = r.outcome();
        Set<String> off = new HashSet<>(r.offloadedApps());
        OptionInputs in = prepared.inputs().get(WhatIf.dataKey(r.point().scenario()));
        List<AppDemandVector> demand = in.fleet().demand();
        String link = null;
        for (Map.Entry<String, Table> e : PlanTables.options(o).entrySet()) {
            TableFiles.writeCsv(e.getValue(), dir.resolve(e.getKey() + ".csv"));
        }
        if (o.planned()) {
            List<AppDemandVector> stay = demand.stream().filter(v -> !off.contains(v.id())).toList();
            TableFiles.writeCsv(PlanTables.plan(o, stay, prepared.ingest().hosts().hosts()), dir.resolve("plan.csv"));
            TableFiles.writeCsv(PlanTables.summary(o, r.point().scenario()), dir.resolve("plan_summary.csv"));
            MigrationCsv.write(dir.resolve("migration.csv"), o.savings().migration(), in.physical());
            link = "points/" + folder + "/plan.csv";
        }
        if (r.point().offload() != null) {
            StringColumn app = StringColumn.create("app");
            StringColumn host = StringColumn.create("from_host");
            DoubleColumn cores = DoubleColumn.create("cpu_cores");
            DoubleColumn mem = DoubleColumn.create("mem_gb");
            DoubleColumn bill = DoubleColumn.create("provider_bill_per_year");
            for (AppDemandVector v : demand) {
                if (off.contains(v.id())) {
                    app.append(v.app());
                    host.append(v.host());
                    cores.append(v.cpuCores());
                    mem.append(v.memGb());
                    bill.append((v.cpuCores() * r.point().offload().pricePerCoreHour()
                            + v.memGb() * r.point().offload().pricePerGbHour()) * io.greenpack.savings.Savings.HOURS_PER_YEAR);
                }
            }
            TableFiles.writeCsv(Table.create("offloaded", app, host, cores, mem, bill), dir.resolve("offloaded.csv"));
            if (link == null) {
                link = "points/" + folder + "/offloaded.csv";
            }
        }
        if (link == null) {
            Files.writeString(dir.resolve("README.txt"), "No plan for this point: " + r.note() + "\n");
            link = "points/" + folder + "/README.txt";
        }
        return link;
    }

    /** Parameters that are fractions and read as percentages. */
    static final Set<String> PERCENT_KEYS = Set.of("headroom", "hypervisor.cpu_overhead");

    /** "headroom 30 %, pue 1.4" / "offload: owners analytics @ …" / "harvest: 50 % of free capacity". */
    static String changes(WhatIfPoint p, Map<String, String> base, List<String> varying) {
        Map<String, String> mine = p.parameters();
        List<String> parts = new ArrayList<>();
        for (String k : varying) {
            if (Objects.equals(mine.get(k), base.get(k))) {
                continue;
            }
            if (k.equals("offload")) {
                parts.add("offload " + mine.get(k));
            } else if (k.equals("harvest.share")) {
                parts.add("harvest " + num(100 * Double.parseDouble(mine.get(k)), 0) + " % of free capacity");
            } else if (PERCENT_KEYS.contains(k)) {
                parts.add(k.replace('_', ' ') + " " + num(100 * Double.parseDouble(mine.get(k)), 0) + " %");
            } else {
                parts.add(k + " " + mine.get(k));
            }
        }
        return parts.isEmpty() ? "same as baseline" : String.join(", ", parts);
    }

    /** Parameters that are outside changes (prices, grid, building), not choices a plan can make. */
    static final Set<String> EXTERNAL = Set.of("tariff_per_kwh", "grid_gco2e_per_kwh", "pue", "currency");

    /** True when the point differs from the base only in outside changes: a sensitivity, not an option. */
    static boolean sensitivity(WhatIfPoint p, Map<String, String> base) {
        List<String> changed = p.parameters().keySet().stream()
                .filter(k -> !Objects.equals(p.parameters().get(k), base.get(k))).toList();
        return !changed.isEmpty() && EXTERNAL.containsAll(changed);
    }

    private static List<WhatIfCharts.TradeOff> tradeOffs(List<WhatIfResult> results) {
        Map<String, String> base = results.get(0).point().parameters();
        List<WhatIfCharts.TradeOff> out = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            WhatIfResult r = results.get(i);
            if (i == 0 || !sensitivity(r.point(), base)) {
                out.add(new WhatIfCharts.TradeOff(r.name(), r.costSaved(), r.contentionShare(), i == 0));
            }
        }
        return out;
    }

    /**
     * "same plan as headroom_0.1: the binding constraint is memory (hosts 81 % full on memory,
     * 42 % on CPU)" for a point whose plan puts every app where an earlier option point did; empty otherwise.
     */
    static String plateau(List<WhatIfResult> results, int i) {
        WhatIfResult r = results.get(i);
        if (!r.outcome().planned()) {
            return "";
        }
        Map<String, String> base = results.get(0).point().parameters();
        for (int j = 0; j < i; j++) {
            WhatIfResult e = results.get(j);
            if (e.outcome().planned() && !sensitivity(e.point(), base) && placement(e).equals(placement(r))) {
                var hosts = r.outcome().plan().hosts();
                double cpu = hosts.stream().mapToDouble(io.greenpack.optimize.HostPlan::cpuLoadFraction).average().orElse(0);
                double mem = hosts.stream().mapToDouble(io.greenpack.optimize.HostPlan::memLoadFraction).average().orElse(0);
                return "same plan as " + e.name() + ": the binding constraint is " + (mem >= cpu ? "memory" : "CPU")
                        + " (hosts " + VerdictText.percent(Math.max(cpu, mem)) + " full on it, "
                        + VerdictText.percent(Math.min(cpu, mem)) + " on " + (mem >= cpu ? "CPU" : "memory") + ")";
            }
        }
        return "";
    }

    private static Map<String, List<String>> placement(WhatIfResult r) {
        Map<String, List<String>> out = new java.util.TreeMap<>();
        r.outcome().plan().hosts().forEach(h -> out.put(h.model() + "/" + h.host(), h.apps().stream().sorted().toList()));
        return out;
    }

    /** Up to six sentences for the slide and the page: options compared among options, sensitivities apart. */
    static List<String> findings(List<WhatIfResult> results, List<String> varying) {
        List<String> out = new ArrayList<>();
        WhatIfResult base = results.get(0);
        Map<String, String> baseParams = base.point().parameters();
        String cur = base.point().scenario().currency();
        if (base.evaluated()) {
            out.add(String.format(Locale.ROOT, "Baseline (%s), option %s%s: %d hosts become %d, saving %s %s and %s t CO2e "
                            + "per year.", base.name(), base.option(), base.recommended() ? "" : " (not recommended)",
                    base.hostsBefore(), base.hostsAfter(), num(base.costSaved(), 0), cur, num(base.co2eSavedT(), 1)));
        }
        List<WhatIfResult> options = results.stream().filter(WhatIfResult::evaluated)
                .filter(r -> !sensitivity(r.point(), baseParams)).toList();
        options.stream().max(java.util.Comparator.comparingDouble(WhatIfResult::costSaved)
                        .thenComparing(WhatIfResult::index, java.util.Comparator.reverseOrder()))
                .ifPresent(b -> out.add(String.format(Locale.ROOT, "Most money saved among the options: %s, %s %s per year "
                                + "with %d hosts%s.", b.name(), num(b.costSaved(), 0), cur, b.hostsAfter(),
                        b.providerBill() > 0 ? " (after a provider bill of " + num(b.providerBill(), 0) + " " + cur + ")" : "")));
        options.stream().min(java.util.Comparator.comparingInt(WhatIfResult::hostsAfter).thenComparingInt(WhatIfResult::index))
                .ifPresent(b -> out.add(String.format(Locale.ROOT, "Fewest hosts: %s, %d hosts, %s.", b.name(),
                        b.hostsAfter(), b.costSaved() >= 0 ? "saving " + num(b.costSaved(), 0) + " " + cur + " per year"
                                : "costing " + num(-b.costSaved(), 0) + " " + cur + " per year more than today")));
        for (WhatIfResult r : results) {
            if (r.evaluated() && sensitivity(r.point(), baseParams)) {
                out.add(String.format(Locale.ROOT, "Sensitivity, not an option: with %s the same kind of plan saves %s %s "
                        + "per year (baseline %s).", changes(r.point(), baseParams, varying), num(r.costSaved(), 0), cur,
                        num(base.costSaved(), 0)));
            }
        }
        out.add(results.size() + " points evaluated on the same data; every point has its plan in the run folder.");
        return out;
    }

    /** Everything the what-if page reads. */
    record Page(RunFolder run, WhatIfSource req, WhatIfData prepared, List<WhatIfResult> results,
                List<String> varying, List<String> links, byte[] sidePng, byte[] tradeOffPng,
                Map<String, byte[]> sweepCharts, byte[] harvestPng, String window, String runId, Instant started) {
        WhatIfResult base() {
            return results.get(0);
        }

        String currency() {
            return base().point().scenario().currency();
        }
    }

    private static void page(Page p) throws IOException {
        HtmlReport html = new HtmlReport().wide();
        html.title("greenpack what-if");
        html.subtitle("Data " + p.req().dataDir().getFileName() + " \u00b7 " + p.window() + " \u00b7 scenarios "
                + p.req().scenariosFile().getFileName() + " \u00b7 " + p.results().size() + " points");
        summarySection(html, p);
        comparisonSection(html, p);
        chartsSection(html, p);
        methodSection(html, p);
        IngestSection.add(html, p.prepared().ingest());
        html.section("glossary", "Glossary");
        html.glossary(Glossary.TERMS);
        html.footer("greenpack " + io.greenpack.util.Version.current() + " \u00b7 run " + p.runId()
                + " \u00b7 generated " + DateTimeFormatter.ISO_INSTANT.format(p.started().atOffset(ZoneOffset.UTC)));
        html.write(p.run().resolve("index.html"));
    }

    private static void summarySection(HtmlReport html, Page p) {
        WhatIfResult base = p.base();
        String cur = p.currency();
        html.section("summary", "Summary");
        List<HtmlReport.KeyNumber> tiles = new ArrayList<>();
        tiles.add(new HtmlReport.KeyNumber("points evaluated", String.valueOf(p.results().size()), "each as a Spark task", false));
        tiles.add(new HtmlReport.KeyNumber("hosts today", String.valueOf(base.hostsBefore()),
                "measured; every one is in the plans (pinned and dedicated apps stay on their hosts)", false));
        if (base.evaluated()) {
            tiles.add(new HtmlReport.KeyNumber("baseline saves", num(base.costSaved(), 0) + " " + cur + "/year",
                    base.option() + ": " + base.hostsAfter() + " hosts after; modelled: plan through power curves", true));
        }
        html.keyNumbers(tiles);
        if (base.outcome().verdict() != null) {
            html.paragraph("Baseline verdict, as greenpack report gives it for the same data and scenario: "
                    + base.outcome().verdict().sentence());
        }
        WhatIf.warnings(p.results()).forEach((w, names) ->
                html.warning("In " + WhatIf.whichPoints(names, p.results().size()) + ": " + w));
        findings(p.results(), p.varying()).forEach(html::paragraph);
        VerdictText.shortWindow(base.outcome().planned() ? base.outcome().savings().windowHours()
                : Double.POSITIVE_INFINITY).ifPresent(html::warning);
    }

    private static void comparisonSection(HtmlReport html, Page p) {
        String cur = p.currency();
        Map<String, String> baseParams = p.base().point().parameters();
        html.section("comparison", "Points compared");
        html.paragraph("One row per point; the baseline (the file's base: scenario) is highlighted. Every point plans the "
                + "same four options as greenpack report (decommission, reuse, refresh, best) and shows the one its verdict "
                + "recommends (else the lowest-cost one, marked not recommended). Money, energy and CO2e are per year and "
                + "modelled (the plan through power curves against metered energy scaled to a year); energy is facility "
                + "energy (IT \u00d7 PUE); cost = energy + support and licences, plus the provider's bill for offloaded "
                + "apps. Capex: hardware bought and moves; TCO: cost after \u00d7 " + num(p.base().point().scenario()
                .horizonYears(), 0) + " years + capex. Contention risk: share of host-intervals in which the plan, replayed "
                + "against every measured interval, went over capacity \u00d7 (1 \u2212 headroom). Click a name for the "
                + "point's plan (plan.csv; plan_options.csv, migration.csv and offloaded.csv next to it). Full table: "
                + "whatif.csv.");
        List<String> headers = List.of("point", "what changes", "option", "hosts after (of " + p.base().hostsBefore() + ")",
                "saved " + cur + "/year", "capex " + cur, "payback", "TCO " + cur, "contention risk", "t CO2e saved/year",
                cur + "/year after", "of which provider", "lower bound");
        List<List<String>> options = new ArrayList<>();
        List<String> optionLinks = new ArrayList<>();
        List<List<String>> sensitivities = new ArrayList<>();
        List<String> sensitivityLinks = new ArrayList<>();
        for (int i = 0; i < p.results().size(); i++) {
            WhatIfResult r = p.results().get(i);
            boolean sens = i > 0 && sensitivity(r.point(), baseParams);
            (sens ? sensitivities : options).add(row(p, i));
            (sens ? sensitivityLinks : optionLinks).add(p.links().get(i));
        }
        html.table("What-if points (baseline highlighted)", headers, options, NUMERIC, Set.of(0),
                optionLinks);
        // Notes below the table, one line per point, so the table's numbers stay in one screen width.
        for (int i = 0; i < p.results().size(); i++) {
            String note = note(p, i);
            if (!note.isEmpty()) {
                html.paragraph(p.results().get(i).name() + ": " + note + (note.endsWith(".") ? "" : "."));
            }
        }
        if (!sensitivities.isEmpty()) {
            html.section("sensitivity", "Sensitivity: outside changes");
            html.paragraph("These points change a price or the grid, not the fleet: they show how the baseline's savings "
                    + "move if the world changes, and are not options to choose.");
            html.table("Sensitivity points", headers, sensitivities, NUMERIC, Set.of(),
                    sensitivityLinks);
        }
    }

    /** The comparison table's numeric columns (right-aligned). */
    private static final Set<Integer> NUMERIC = Set.of(3, 4, 5, 7, 8, 9, 10, 11, 12);

    private static List<String> row(Page p, int i) {
        WhatIfResult r = p.results().get(i);
        Map<String, String> baseParams = p.base().point().parameters();
        List<String> row = new ArrayList<>();
        row.add(r.name());
        row.add(r.index() == 0 ? "baseline" : changes(r.point(), baseParams, p.varying()));
        row.add(r.option().isEmpty() ? "\u2013" : r.recommended() ? r.option() : r.option() + " (not recommended)");
        row.add(r.evaluated() ? String.valueOf(r.hostsAfter()) : "\u2013");
        row.add(num(r.costSaved(), 0));
        row.add(num(r.capex(), 0));
        row.add(!r.evaluated() ? "\u2013" : Double.isInfinite(r.paybackMonths()) ? "never"
                : r.capex() == 0 ? "nothing to buy" : num(r.paybackMonths(), 0) + " months");
        row.add(num(r.tcoOverHorizon(), 0));
        // A share that rounds to 0.0 % but is not zero says so: the replay did go over somewhere.
        row.add(r.contentionShare() > 0 && r.contentionShare() < 0.0005 ? "< 0.1 %" : VerdictText.percent(r.contentionShare()));
        row.add(num(r.co2eSavedT(), 1));
        row.add(num(r.costAfter(), 0));
        row.add(r.point().offload() == null ? "" : num(r.providerBill(), 0));
        row.add(r.outcome().planned() ? String.valueOf(r.lowerBound()) : "\u2013");
        return row;
    }

    /** The point's note: why it has no plan, its plateau, harvest and offload facts; empty when none. */
    private static String note(Page p, int i) {
        WhatIfResult r = p.results().get(i);
        Map<String, String> baseParams = p.base().point().parameters();
        List<String> notes = new ArrayList<>();
        if (!r.note().isEmpty()) {
            notes.add(r.note());
        }
        String same = plateau(p.results(), i);
        // Harvest and offload keep the base's plan by design; a plateau is news only for a changed setting.
        if (!same.isEmpty() && !sensitivity(r.point(), baseParams) && r.point().harvest() == null
                && r.point().offload() == null) {
            notes.add(same);
        }
        if (r.point().harvest() != null) {
            notes.add("batch work gets " + num(r.harvestCoreHours(), 0) + " core-hours/year");
        }
        if (r.point().offload() != null) {
            notes.add(r.offloadedApps().size() + " apps offloaded (the provider's bill is counted in every option of "
                    + "the point, so it does not change which option leads)");
        }
        return String.join("; ", notes);
    }

    private static void chartsSection(HtmlReport html, Page p) {
        html.section("charts", "Charts");
        html.image("Savings against replayed contention risk per what-if point, baseline in purple", p.tradeOffPng());
        html.paragraph("Each dot is an option point: further right means co-hosted demand exceeded capacity more often "
                + "when the plan was replayed against the measured intervals. The knee is where a little more saving "
                + "costs much more contention.");
        if (p.results().stream().map(WhatIfResult::contentionShare).filter(Double::isFinite).allMatch(c -> c == 0)) {
            html.note("No point's plan exceeded a host's capacity in any replayed interval: within this data window "
                    + "the savings cost no contention, so the choice rests on money and hardware.");
        }
        html.image("What-if points side by side: money saved per year and hosts after, baseline in purple", p.sidePng());
        p.sweepCharts().forEach(html::image);
        if (!p.sweepCharts().isEmpty()) {
            html.paragraph("The optimizer minimises energy over the horizon, not the number of hosts: with several "
                    + "target models, more headroom can lead to fewer but larger hosts, and a cheaper plan can use more hosts.");
        }
        if (p.harvestPng() != null) {
            html.section("harvest", "Harvest");
            html.paragraph("Harvest scenarios keep the plan's free capacity on for batch work instead of idling it. "
                    + "This is the free capacity of the baseline plan per hour of day, after headroom and the batch VMs' "
                    + "hypervisor overhead; a harvest scenario uses its share of it, and its energy after includes that "
                    + "extra load through the hosts' power curves.");
            html.image("Harvestable capacity of the baseline plan by hour of day", p.harvestPng());
        }
    }

    private static void methodSection(HtmlReport html, Page p) {
        html.section("method", "How the points were computed");
        html.paragraph("The data was read once and analysed once per distinct sizing setting (percentile, hourly sizing, "
                + "idle policy: " + p.prepared().analyses().size() + " here). Every point then had its four options "
                + "(decommission, reuse, refresh, best; your hosts and the new models as candidates, pinned and dedicated "
                + "apps fixed to their hosts; one percentile over the window and one per hour of day) planned and costed in "
                + "its own Spark task with the same optimizer and rules as greenpack report; then every option of every "
                + "point was replayed against the measured demand in one Spark job, and the same verdict rule picked each "
                + "point's option. A point equal to the report's scenario has the report's plan.");
        html.paragraph(String.format(Locale.ROOT, "Reproducible: the optimizer (seed %d) stops after %,d iterations and never "
                        + "on the clock, so the same file and data give the same table on any machine.",
                p.req().solver().seed(), p.req().solver().maxIterations()));
        html.paragraph("Offload: the named apps, owners or classes leave the packing; their hosts' energy leaves the fleet "
                + "with them, and the provider's bill (sized cores \u00d7 8,760 h \u00d7 price per core-hour + sized GB "
                + "\u00d7 8,760 h \u00d7 price per GB-hour) is added to the cost after. The provider's CO2e is not counted.");
        html.paragraph("Harvest: batch work uses the given share of each plan host's free capacity (after headroom), hour "
                + "by hour; the energy after includes that extra load, and the batch work's useful core-hours are shown "
                + "after the hypervisor overhead. The plan and the option are the plain point's: harvest uses a plan, it "
                + "does not choose one.");
    }
}
