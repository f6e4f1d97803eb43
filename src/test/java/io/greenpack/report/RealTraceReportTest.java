package io.greenpack.report;

import io.greenpack.testing.CliRun;
import io.greenpack.util.Home;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end over the real public VM traces in ../shared/realdata (skipped, with a message, when
 * the folder is absent): import, then report with the bundled sample's targets.csv, as a user
 * would. The traces have no power readings, so every host's power is modelled: today's figures
 * must be positive and say "modelled (no meter)", and the consolidation may never free a negative
 * number of servers or save negative energy.
 *
 * <p>Kept fast: PlanetLab is the first 160 of the day's 1,052 VM files (20 hosts of 8 VMs); the
 * whole day takes minutes on a 2-core machine. Bitbrains is the four Rnd files, one VM per host
 * (the traces do not say which VMs shared a machine; dealt 10 per host they make one 5-core host, and
 * no catalog server draws less than that one small host's modelled power). Its scenario lists the
 * catalog's rack servers only: the optimizer does not count a blade chassis' power, so for four small
 * hosts it picks one blade and the 650 W chassis makes "after" larger than "before".
 */
class RealTraceReportTest {
    private static final Path REALDATA = Path.of("..", "shared", "realdata");

    @TempDir
    Path tmp;

    @Test
    void planetLabDayReportsModelledEnergyAndNoNegativeSavings() throws IOException {
        Path day = present("planetlab/20110303");
        Path in = Files.createDirectories(tmp.resolve("planetlab-in").resolve(day.getFileName()));
        try (Stream<Path> files = Files.list(day)) {
            for (Path f : files.sorted().limit(160).toList()) {
                Files.copy(f, in.resolve(f.getFileName()));
            }
        }
        Path dir = importAndReport("planetlab", in, "8");
        Map<String, String> plan = csv(dir.resolve("tables/plan_summary.csv")).get(0);
        assertThat(plan.get("hosts_before")).isEqualTo("20");
        assertTodayModelledAndSavingsNotNegative(dir, plan);
    }

    @Test
    void bitbrainsReportsModelledEnergyAndNoNegativeSavings() throws IOException {
        Path scenario = tmp.resolve("rack.yaml");
        Files.writeString(scenario, "base:\n  targets: [\"Dell PowerEdge R640\", \"Dell PowerEdge R740\", \"Dell PowerEdge R940\", "
                + "\"Fujitsu PRIMERGY RX300 S7\", \"Dell PowerEdge R620\"]\n");
        Path dir = importAndReport("bitbrains", present("bitbrains/rnd-2013-7"), "1", "--scenario", scenario.toString());
        Map<String, String> plan = csv(dir.resolve("tables/plan_summary.csv")).get(0);
        assertThat(plan.get("hosts_before")).isEqualTo("4");
        assertTodayModelledAndSavingsNotNegative(dir, plan);
    }

    @Test
    void alibabaMachinesReportWithExitZero() throws IOException {
        // Machine-level trace: each machine is one app, some at ~90 % of their cores; such an app fits no
        // host at the headroom with the hypervisor overhead and stays on its machine instead of stopping the run.
        Path data = tmp.resolve("alibaba");
        CliRun imported = CliRun.of("import", "--format", "alibaba", "--in", present("alibaba-v2018").toString(),
                "--out", data.toString(), "--host-mem-gb", "256", "--host-cores", "96");
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        Files.copy(Home.sampleData().resolve("targets.csv"), data.resolve("targets.csv"));
        Path out = tmp.resolve("alibaba-reports");
        CliRun report = CliRun.of("report", "--data", data.toString(), "--out", out.toString());
        assertThat(report.exitCode()).as(report.toString()).isZero();
        try (Stream<Path> runs = Files.list(out)) {
            Path dir = runs.filter(Files::isDirectory).findFirst().orElseThrow();
            for (Map<String, String> o : csv(dir.resolve("tables/plan_options.csv"))) {
                assertThat(Integer.parseInt(o.get("servers_freed"))).as(o.get("option")).isNotNegative();
            }
        }
    }

    @Test
    void powerOnlyImportsReportWithExitZeroAndNoComatoseVerdict() throws IOException {
        // Redfish and ipmitool give power and no utilization: the report runs, and no host is called
        // comatose without utilization data.
        for (String[] source : List.of(new String[]{"redfish", "redfish/Redfish-Publications/mockups"},
                new String[]{"ipmitool", "ipmitool/dcmi"}, new String[]{"ipmitool", "ipmitool/sdr"})) {
            Path data = tmp.resolve(source[1].replace('/', '-'));
            CliRun imported = CliRun.of("import", "--format", source[0], "--in", present(source[1]).toString(),
                    "--out", data.toString(), "--host-cores", "32", "--host-mem-gb", "256");
            assertThat(imported.exitCode()).as(imported.toString()).isZero();
            Path out = tmp.resolve(data.getFileName() + "-reports");
            CliRun report = CliRun.of("report", "--data", data.toString(), "--out", out.toString());
            assertThat(report.exitCode()).as(report.toString()).isZero();
            try (Stream<Path> runs = Files.list(out)) {
                Path dir = runs.filter(Files::isDirectory).findFirst().orElseThrow();
                assertThat(csv(dir.resolve("tables/host_efficiency.csv"))).as(source[1]).isNotEmpty()
                        .allSatisfy(h -> assertThat(h.get("comatose")).isEqualTo("false"));
            }
        }
    }

    /** Rows of a result table by column name (these tables hold no quoted cells). */
    private static List<Map<String, String>> csv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String[] header = lines.get(0).split(",", -1);
        List<Map<String, String>> rows = new java.util.ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            Map<String, String> row = new java.util.LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], i < cells.length ? cells[i] : "");
            }
            rows.add(row);
        }
        return rows;
    }

    private static Path present(String relative) {
        Path p = REALDATA.resolve(relative);
        Assumptions.assumeTrue(Files.isDirectory(p), "skipped: the real traces are not here (" + p.toAbsolutePath()
                + " is absent; see DESIGN §1)");
        return p;
    }

    private Path importAndReport(String format, Path in, String vmsPerHost, String... reportOptions) throws IOException {
        Path data = tmp.resolve(format);
        CliRun imported = CliRun.of("import", "--format", format, "--in", in.toString(), "--out", data.toString(),
                "--vms-per-host", vmsPerHost);
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        Files.copy(Home.sampleData().resolve("targets.csv"), data.resolve("targets.csv"));
        Path out = tmp.resolve(format + "-reports");
        List<String> args = new java.util.ArrayList<>(List.of("report", "--data", data.toString(), "--out", out.toString()));
        args.addAll(List.of(reportOptions));
        CliRun report = CliRun.of(args.toArray(String[]::new));
        assertThat(report.exitCode()).as(report.toString()).isZero();
        try (Stream<Path> runs = Files.list(out)) {
            List<Path> dirs = runs.filter(Files::isDirectory).toList();
            assertThat(dirs).hasSize(1);
            return dirs.get(0);
        }
    }

    private static void assertTodayModelledAndSavingsNotNegative(Path dir, Map<String, String> plan) throws IOException {
        assertThat(Double.parseDouble(plan.get("kwh_before"))).as("today's energy").isPositive();
        assertThat(Integer.parseInt(plan.get("hosts_before")) - Integer.parseInt(plan.get("hosts_after")))
                .as("servers freed").isGreaterThanOrEqualTo(0);
        assertThat(Double.parseDouble(plan.get("kwh_before")) - Double.parseDouble(plan.get("kwh_after")))
                .as("energy saved").isGreaterThanOrEqualTo(0);
        assertThat(Double.parseDouble(plan.get("cost_saved"))).as("money saved").isGreaterThanOrEqualTo(0);
        List<String> summary = Files.readAllLines(dir.resolve("summary.md"));
        for (String figure : List.of("Servers today", "IT energy today", "Energy cost today", "CO2e today")) {
            // summary.md escapes Markdown's special characters, parentheses included.
            assertThat(summary).as(figure).anySatisfy(l -> assertThat(l.replace("\\", "")).startsWith("| " + figure + " |")
                    .endsWith("| modelled (no meter) |"));
        }
        // Every option: never negative servers freed; best (the cheapest mix, today's fleet included) never loses money.
        for (Map<String, String> o : csv(dir.resolve("tables/plan_options.csv"))) {
            assertThat(Integer.parseInt(o.get("servers_freed"))).as(o.get("option") + " servers freed").isNotNegative();
            if (o.get("option").equals("best") && o.get("planned").equals("true")) {
                assertThat(Double.parseDouble(o.get("money_saved_per_year"))).as("best saves").isNotNegative();
            }
        }
        List<Map<String, String>> hosts = csv(dir.resolve("tables/host_efficiency.csv"));
        assertThat(hosts).isNotEmpty().allSatisfy(h -> assertThat(h.get("power")).isEqualTo("modelled (no meter)"));
        assertThat(Files.readString(dir.resolve("index.html"))).contains("modelled (no meter)");
    }
}
