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
import static io.greenpack.importer.Imports.num;
import static io.greenpack.importer.Imports.rejects;
import static io.greenpack.importer.Imports.row;
import static org.assertj.core.api.Assertions.assertThat;

/** Logged ipmitool output: DCMI power reading blocks and SDR/sensor Watts lines. */
class IpmitoolImportTest {
    @TempDir
    Path tmp;

    @Test
    void dcmiBlocksAndSensorLinesBecomePowerSamples() throws Exception {
        Path out = tmp.resolve("out");
        String printed = importOk("ipmitool", fixture("ipmitool"), out, "--host-cores", "32", "--host-mem-gb", "256").out();
        assertThat(printed).contains("utilization.csv  not written", "power reading state is deactivated");
        Map<String, String> rejected = row(rejects(out), "reason", "power reading state is deactivated");
        assertThat(rejected.get("file")).endsWith("host01.ipmi.log");
        assertThat(rejected.get("content")).contains("Instantaneous power reading:", "0 Watts");
        List<Map<String, String>> power = csv(out.resolve("power.csv"));
        // host from the file name; instantaneous reading at the IPMI timestamp
        Map<String, String> first = row(power, "host", "host01", "timestamp", "2026-10-05T10:00:01Z");
        assertThat(num(first, "watts")).isEqualTo(240.0);
        assertThat(first.get("source")).isEqualTo("ipmi");
        // BMC clock unset (1970): the `date` line before the block is used
        assertThat(num(row(power, "host", "host01", "timestamp", "2026-10-05T10:15:00Z"), "watts")).isEqualTo(250.0);
        // the deactivated block is skipped: 5 of 6
        assertThat(power.stream().filter(r -> r.get("host").equals("host01"))).hasSize(5);
        // SDR without a whole-system sensor: each PSU input is a psu; the output sensor and Amps are not used
        assertThat(num(row(power, "host", "host02", "timestamp", "2026-10-05T10:00:00Z", "psu", "PS2 Input Power"), "watts")).isEqualTo(110.0);
        assertThat(power).noneMatch(r -> r.get("psu").contains("Output"));
        // ipmitool sensor with Pwr Consumption: used alone
        Map<String, String> whole = row(power, "host", "host02", "timestamp", "2026-10-05T10:10:00Z");
        assertThat(num(whole, "watts")).isEqualTo(232.0);
        assertThat(whole.get("psu")).isEmpty();
        assertThat(out.resolve("utilization.csv")).doesNotExist();
        assertThat(Files.readAllLines(out.resolve("hosts.csv"))).containsExactly(Imports.HOSTS_HEADER,
                "host01,unknown-32c,1,32,256", "host02,unknown-32c,1,32,256");
        assertThat(header(out.resolve("power.csv"))).isEqualTo(Imports.POWER_HEADER);
        assertThat(Files.readString(out.resolve("import.json"))).contains("\"has_utilization\" : false");
    }

    @Test
    void withoutHostSizeTheMessageAsksForIt() {
        String err = importFails("ipmitool", fixture("ipmitool/host01.ipmi.log"), tmp.resolve("out"));
        assertThat(err).contains("does not say how large these hosts are: host01 (cores) (mem_gb)", "--host-cores N and --host-mem-gb N");
        assertThat(tmp.resolve("out").resolve("power.csv")).doesNotExist();
    }

    @Test
    void nonNumericReadingNamesTheLine() throws Exception {
        Path in = tmp.resolve("h9.log");
        Files.writeString(in, "Mon Oct  5 10:00:00 UTC 2026\n\n    Instantaneous power reading:   N/A Watts\n");
        String err = importFails("ipmitool", in, tmp.resolve("out"), "--host-cores", "8", "--host-mem-gb", "8");
        assertThat(err).contains("h9.log, line 3: 'Instantaneous power reading' is 'N/A', expected a non-negative number of Watts");
    }

    /** A saved sdr snapshot without any timestamp line is taken at the file's modification time, and IMPORT.md says so. */
    @Test
    void sensorLinesWithoutTimestampLineTakeTheFilesModificationTime() throws Exception {
        Path in = tmp.resolve("h8.log");
        Files.writeString(in, "Pwr Consumption  | 0Ch | ok  |  7.1 | 250 Watts\n");
        Files.setLastModifiedTime(in, java.nio.file.attribute.FileTime.from(java.time.Instant.parse("2026-10-05T10:00:00Z")));
        Path out = tmp.resolve("out");
        importOk("ipmitool", in, out, "--host-cores", "8", "--host-mem-gb", "8");
        assertThat(num(row(csv(out.resolve("power.csv")), "host", "h8", "timestamp", "2026-10-05T10:00:00Z"), "watts")).isEqualTo(250.0);
        assertThat(Files.readString(out.resolve("IMPORT.md"))).contains("taken at the file's modification time");
    }

    @Test
    void unreadableIpmiTimestamp() throws Exception {
        Path in = tmp.resolve("h7.log");
        Files.writeString(in, "    Instantaneous power reading: 200 Watts\n    IPMI timestamp: 05.10.2026 10:00\n");
        assertThat(importFails("ipmitool", in, tmp.resolve("out"), "--host-cores", "8", "--host-mem-gb", "8"))
                .contains("h7.log, line 2: IPMI timestamp is '05.10.2026 10:00', expected ctime form");
    }

    @Test
    void fileWithoutReadings() throws Exception {
        Path in = tmp.resolve("empty.log");
        Files.writeString(in, "Could not open device at /dev/ipmi0 or /dev/ipmi/0 or /dev/ipmidev/0\n");
        assertThat(importFails("ipmitool", in, tmp.resolve("out"), "--host-cores", "8", "--host-mem-gb", "8"))
                .contains("empty.log: no power readings found; expected 'Instantaneous power reading");
    }

    /**
     * Real outputs (copies in src/test/resources/import/ipmitool-real of ../shared/realdata/ipmitool/dcmi):
     * bmc1819.log is ipmitool 1.8.19+ with "IPMI timestamp: 07/26/26 16:57:12 CDT    Sampling period: ..."
     * on one line (ateodorescu/home-assistant-addons#38), openbmc.log a deactivated reading with a
     * 1970 timestamp (openbmc/openbmc#3257), rabe.log a classic multi-line reading (radiorabe/rabe-zabbix#101).
     */
    @Test
    void realOutputsOneLineTimestampWithZoneAndADeactivatedReadingThatDoesNotStopTheOthers() throws Exception {
        Path out = tmp.resolve("out");
        String printed = importOk("ipmitool", fixture("ipmitool-real"), out, "--host-cores", "16", "--host-mem-gb", "64").out();
        List<Map<String, String>> power = csv(out.resolve("power.csv"));
        assertThat(power).hasSize(2);
        // 16:57:12 CDT (UTC-5) is 21:57:12 UTC; the instantaneous reading, not the average
        assertThat(num(row(power, "host", "bmc1819", "timestamp", "2026-07-26T21:57:12Z"), "watts")).isEqualTo(186.0);
        // ctime without a zone is in --zone (UTC)
        assertThat(num(row(power, "host", "rabe", "timestamp", "2022-03-06T15:13:42Z"), "watts")).isEqualTo(197.0);
        Map<String, String> r = row(rejects(out), "reason", "power reading state is deactivated");
        assertThat(r.get("file")).endsWith("openbmc.log");
        assertThat(r.get("line")).isEqualTo("2");
        assertThat(printed).contains("rejected", "power reading state is deactivated");
        assertThat(Files.readAllLines(out.resolve("hosts.csv"))).hasSize(3); // header + the two hosts with readings
    }

    @Test
    void theDeactivatedReadingAloneLeavesNothingAndSaysWhy() {
        String err = importFails("ipmitool", fixture("ipmitool-real/openbmc.log"), tmp.resolve("out"), "--host-cores", "8", "--host-mem-gb", "8");
        assertThat(err).contains("no usable samples in the ipmitool input; 1 rows rejected, the first: ",
                "openbmc.log, line 2: the BMC says the reading is 'deactivated'");
    }

    @Test
    void unknownZoneAbbreviationAndFutureTimestampAreRejectedRows() throws Exception {
        Path dir = tmp.resolve("in");
        Files.createDirectories(dir);
        String block = "    Instantaneous power reading:                   %d Watts\n    IPMI timestamp:                           %s"
                + "    Sampling period:                          00000001 Seconds.\n    Power reading state is:                   activated\n\n";
        Files.writeString(dir.resolve("h1.log"), String.format(block, 200, "10/05/26 10:00:00 CEST")
                + String.format(block, 201, "10/05/26 10:05:00 XST") + String.format(block, 202, "10/05/99 10:10:00 UTC")
                + String.format(block, 203, "10/05/26 10:15:00 UTC"));
        Path out = tmp.resolve("out");
        importOk("ipmitool", dir, out, "--host-cores", "8", "--host-mem-gb", "8");
        List<Map<String, String>> power = csv(out.resolve("power.csv"));
        assertThat(power).extracting(p -> p.get("timestamp")).containsExactly("2026-10-05T08:00:00Z", "2026-10-05T10:15:00Z");
        List<Map<String, String>> bad = rejects(out);
        assertThat(row(bad, "reason", "unreadable IPMI timestamp").get("detail")).contains("time zone abbreviation 'XST' is not one greenpack knows");
        assertThat(row(bad, "reason", "IPMI timestamp in the future").get("detail")).contains("2099-10-05T10:10:00Z");
    }

    /**
     * FreeIPMI, written from the documented output: {@code ipmi-dcmi --get-system-power-statistics}
     * ("Current Power : 164 Watts", "Time Stamp : 12/29/2023 - 08:58:00", "Power Measurement : Active",
     * as quoted in ceems-dev/ceems's IPMI collector) and {@code ipmi-sensors} / {@code ipmimonitoring}
     * tables ("ID | Name | Type | [State |] Reading | Units | Event", units "W").
     */
    @Test
    void freeIpmiStatisticsAndSensorTables() throws Exception {
        Path out = tmp.resolve("out");
        importOk("ipmitool", fixture("freeipmi"), out, "--host-cores", "8", "--host-mem-gb", "8");
        List<Map<String, String>> power = csv(out.resolve("power.csv"));
        assertThat(num(row(power, "timestamp", "2026-10-05T10:00:02Z"), "watts")).isEqualTo(164.0);
        // ipmi-sensors: the whole-system sensor alone, not the CPU sensor beside it
        Map<String, String> whole = row(power, "timestamp", "2026-10-05T10:10:00Z");
        assertThat(num(whole, "watts")).isEqualTo(170.0);
        // ipmimonitoring with a State column: each PSU input is a psu
        assertThat(num(row(power, "timestamp", "2026-10-05T10:15:00Z", "psu", "PS1 Input Power"), "watts")).isEqualTo(90.0);
        assertThat(num(row(power, "timestamp", "2026-10-05T10:15:00Z", "psu", "PS2 Input Power"), "watts")).isEqualTo(85.0);
        assertThat(power).hasSize(4);
        assertThat(row(rejects(out), "line", "9").get("reason")).isEqualTo("power reading state is not available");
    }

    /** A gzip bomb after a good first line: stopped at the 16 MB line cap, naming file and line, nothing written. */
    @Test
    void endlessLineInAGzipFileStopsAtTheLineCap() throws Exception {
        Path in = tmp.resolve("h6.ipmi.log.gz");
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(Files.newOutputStream(in))) {
            gz.write("Mon Oct  5 10:00:00 UTC 2026\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 20; i++) {
                gz.write(zeros); // 20 MB without a line break, about 20 KB on disk
            }
        }
        assertThat(Files.size(in)).isLessThan(1 << 20);
        Path out = tmp.resolve("out");
        String err = importFails("ipmitool", in, out, "--host-cores", "8", "--host-mem-gb", "8");
        assertThat(err).contains("h6.ipmi.log.gz, line 2: more than 16 MB without a line break");
        assertThat(out.resolve("power.csv")).doesNotExist();
    }
}
