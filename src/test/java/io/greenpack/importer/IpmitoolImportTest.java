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
        assertThat(printed).contains("utilization.csv  not written", "DCMI power reading state is deactivated");
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

    @Test
    void sensorLineBeforeAnyTimestamp() throws Exception {
        Path in = tmp.resolve("h8.log");
        Files.writeString(in, "Pwr Consumption  | 0Ch | ok  |  7.1 | 250 Watts\n");
        String err = importFails("ipmitool", in, tmp.resolve("out"), "--host-cores", "8", "--host-mem-gb", "8");
        assertThat(err).contains("h8.log, line 1: power sensor line before any timestamp line");
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
