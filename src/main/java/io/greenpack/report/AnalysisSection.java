package io.greenpack.report;

import io.greenpack.chart.BarChart;
import io.greenpack.chart.ChartFiles;
import io.greenpack.chart.Palette;
import io.greenpack.chart.PowerCurveChart;
import io.greenpack.model.AppClassification;
import io.greenpack.savings.Provenance;
import io.greenpack.correlate.Analysis;
import io.greenpack.correlate.AnalysisResult;
import io.greenpack.correlate.AppEnergy;
import io.greenpack.correlate.FleetEfficiency;
import io.greenpack.correlate.HostEfficiency;
import io.greenpack.correlate.ModelledPower;
import io.greenpack.correlate.OwnerShowback;
import io.greenpack.correlate.PowerModel;
import io.greenpack.correlate.ScatterPoint;
import org.jfree.chart.JFreeChart;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The analysis sections of the HTML report (DESIGN §3, §4): power models with the
 * utilization-vs-watts chart, energy by application, idle waste, energy proportionality and
 * comatose hosts, workload classes, showback. Charts are written to {@code chartsDir} as PNG and
 * SVG and embedded in the page.
 */
public final class AnalysisSection {
    static final int TOP_APPS = 20;
    static final int TOP_HOSTS = 25;

    private AnalysisSection() {
    }

    /** Key figures for the summary tiles. */
    public static List<HtmlReport.KeyNumber> keyNumbers(AnalysisResult r) {
        FleetEfficiency f = r.fleet();
        String cur = r.scenario().currency();
        // Metered IT energy × scenario factors (PUE, tariff, grid intensity): the same provenance as
        // the savings section gives today's facility energy, cost and CO2e.
        Provenance factor = r.modelledHosts() > 0 ? Provenance.MODELLED_NO_METER : Provenance.MEASURED_TIMES_FACTOR;
        return List.of(
                new HtmlReport.KeyNumber("facility energy", String.format(Locale.ROOT, "%,.0f kWh", f.facilityKwh()),
                        String.format(Locale.ROOT, "over the data window: metered IT %,.0f kWh × PUE %.2f", f.kwh(),
                                r.scenario().pue()), factor),
                new HtmlReport.KeyNumber("energy cost", String.format(Locale.ROOT, "%,.0f %s", f.cost(), cur),
                        String.format(Locale.ROOT, "over the data window, facility energy at %.3f %s/kWh",
                                r.scenario().tariffPerKwh(), cur), factor),
                new HtmlReport.KeyNumber("CO2e", String.format(Locale.ROOT, "%,.0f kg", f.co2eKg()),
                        "over the data window, facility energy × grid intensity", factor),
                new HtmlReport.KeyNumber("idle share", pct(f.idleKwh() / f.kwh()),
                        "of IT energy is the servers' idle power (what they draw at zero load); modelled from the "
                                + "power curves' idle watts over the window", true),
                new HtmlReport.KeyNumber("comatose hosts", String.valueOf(f.comatoseHosts()),
                        "p95 CPU < 5 % and no app above 0.05 cores", false),
                new HtmlReport.KeyNumber("hosts metered", r.meteredHosts() + " of " + r.hosts().size(),
                        r.modelledHosts() + " " + ModelledPower.LABEL, false));
    }

    /** What the analysis sections read: the page, the result, where charts go and their footer. */
    record Request(HtmlReport html, AnalysisResult r, Path chartsDir, String footer) {
    }

    public static void add(HtmlReport html, AnalysisResult r, Path chartsDir, String footer) {
        Request req = new Request(html, r, chartsDir, footer);
        powerModels(req);
        appEnergy(req);
        hostEfficiency(req);
        workloadClasses(req);
        showback(req);
    }

    private static void powerModels(Request req) {
        HtmlReport html = req.html();
        AnalysisResult r = req.r();
        Path chartsDir = req.chartsDir();
        String footer = req.footer();
        html.section("power-models", "Power models");
        html.paragraph("Each hardware model's power is fitted against CPU utilization u (busy cores / cores): linear, "
                + "Fan et al. (2007) P(u) = P_idle + (P_max − P_idle)(2u − u^r) with r fitted, and piecewise-linear through "
                + "11 points (the SPECpower_ssj2008 shape). The family is chosen by 5-fold cross-validated MAPE over "
                + "6-hour blocks; a more complex curve must win by at least 0.2 points and 5 %. Every fit is held to a "
                + "physical curve (idle ≥ 0, max ≥ idle, never falling). Models with too few samples, too little spread in u "
                + "or a cross-validated MAPE above 15 % fall back to their hosts' nameplate watts, else their targets.csv "
                + "curve, else a default curve by cores from published SPECpower_ssj2008 results (reason: \"fallback: …\"). "
                + "Hosts without power samples are modelled the same way from their utilization and marked modelled (no meter).");
        List<List<String>> rows = new ArrayList<>();
        for (PowerModel m : r.powerModels().values().stream().sorted(Comparator.comparing(PowerModel::model)).toList()) {
            rows.add(List.of(m.model(), m.family().key(), m.source(), num(m.idleWatts(), 1), num(m.maxWatts(), 1),
                    m.family() == io.greenpack.correlate.PowerFamily.FAN ? num(m.curve().exponent(), 2) : "–",
                    num(m.mape(), 2), num(m.r2(), 3), String.format(Locale.ROOT, "%,d", m.samples()),
                    num(m.curve().energyProportionality(), 2), m.reason()));
        }
        html.table("Power model per hardware model", List.of("model", "family", "source", "idle W", "max W", "r",
                "MAPE %", "R²", "samples", "EP", "why"), rows, Set.of(3, 4, 5, 6, 7, 8, 9));
        html.image("Measured power against CPU utilization per hardware model, with the fitted curve",
                png(PowerCurveChart.chart(curvePoints(r), footer), chartsDir, "power-curves"));
        r.powerModels().values().stream().filter(m -> !m.fitted()).forEach(m ->
                html.note(m.model() + ": " + m.reason()));

    }

    private static void appEnergy(Request req) {
        HtmlReport html = req.html();
        AnalysisResult r = req.r();
        Path chartsDir = req.chartsDir();
        String footer = req.footer();
        FleetEfficiency f = r.fleet();
        html.section("app-energy", "Energy by application");
        html.paragraph(String.format(Locale.ROOT, "Measured IT energy %,.0f kWh is attributed to applications per "
                        + "host and interval: power above the model's idle power by CPU share, idle power by the '%s' policy. "
                        + "%,.0f kWh (%s) stayed unattributed (line '%s'). Attributed plus unattributed equals measured within "
                        + "%s per host and interval.", f.kwh(), r.scenario().idlePolicy().key(), f.unattributedKwh(),
                pct(f.unattributedKwh() / f.kwh()), Analysis.UNATTRIBUTED_APP,
                Double.isNaN(f.maxConservationError()) ? "(not checked)" : pct(f.maxConservationError())));
        List<BarChart.Bar> apps = new ArrayList<>();
        Map<String, Double> byApp = new TreeMap<>();
        r.appEnergy().forEach(e -> byApp.merge(e.app(), e.kwh(), Double::sum));
        byApp.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(TOP_APPS)
                .forEach(e -> apps.add(new BarChart.Bar(e.getKey(), e.getValue())));
        html.image("Top " + apps.size() + " of " + byApp.size() + " applications by attributed IT energy",
                png(BarChart.horizontal("Energy by application, top " + apps.size() + " of " + byApp.size()
                        + " (kWh over the window)", "IT energy (kWh)", apps, Palette.MODELLED, footer), chartsDir, "app-energy"));
        List<List<String>> appRows = new ArrayList<>();
        for (AppEnergy e : r.appEnergy().stream().limit(TOP_APPS).toList()) {
            appRows.add(List.of(e.app(), e.host(), num(e.kwh(), 1), num(e.dynamicKwh(), 1), num(e.idleKwh(), 1),
                    num(e.cost(), 2), num(e.co2eKg(), 1), e.appClass(), e.virtVerdict()));
        }
        html.table("Top " + TOP_APPS + " application placements by energy (full list: tables/app_energy.csv)",
                List.of("app", "host", "kWh", "dynamic kWh", "idle kWh", "cost " + r.scenario().currency(), "CO2e kg",
                        "class", "virtualisation"), appRows, Set.of(2, 3, 4, 5, 6));

    }

    private static void hostEfficiency(Request req) {
        HtmlReport html = req.html();
        AnalysisResult r = req.r();
        Path chartsDir = req.chartsDir();
        String footer = req.footer();
        FleetEfficiency f = r.fleet();
        html.section("host-efficiency", "Host efficiency and idle waste");
        html.paragraph(String.format(Locale.ROOT, "Two idle figures, two meanings. Idle waste is all energy drawn while "
                        + "the host's CPU utilization was below 10 %%: %,.0f kWh of %,.0f kWh (measured). Idle share is the "
                        + "part of a host's energy that is its idle power, what its power curve draws at zero load "
                        + "(modelled). Energy proportionality (EP) is 1 − (area between the host model's "
                        + "curve and the ideal line u·P_max) / (area under the ideal line) over u in [0, 1]: 1 is perfectly "
                        + "proportional, 0 draws full power at any load. Fleet EP (energy-weighted) %.2f; mean utilization %s.",
                f.idleWasteKwh(), f.kwh(), f.ep(), pct(f.meanUtil())));
        List<HostEfficiency> byWaste = r.hosts().stream()
                .sorted(Comparator.comparingDouble(HostEfficiency::idleWasteKwh).reversed()).limit(TOP_HOSTS).toList();
        // Comatose hosts in the highlight colour and named so: the first to switch off.
        html.image("Idle waste per host, top " + byWaste.size() + " of " + r.hosts().size() + "; comatose hosts in dark red",
                png(BarChart.horizontal("Idle waste, top " + byWaste.size() + " of " + r.hosts().size()
                        + " hosts: energy while CPU < 10 % (kWh over the window; comatose in red)", "IT energy (kWh)",
                        byWaste.stream().map(h -> new BarChart.Bar(h.comatose() ? h.host() + " (comatose)" : h.host(),
                                h.idleWasteKwh(), h.comatose())).toList(), Palette.MEASURED, footer), chartsDir, "idle-waste"));
        List<HostEfficiency> byEp = r.hosts().stream().sorted(Comparator.comparingDouble(HostEfficiency::ep)
                .thenComparing(HostEfficiency::host)).limit(TOP_HOSTS).toList();
        html.image("Energy proportionality, the " + byEp.size() + " least proportional of " + r.hosts().size() + " hosts",
                png(BarChart.horizontal("Energy proportionality, " + byEp.size() + " least proportional of "
                        + r.hosts().size() + " hosts (EP, 0–1)", "EP",
                byEp.stream().map(h -> new BarChart.Bar(h.host() + " (" + h.model() + ")", h.ep())).toList(),
                Palette.MODELLED, footer), chartsDir, "ep-per-host"));
        List<List<String>> hostRows = new ArrayList<>();
        for (HostEfficiency h : r.hosts()) {
            hostRows.add(List.of(h.host(), h.model(), pct(h.meanUtil()), pct(h.p95Util()), num(h.kwh(), 1),
                    pct(h.idleShare()), num(h.idleWasteKwh(), 1), num(h.ep(), 2), num(h.coreHoursPerKwh(), 1),
                    h.metered() ? h.flag() : String.join(" ", h.flag(), ModelledPower.LABEL).trim()));
        }
        html.table("Hosts", List.of("host", "model", "mean CPU", "p95 CPU", "kWh", "idle share", "idle waste kWh", "EP",
                "core-h per kWh", "flag"), hostRows, Set.of(2, 3, 4, 5, 6, 7, 8));
        r.hosts().stream().filter(HostEfficiency::comatose).forEach(h -> html.note(String.format(Locale.ROOT,
                "%s is comatose: p95 CPU %s and no application above 0.05 cores at p95 for the whole window; it drew %,.1f kWh.",
                h.host(), pct(h.p95Util()), h.kwh())));

    }

    private static void workloadClasses(Request req) {
        HtmlReport html = req.html();
        AnalysisResult r = req.r();
        Path chartsDir = req.chartsDir();
        String footer = req.footer();
        html.section("workload-classes", "Workload classes and virtualisation");
        html.paragraph("Each application is classed from its p95 demand relative to its own host: memory-bound when its "
                + "memory share is at least twice its CPU share, cpu-bound the other way round, io-bound from 1,500 IOPS "
                + "or 80 MB/s, idle below 0.05 cores; balanced otherwise. Co-hosting cpu-bound with memory-bound work "
                + "fills both resources. Virtualisation verdict: dedicated for GPU, InfiniBand, graphics, heavy I/O or "
                + "host-bound licences; same-os-only when apps.csv allows sharing an OS; ok otherwise.");
        Map<String, long[]> mix = new TreeMap<>();
        for (AppClassification c : r.classes()) {
            mix.computeIfAbsent(c.workloadClass().key(), k -> new long[3])[c.verdict().ordinal()]++;
        }
        html.image("Applications per workload class", png(BarChart.horizontal("Applications per workload class (count)",
                "applications", mix.entrySet().stream().map(e -> new BarChart.Bar(e.getKey(),
                        e.getValue()[0] + e.getValue()[1] + e.getValue()[2])).toList(), Palette.BLUISH_GREEN, footer),
                chartsDir, "class-mix"));
        List<List<String>> mixRows = new ArrayList<>();
        mix.forEach((k, v) -> mixRows.add(List.of(k, String.valueOf(v[0]), String.valueOf(v[1]), String.valueOf(v[2]),
                String.valueOf(v[0] + v[1] + v[2]))));
        html.table("Class mix by virtualisation verdict", List.of("class", "ok", "same-os-only", "dedicated", "apps"),
                mixRows, Set.of(1, 2, 3, 4));

    }

    private static void showback(Request req) {
        HtmlReport html = req.html();
        AnalysisResult r = req.r();
        html.section("showback", "Showback per application owner");
        html.paragraph("Over the data window: IT energy attributed to each owner's applications (apps.csv; metered power "
                + "split by CPU share, so modelled), its cost and CO2e as facility energy (× PUE), and what they reserved against "
                + "what they used at p95 (the sum of each app's p95, an upper bound of simultaneous use). The gap is "
                + "capacity another team could use instead of buying.");
        List<List<String>> sb = new ArrayList<>();
        for (OwnerShowback s : r.showback()) {
            sb.add(List.of(s.owner(), String.valueOf(s.apps()), num(s.kwh(), 1), num(s.cost(), 2), num(s.co2eKg(), 1),
                    num(s.reservedCores(), 1), num(s.usedCoresP95(), 1), num(s.reservedMemGb(), 0), num(s.usedMemGbP95(), 0)));
        }
        html.table("Showback per application owner (tables/showback.csv)", List.of("owner", "apps", "IT kWh",
                "cost " + r.scenario().currency(), "CO2e kg",
                "reserved cores", "used cores p95", "reserved GB", "used GB p95"), sb, Set.of(1, 2, 3, 4, 5, 6, 7, 8));
    }

    static List<PowerCurveChart.ModelPoints> curvePoints(AnalysisResult r) {
        Map<String, List<ScatterPoint>> byModel = new TreeMap<>();
        r.scatter().forEach(p -> byModel.computeIfAbsent(p.model(), k -> new ArrayList<>()).add(p));
        List<PowerCurveChart.ModelPoints> out = new ArrayList<>();
        for (PowerModel m : r.powerModels().values().stream().sorted(Comparator.comparing(PowerModel::model)).toList()) {
            List<ScatterPoint> pts = byModel.getOrDefault(m.model(), List.of());
            double[] curve = new double[101];
            for (int i = 0; i <= 100; i++) {
                curve[i] = m.curve().watts(i / 100.0);
            }
            out.add(new PowerCurveChart.ModelPoints(m.model(), m.family().key(),
                    pts.stream().mapToDouble(ScatterPoint::util).toArray(), pts.stream().mapToDouble(ScatterPoint::watts).toArray(),
                    curve));
        }
        return out;
    }

    static byte[] png(JFreeChart chart, Path dir, String name) {
        return png(chart, dir, name, ChartFiles.DEFAULT_WIDTH, ChartFiles.DEFAULT_HEIGHT);
    }

    static byte[] png(JFreeChart chart, Path dir, String name, int width, int height) {
        try {
            return java.nio.file.Files.readAllBytes(ChartFiles.write(chart, dir, name, width, height).png());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read back chart " + name + ": " + e.getMessage(), e);
        }
    }

    static String num(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%,." + decimals + "f", v) : "–";
    }

    static String pct(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f %%", 100 * v) : "–";
    }
}
