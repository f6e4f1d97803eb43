package io.greenpack.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.greenpack.importer.Imports.copy;
import static io.greenpack.importer.Imports.csv;
import static io.greenpack.importer.Imports.fixture;
import static io.greenpack.importer.Imports.header;
import static io.greenpack.importer.Imports.importFails;
import static io.greenpack.importer.Imports.importOk;
import static io.greenpack.importer.Imports.num;
import static io.greenpack.importer.Imports.rejects;
import static io.greenpack.importer.Imports.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The VM traces without power: Bitbrains GWA-T-12 and PlanetLab. */
class VmTraceImportTest {
    @TempDir
    Path tmp;

    @Test
    void bitbrainsPercentOfCoresKilobytesAndBothTimestampUnits() throws Exception {
        Path out = tmp.resolve("bb");
        String printed = importOk("bitbrains", fixture("bitbrains"), out, "--vms-per-host", "1").out();
        assertThat(printed).contains("no power readings", "12 rows", "2 apps");
        List<Map<String, String>> util = csv(out.resolve("utilization.csv"));
        // VM 1 (epoch seconds): 25 % of 4 cores = 1 core; 2097152 KB = 2 GiB; 1024+1024 KB/s = 2 MB/s; 128 KB/s = 1 Mbit/s
        Map<String, String> first = row(util, "app", "vm1", "timestamp", "2013-08-12T13:40:46Z");
        assertThat(num(first, "cpu_cores")).isEqualTo(1.0);
        assertThat(num(first, "mem_gb")).isEqualTo(2.0);
        assertThat(num(first, "disk_mbps")).isEqualTo(2.0);
        assertThat(num(first, "net_mbps")).isEqualTo(1.0);
        assertThat(num(row(util, "app", "vm1", "timestamp", "2013-08-12T13:50:46Z"), "cpu_cores")).isEqualTo(0.5);
        // VM 2 has epoch milliseconds: the same instants; 60 % of 2 cores
        assertThat(num(row(util, "app", "vm2", "timestamp", "2013-08-12T14:05:46Z"), "cpu_cores")).isCloseTo(1.2, within(1e-9));
        // one VM per host: each host as large as what its VM was given (4 cores, 8 GiB; 2 cores, 4 GiB)
        assertThat(Files.readAllLines(out.resolve("hosts.csv"))).containsExactly(Imports.HOSTS_HEADER,
                "bb-host-001,unknown-4c,1,4,8", "bb-host-002,unknown-2c,1,2,4");
        assertThat(out.resolve("power.csv")).doesNotExist();
        assertThat(header(out.resolve("utilization.csv"))).isEqualTo(Imports.UTILIZATION_HEADER);
        assertThat(Files.readString(out.resolve("IMPORT.md"))).contains("has power readings: false", "no power file was written");
    }

    @Test
    void bitbrainsWrongHeaderNamesTheField() throws Exception {
        Path in = copy(fixture("bitbrains"), tmp.resolve("in"));
        Path f = in.resolve("fastStorage/1.csv");
        Files.writeString(f, Files.readString(f).replaceFirst("CPU usage \\[%\\]", "CPU usage [MHZ]"));
        String err = importFails("bitbrains", in, tmp.resolve("out"));
        assertThat(err).contains("1.csv, line 1, column 5: header field is 'CPU usage [MHZ]', expected 'CPU usage [%]'");
    }

    @Test
    void bitbrainsBadRowIsRejectedAndTheOthersKept() throws Exception {
        Path in = copy(fixture("bitbrains"), tmp.resolve("in"));
        Path f = in.resolve("fastStorage/2.csv");
        List<String> lines = Files.readAllLines(f);
        lines.set(3, lines.get(3).replace(";\t1048576;", ";\tn/a;"));
        Files.write(f, lines);
        Path out = tmp.resolve("out");
        String printed = importOk("bitbrains", in, out).out();
        assertThat(printed).contains("rejected", "not a number", "11 rows");
        Map<String, String> r = row(rejects(out), "line", "4");
        assertThat(r.get("file")).endsWith("2.csv");
        assertThat(r.get("reason")).isEqualTo("not a number");
        assertThat(r.get("detail")).contains("2.csv, line 4, column 7: 'Memory usage [KB]' is 'n/a', expected a number");
        assertThat(r.get("content")).contains("n/a");
        assertThat(csv(out.resolve("utilization.csv"))).hasSize(11);
    }

    /** One file cut in its last line (no line end) loses that row only; the other files and rows are kept. */
    @Test
    void bitbrainsCutLastLineIsRejectedNotFatal() throws Exception {
        Path in = copy(fixture("bitbrains"), tmp.resolve("in"));
        Path f = in.resolve("fastStorage/1.csv");
        String text = Files.readString(f);
        Files.writeString(f, text.substring(0, text.length() - 12));
        Path out = tmp.resolve("out");
        importOk("bitbrains", in, out);
        List<Map<String, String>> bad = rejects(out);
        assertThat(bad).hasSize(1);
        assertThat(bad.get(0).get("file")).endsWith("1.csv");
        assertThat(bad.get(0).get("reason")).isEqualTo("last line without line end (value may be cut)");
        assertThat(csv(out.resolve("utilization.csv"))).hasSize(11);
    }

    /** Provisioned cores and memory become apps.csv reservations (the largest seen per VM). */
    @Test
    void bitbrainsProvisionedCapacityBecomesReservations() throws Exception {
        Path out = tmp.resolve("bb");
        importOk("bitbrains", fixture("bitbrains"), out);
        assertThat(Files.readAllLines(out.resolve("apps.csv"))).containsExactly("app,reserved_cores,reserved_mem_gb",
                "vm1,4,8", "vm2,2,4");
    }

    @Test
    void planetlabPercentLinesBecomeFiveMinuteSamplesOnSyntheticHosts() throws Exception {
        Path out = tmp.resolve("pl");
        importOk("planetlab", fixture("planetlab"), out, "--vms-per-host", "2", "--vm-cores", "2", "--vm-mem-gb", "1.5");
        List<Map<String, String>> util = csv(out.resolve("utilization.csv"));
        assertThat(util).hasSize(18);
        // line 5 of a file is 20 min after midnight of the folder's day; 50 % of 2 cores
        Map<String, String> r = row(util, "app", "146-179_surfsnet_dk_uw_oneswarm", "timestamp", "2011-03-03T00:20:00Z");
        assertThat(num(r, "cpu_cores")).isEqualTo(1.0);
        assertThat(num(r, "mem_gb")).isEqualTo(1.5);
        // 3 VMs, 2 per host -> 2 hosts; sorted names dealt round-robin
        assertThat(r.get("host")).isEqualTo("pl-host-001");
        assertThat(row(util, "app", "75-130-96-12_static_oregon_uw_oneswarm", "timestamp", "2011-03-03T00:00:00Z").get("host"))
                .isEqualTo("pl-host-002");
        assertThat(Files.readAllLines(out.resolve("hosts.csv"))).containsExactly(Imports.HOSTS_HEADER,
                "pl-host-001,unknown-4c,1,4,3", "pl-host-002,unknown-2c,1,2,1.5");
        assertThat(out.resolve("power.csv")).doesNotExist();
        assertThat(Files.readString(out.resolve("import.json"))).contains("\"has_power\" : false");
    }

    @Test
    void planetlabNonNumericLineIsRejectedAndKeepsItsSlot() throws Exception {
        Path in = copy(fixture("planetlab"), tmp.resolve("in"));
        Path f = in.resolve("20110303/planetlab1_cs_du_edu_uw_oneswarm");
        Files.writeString(f, "0\n100\nseven\n40\n");
        Path out = tmp.resolve("out");
        importOk("planetlab", in, out);
        Map<String, String> r = row(rejects(out), "line", "3");
        assertThat(r.get("detail")).contains("planetlab1_cs_du_edu_uw_oneswarm, line 3: found 'seven', expected one CPU utilisation in percent");
        // line 4 stays at 00:15 (the rejected line held the 00:10 slot)
        List<Map<String, String>> util = csv(out.resolve("utilization.csv"));
        assertThat(num(row(util, "app", "planetlab1_cs_du_edu_uw_oneswarm", "timestamp", "2011-03-03T00:15:00Z"), "cpu_cores")).isEqualTo(0.4);
        assertThat(util).noneMatch(u -> u.get("app").equals("planetlab1_cs_du_edu_uw_oneswarm") && u.get("timestamp").equals("2011-03-03T00:10:00Z"));
    }

    /** "51" cut to "5" at the end of a file without its line end is rejected, never read as 5. */
    @Test
    void planetlabCutLastValueIsRejected() throws Exception {
        Path in = copy(fixture("planetlab"), tmp.resolve("in"));
        Path f = in.resolve("20110303/planetlab1_cs_du_edu_uw_oneswarm");
        Files.writeString(f, "20\n30\n5");
        Path out = tmp.resolve("out");
        importOk("planetlab", in, out);
        Map<String, String> r = row(rejects(out), "line", "3");
        assertThat(r.get("reason")).isEqualTo("last line without line end (value may be cut)");
        assertThat(r.get("content")).isEqualTo("5");
        List<Map<String, String>> util = csv(out.resolve("utilization.csv"));
        assertThat(util.stream().filter(u -> u.get("app").equals("planetlab1_cs_du_edu_uw_oneswarm"))).hasSize(2);
        // the same value with its line end is a sample (the rule is about the cut, not the value)
        Files.writeString(f, "20\n30\n5\n");
        Path whole = tmp.resolve("whole");
        importOk("planetlab", in, whole);
        assertThat(num(row(csv(whole.resolve("utilization.csv")), "app", "planetlab1_cs_du_edu_uw_oneswarm",
                "timestamp", "2011-03-03T00:10:00Z"), "cpu_cores")).isEqualTo(0.05);
        assertThat(whole.resolve("rejects.csv")).doesNotExist();
    }

    @Test
    void planetlabFolderMustBeADay() throws Exception {
        Path in = tmp.resolve("in/march");
        Files.createDirectories(in);
        Files.writeString(in.resolve("vm-a"), "5\n");
        String err = importFails("planetlab", in.getParent(), tmp.resolve("out"));
        assertThat(err).contains("vm-a: the folder name 'march' is not a date; expected PlanetLab day folders named like 20110303");
    }

    @Test
    void planetlabPercentAbove100() throws Exception {
        Path in = copy(fixture("planetlab"), tmp.resolve("in"));
        Files.writeString(in.resolve("20110303/planetlab1_cs_du_edu_uw_oneswarm"), "0\n140\n");
        Path out = tmp.resolve("out");
        importOk("planetlab", in, out);
        assertThat(row(rejects(out), "line", "2").get("detail")).contains("line 2: CPU utilisation 140 % is outside 0..100");
    }

    @Test
    void namesFromInputAreEscapedAgainstFormulaInjection() throws Exception {
        Path day = tmp.resolve("in/20110303");
        Files.createDirectories(day);
        Files.writeString(day.resolve("=HYPERLINK(1)"), "5\n");
        Path out = tmp.resolve("out");
        importOk("planetlab", tmp.resolve("in"), out);
        assertThat(Files.readAllLines(out.resolve("utilization.csv")).get(1)).contains(",\"'=HYPERLINK(1)\",");
    }
}
