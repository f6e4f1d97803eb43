package io.greenpack.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.greenpack.importer.Imports.csv;
import static io.greenpack.importer.Imports.fixture;
import static io.greenpack.importer.Imports.header;
import static io.greenpack.importer.Imports.importFails;
import static io.greenpack.importer.Imports.importOk;
import static io.greenpack.importer.Imports.rejects;
import static io.greenpack.importer.Imports.row;
import static io.greenpack.importer.Imports.num;
import static org.assertj.core.api.Assertions.assertThat;

/** typeperf/relog CSV: local time to UTC, per-process % of one core, Working Set bytes, Power Meter mW. */
class PerfmonImportTest {
    @TempDir
    Path tmp;

    @Test
    void processCountersBecomeAppsInUtc() throws Exception {
        Path out = tmp.resolve("out");
        String printed = importOk("perfmon", fixture("perfmon"), out, "--host-mem-gb", "32").out();
        assertThat(printed).contains("blank cell", "process instance _Total or Idle");
        List<Map<String, String>> util = csv(out.resolve("utilization.csv"));
        // 03:00 at bias 420 (Pacific Daylight Time) is 10:00 UTC; sqlservr at 150 % = 1.5 cores, 4 GiB
        Map<String, String> sql = row(util, "timestamp", "2026-10-05T10:00:00Z", "app", "sqlservr");
        assertThat(sql.get("host")).isEqualTo("WEB01");
        assertThat(num(sql, "cpu_cores")).isEqualTo(1.5);
        assertThat(num(sql, "mem_gb")).isEqualTo(4.0);
        // two w3wp processes are one app with two instances; w3wp#1 is blank at 10:10 and skipped there
        assertThat(num(row(util, "timestamp", "2026-10-05T10:05:00Z", "instance", "w3wp#1"), "mem_gb")).isEqualTo(0.25);
        assertThat(row(util, "timestamp", "2026-10-05T10:05:00Z", "instance", "w3wp#1").get("app")).isEqualTo("w3wp");
        assertThat(util).noneMatch(r -> r.get("timestamp").equals("2026-10-05T10:10:00Z") && r.get("instance").equals("w3wp#1"));
        assertThat(util).noneMatch(r -> r.get("app").equalsIgnoreCase("idle") || r.get("app").equals("_Total"));
        assertThat(util).hasSize(6 * 3 - 1);
        // Power Meter reports milliwatts
        assertThat(num(row(csv(out.resolve("power.csv")), "timestamp", "2026-10-05T10:25:00Z"), "watts")).isEqualTo(190.0);
        // 4 Processor(N) instances give the cores; memory from --host-mem-gb
        assertThat(Files.readAllLines(out.resolve("hosts.csv"))).containsExactly(Imports.HOSTS_HEADER, "WEB01,unknown-4c,1,4,32");
        assertThat(header(out.resolve("power.csv"))).isEqualTo(Imports.POWER_HEADER);
    }

    @Test
    void machineWideCountersOnlyNeedTheHostSize() throws Exception {
        Path in = tmp.resolve("host.csv");
        Files.writeString(in, """
                "(PDH-CSV 4.0) (GMT Standard Time)(-60)","\\\\DB02\\Processor(_Total)\\% Processor Time","\\\\DB02\\Memory\\Available MBytes"
                "10/05/2026 11:00:00.000","25","8192"
                "10/05/2026 11:05:00.000"," "," "
                """);
        Path out = tmp.resolve("out");
        String err = importFails("perfmon", in, out);
        assertThat(err).contains("host.csv, line 2: host DB02 has only machine-wide counters", "--host-cores N and --host-mem-gb N");
        importOk("perfmon", in, out, "--host-cores", "8", "--host-mem-gb", "64");
        Map<String, String> r = row(csv(out.resolve("utilization.csv")), "timestamp", "2026-10-05T10:00:00Z"); // BST -> UTC
        assertThat(num(r, "cpu_cores")).isEqualTo(2.0);
        assertThat(num(r, "mem_gb")).isEqualTo(56.0);
        assertThat(out.resolve("power.csv")).doesNotExist();
        assertThat(Files.readString(out.resolve("IMPORT.md"))).contains("no power file was written");
    }

    @Test
    void unknownTimeZoneHeaderIsRefused() throws Exception {
        Path in = tmp.resolve("x.csv");
        Files.writeString(in, "\"(PDH-CSV 4.0) (W. Europe Standard Time)\",\"\\\\H\\Process(a)\\% Processor Time\"\n\"10/05/2026 11:00:00.000\",\"1\"\n");
        String err = importFails("perfmon", in, tmp.resolve("out"), "--host-mem-gb", "8");
        assertThat(err).contains("x.csv, line 1, column 1: found '(PDH-CSV 4.0) (W. Europe Standard Time)', expected the PDH header with time zone and bias");
    }

    @Test
    void nonNumericCellRejectsItsRowNamingLineAndColumn() throws Exception {
        List<String> lines = Files.readAllLines(fixture("perfmon/web01-typeperf.csv"));
        lines.set(4, lines.get(4).replace("\"4294967296\"", "\"4 GB\""));
        Path in = tmp.resolve("bad.csv");
        Files.write(in, lines);
        Path out = tmp.resolve("out");
        importOk("perfmon", in, out, "--host-mem-gb", "32");
        Map<String, String> r = row(rejects(out), "line", "5");
        assertThat(r.get("detail")).contains("bad.csv, line 5, column 11: found '4 GB', expected a non-negative number for \\\\WEB01\\Process(sqlservr)\\Working Set");
        assertThat(r.get("file")).endsWith("bad.csv");
        // the whole row (03:15 PDT = 10:15 UTC) is left out; the rows before and after are kept
        List<Map<String, String>> util = csv(out.resolve("utilization.csv"));
        assertThat(util).noneMatch(u -> u.get("timestamp").equals("2026-10-05T10:15:00Z"));
        assertThat(util).anyMatch(u -> u.get("timestamp").equals("2026-10-05T10:10:00Z"));
        assertThat(util).anyMatch(u -> u.get("timestamp").equals("2026-10-05T10:20:00Z"));
    }

    @Test
    void unreadableTimestamp() throws Exception {
        List<String> lines = Files.readAllLines(fixture("perfmon/web01-typeperf.csv"));
        lines.set(2, lines.get(2).replace("10/05/2026 03:05:00.000", "2026-10-05 03:05"));
        Path in = tmp.resolve("t.csv");
        Files.write(in, lines);
        Path out = tmp.resolve("out");
        importOk("perfmon", in, out, "--host-mem-gb", "32");
        assertThat(row(rejects(out), "line", "3").get("detail"))
                .contains("t.csv, line 3, column 1: time is '2026-10-05 03:05', expected MM/dd/yyyy HH:mm:ss.fff");
    }
}
