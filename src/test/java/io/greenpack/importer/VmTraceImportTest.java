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
    void bitbrainsNonNumericValueNamesLineAndColumn() throws Exception {
        Path in = copy(fixture("bitbrains"), tmp.resolve("in"));
        Path f = in.resolve("fastStorage/2.csv");
        List<String> lines = Files.readAllLines(f);
        lines.set(3, lines.get(3).replace(";\t1048576;", ";\tn/a;"));
        Files.write(f, lines);
        String err = importFails("bitbrains", in, tmp.resolve("out"));
        assertThat(err).contains("2.csv, line 4, column 7: 'Memory usage [KB]' is 'n/a', expected a number");
        assertThat(tmp.resolve("out").resolve("utilization.csv")).doesNotExist();
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
    void planetlabNonNumericLine() throws Exception {
        Path in = copy(fixture("planetlab"), tmp.resolve("in"));
        Path f = in.resolve("20110303/planetlab1_cs_du_edu_uw_oneswarm");
        Files.writeString(f, "0\n100\nseven\n");
        String err = importFails("planetlab", in, tmp.resolve("out"));
        assertThat(err).contains("planetlab1_cs_du_edu_uw_oneswarm, line 3: found 'seven', expected one CPU utilisation in percent");
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
        assertThat(importFails("planetlab", in, tmp.resolve("out"))).contains("line 2: CPU utilisation 140 % is outside 0..100");
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
