package io.greenpack.report;

import io.greenpack.ingest.RejectsFile;
import io.greenpack.chart.ChartFiles;
import io.greenpack.chart.ChartStyle;
import io.greenpack.chart.HarvestChart;
import io.greenpack.chart.WhatIfCharts;
import io.greenpack.config.WhatIfPoint;
import io.greenpack.consolidate.ConsolidationOutcome;
import io.greenpack.savings.HarvestHour;
import io.greenpack.model.AppDemandVector;
import io.greenpack.table.PlanTables;
import io.greenpack.table.TableFiles;
import io.greenpack.table.TableWriter;
import io.greenpack.whatif.WhatIf;
import io.greenpack.whatif.WhatIfData;
import io.greenpack.whatif.WhatIfResult;
import org.jfree.chart.JFreeChart;
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
                              List<WhatIfResult> results, String runId, Instant started) throws IOException {
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
        JFreeChart side = WhatIfCharts.sideBySide("Scenarios side by side (" + cur + " saved per year, hosts after)",
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

        page(run, req, prepared, results, varying, links, sidePng, sweepCharts, harvestPng, window, runId, started);
        Files.write(run.resolve("deck.pptx"), Deck.whatIf(window, sidePng, findings(results)));

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
        t.addColumns(IntColumn.create("hosts_before"), IntColumn.create("hosts_after"), IntColumn.create("lower_bound"),
                DoubleColumn.create("gap"), IntColumn.create("kept_hosts"),
                DoubleColumn.create("kwh_before_per_year"), DoubleColumn.create("kwh_after_per_year"),
                DoubleColumn.create("kwh_saved_per_year"), DoubleColumn.create("cost_before_per_year"),
                DoubleColumn.create("energy_cost_after_per_year"), DoubleColumn.create("provider_bill_per_year"),
                DoubleColumn.create("cost_after_per_year"), DoubleColumn.create("cost_saved_per_year"),
                DoubleColumn.create("co2e_before_t_per_year"), DoubleColumn.create("co2e_after_t_per_year"),
                DoubleColumn.create("co2e_saved_t_per_year"), DoubleColumn.create("hardware_cost"),
                DoubleColumn.create("payback_months"), IntColumn.create("offloaded_apps"),
                DoubleColumn.create("offloaded_cores"), DoubleColumn.create("offloaded_mem_gb"),
                DoubleColumn.create("offloaded_kwh_per_year"), DoubleColumn.create("harvest_core_hours_per_year"),
                StringColumn.create("solver_stopped_by"), LongColumn.create("solver_iterations"),
                StringColumn.create("folder"), StringColumn.create("note"));
        for (int i = 0; i < results.size(); i++) {
            WhatIfResult r = results.get(i);
            Map<String, String> p = r.point().parameters();
            t.intColumn("point").append(r.index());
            t.stringColumn("name").append(r.name());
            t.stringColumn("kind").append(r.point().kind());
            for (String k : varying) {
                t.stringColumn(column(k)).append(p.get(k));
            }
            t.intColumn("hosts_before").append(r.hostsBefore());
            t.intColumn("hosts_after").append(r.hostsAfter());
            t.intColumn("lower_bound").append(r.lowerBound());
            t.doubleColumn("gap").append(r.gap());
            t.intColumn("kept_hosts").append(r.keptHosts());
            t.doubleColumn("kwh_before_per_year").append(r.kwhBefore());
            t.doubleColumn("kwh_after_per_year").append(r.kwhAfter());
            t.doubleColumn("kwh_saved_per_year").append(r.kwhSaved());
            t.doubleColumn("cost_before_per_year").append(r.costBefore());
            t.doubleColumn("energy_cost_after_per_year").append(r.energyCostAfter());
            t.doubleColumn("provider_bill_per_year").append(r.providerBill());
            t.doubleColumn("cost_after_per_year").append(r.costAfter());
            t.doubleColumn("cost_saved_per_year").append(r.costSaved());
            t.doubleColumn("co2e_before_t_per_year").append(r.co2eBeforeT());
            t.doubleColumn("co2e_after_t_per_year").append(r.co2eAfterT());
            t.doubleColumn("co2e_saved_t_per_year").append(r.co2eSavedT());
            t.doubleColumn("hardware_cost").append(r.hardwareCost());
            t.doubleColumn("payback_months").append(Double.isFinite(r.paybackMonths()) ? r.paybackMonths() : Double.NaN);
            t.intColumn("offloaded_apps").append(r.offloadedApps().size());
            t.doubleColumn("offloaded_cores").append(r.offloadedCores());
            t.doubleColumn("offloaded_mem_gb").append(r.offloadedMemGb());
            t.doubleColumn("offloaded_kwh_per_year").append(r.offloadedKwh());
            t.doubleColumn("harvest_core_hours_per_year").append(r.harvestCoreHours());
            t.stringColumn("solver_stopped_by").append(r.stoppedBy());
            t.longColumn("solver_iterations").append(r.iterations());
            t.stringColumn("folder").append("points/" + folders.get(i));
            t.stringColumn("note").append(r.note());
        }
        return t;
    }

    /** points/NN-name/: the point's plan tables, migration list and offloaded apps; returns the page's link. */
    static String writePoint(RunFolder run, WhatIfData prepared, WhatIfResult r, String folder) throws IOException {
        Path dir = run.resolve("points/" + folder);
        Files.createDirectories(dir);
        ConsolidationOutcome o = r.outcome();
        Set<String> off = new HashSet<>(r.offloadedApps());
        List<AppDemandVector> demand = prepared.inputs().get(WhatIf.dataKey(r.point().scenario())).demand();
        String link = null;
        if (o.planned()) {
            List<AppDemandVector> stay = demand.stream().filter(v -> !off.contains(v.id())).toList();
            TableFiles.writeCsv(PlanTables.plan(o, stay, prepared.ingest().hosts().hosts()), dir.resolve("plan.csv"));
            TableFiles.writeCsv(PlanTables.summary(o, r.point().scenario()), dir.resolve("plan_summary.csv"));
            MigrationCsv.write(dir.resolve("migration.csv"), o.savings().migration());
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

    /** "headroom 0.3, pue 1.4" / "offload: owners analytics @ …" / "harvest: 50 % of free capacity". */
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
            } else {
                parts.add(k + " " + mine.get(k));
            }
        }
        return parts.isEmpty() ? "same as baseline" : String.join(", ", parts);
    }

    /** Up to four sentences for the slide and the summary. */
    static List<String> findings(List<WhatIfResult> results) {
        List<String> out = new ArrayList<>();
        WhatIfResult base = results.get(0);
        String cur = base.point().scenario().currency();
        if (base.evaluated()) {
            out.add(String.format(Locale.ROOT, "Baseline (%s): %d hosts become %d, saving %s %s and %s t CO2e per year.",
                    base.name(), base.hostsBefore(), base.hostsAfter(), num(base.costSaved(), 0), cur, num(base.co2eSavedT(), 1)));
        }
        results.stream().filter(WhatIfResult::evaluated).max(java.util.Comparator.comparingDouble(WhatIfResult::costSaved)
                        .thenComparing(WhatIfResult::index, java.util.Comparator.reverseOrder()))
                .ifPresent(b -> out.add(String.format(Locale.ROOT, "Most money saved: %s, %s %s per year with %d hosts%s.",
                        b.name(), num(b.costSaved(), 0), cur, b.hostsAfter(),
                        b.providerBill() > 0 ? " (after a provider bill of " + num(b.providerBill(), 0) + " " + cur + ")" : "")));
        results.stream().filter(WhatIfResult::evaluated).min(java.util.Comparator.comparingInt(WhatIfResult::hostsAfter)
                        .thenComparingInt(WhatIfResult::index))
                .ifPresent(b -> out.add(String.format(Locale.ROOT, "Fewest hosts: %s, %d hosts.", b.name(), b.hostsAfter())));
        out.add(results.size() + " scenarios evaluated on the same data; every point has its plan in the run folder.");
        return out;
    }

    private static void page(RunFolder run, WhatIfSource req, WhatIfData prepared, List<WhatIfResult> results,
                             List<String> varying, List<String> links, byte[] sidePng, Map<String, byte[]> sweepCharts,
                             byte[] harvestPng, String window, String runId, Instant started) throws IOException {
        WhatIfResult base = results.get(0);
        String cur = base.point().scenario().currency();
        HtmlReport html = new HtmlReport();
        html.title("greenpack what-if");
        html.subtitle("Data " + req.dataDir().getFileName() + " \u00b7 " + window + " \u00b7 scenarios "
                + req.scenariosFile().getFileName() + " \u00b7 " + results.size() + " points");
        html.section("summary", "Summary");
        List<HtmlReport.KeyNumber> tiles = new ArrayList<>();
        tiles.add(new HtmlReport.KeyNumber("points evaluated", String.valueOf(results.size()), "each as a Spark task", false));
        tiles.add(new HtmlReport.KeyNumber("hosts today", String.valueOf(base.hostsBefore()),
                "that can be consolidated (hosts with pinned or dedicated apps stay as they are)", false));
        if (base.evaluated()) {
            tiles.add(new HtmlReport.KeyNumber("baseline saves", num(base.costSaved(), 0) + " " + cur,
                    "per year, " + base.hostsAfter() + " hosts after", true));
        }
        results.stream().filter(WhatIfResult::evaluated).max(java.util.Comparator.comparingDouble(WhatIfResult::costSaved)
                        .thenComparing(WhatIfResult::index, java.util.Comparator.reverseOrder()))
                .ifPresent(b -> tiles.add(new HtmlReport.KeyNumber("most saved", num(b.costSaved(), 0) + " " + cur,
                        "per year: " + b.name(), true)));
        html.keyNumbers(tiles);
        findings(results).forEach(html::paragraph);

        html.section("comparison", "Comparison");
        html.paragraph("One row per point. The baseline (the file's base: scenario) is highlighted and marked. "
                + "Figures are per year: energy is facility energy (IT \u00d7 PUE); cost after = energy cost after + the "
                + "provider's bill for offloaded apps; CO2e counts our fleet only. Click a name for the point's full plan "
                + "(plan.csv; plan_summary.csv, migration.csv and offloaded.csv are next to it). Full table: whatif.csv.");
        List<String> headers = List.of("point", "what changes", "hosts today", "hosts after", "saved " + cur + "/yr",
                "t CO2e saved/yr", "payback (months)", "MWh/yr after", cur + "/yr after", "of which provider",
                "lower bound", "note");
        Set<Integer> numeric = Set.of(2, 3, 4, 5, 6, 7, 8, 9, 10);
        Map<String, String> baseParams = base.point().parameters();
        List<List<String>> rows = new ArrayList<>();
        for (WhatIfResult r : results) {
            List<String> row = new ArrayList<>();
            row.add(r.name());
            row.add(r.index() == 0 ? "baseline" : changes(r.point(), baseParams, varying));
            row.add(String.valueOf(r.hostsBefore()));
            row.add(r.evaluated() ? String.valueOf(r.hostsAfter()) : "\u2013");
            row.add(num(r.costSaved(), 0));
            row.add(num(r.co2eSavedT(), 1));
            row.add(Double.isInfinite(r.paybackMonths()) ? "never" : num(r.paybackMonths(), 0));
            row.add(num(r.kwhAfter() / 1000, 1));
            row.add(num(r.costAfter(), 0));
            row.add(r.point().offload() == null ? "" : num(r.providerBill(), 0));
            row.add(r.outcome().planned() ? String.valueOf(r.lowerBound()) : "\u2013");
            String note = r.note();
            if (r.point().harvest() != null) {
                note = (note.isEmpty() ? "" : note + "; ") + "batch work gets " + num(r.harvestCoreHours(), 0) + " core-hours/yr";
            }
            if (r.point().offload() != null) {
                note = (note.isEmpty() ? "" : note + "; ") + r.offloadedApps().size() + " apps offloaded";
                if (r.hostsBefore() != base.hostsBefore()) {
                    note += "; hosts kept for pinned apps join the comparison";
                }
            }
            row.add(note);
            rows.add(row);
        }
        html.table("What-if points (baseline highlighted)", headers, rows, numeric, Set.of(0), links);

        html.section("charts", "Charts");
        html.image("Scenarios side by side: money saved per year and hosts after, baseline in orange", sidePng);
        sweepCharts.forEach(html::image);
        if (!sweepCharts.isEmpty()) {
            html.paragraph("The optimizer minimises energy over the horizon, not the number of hosts: with several "
                    + "target models, more headroom can lead to fewer but larger hosts, and a cheaper plan can use more hosts.");
        }
        if (harvestPng != null) {
            html.section("harvest", "Harvest");
            html.paragraph("Harvest scenarios keep the plan's free capacity on for batch work instead of idling it. "
                    + "This is the free capacity of the baseline plan per hour of day, after headroom and the batch VMs' "
                    + "hypervisor overhead; a harvest scenario uses its share of it, and its energy after includes that "
                    + "extra load through the hosts' power curves.");
            html.image("Harvestable capacity of the baseline plan by hour of day", harvestPng);
        }

        html.section("method", "How the points were computed");
        html.paragraph("The data was read once and analysed once per distinct sizing setting (percentile, hourly sizing, "
                + "idle policy: " + prepared.analyses().size() + " here). Every point was then planned and costed in its own "
                + "Spark task with the same optimizer and savings rules as greenpack report, without the contention replay.");
        html.paragraph(String.format(Locale.ROOT, "Reproducible: the optimizer (seed %d) stops after %,d iterations and never "
                        + "on the clock, so the same file and data give the same table on any machine.",
                req.solver().seed(), req.solver().maxIterations()));
        html.paragraph("Offload: the named apps, owners or classes leave the packing; their hosts' energy leaves the fleet "
                + "with them, and the provider's bill (sized cores \u00d7 8,760 h \u00d7 price per core-hour + sized GB "
                + "\u00d7 8,760 h \u00d7 price per GB-hour) is added to the cost after. The provider's CO2e is not counted.");
        html.paragraph("Harvest: batch work uses the given share of each new host's free capacity (after headroom), hour by "
                + "hour; the energy after includes that extra load, and the batch work's useful core-hours are shown after "
                + "the hypervisor overhead. The hosts are the plan's.");
        IngestSection.add(html, prepared.ingest());
        html.footer("greenpack " + io.greenpack.util.Version.current() + " \u00b7 run " + runId
                + " \u00b7 generated " + DateTimeFormatter.ISO_INSTANT.format(started.atOffset(ZoneOffset.UTC)));
        html.write(run.resolve("index.html"));
    }
}
