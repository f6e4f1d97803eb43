package io.greenpack.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.greenpack.importer.Imports.csv;
import static io.greenpack.importer.Imports.fixture;
import static io.greenpack.importer.Imports.importFails;
import static io.greenpack.importer.Imports.importOk;
import static io.greenpack.importer.Imports.num;
import static io.greenpack.importer.Imports.rejects;
import static io.greenpack.importer.Imports.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Redfish Power (PowerControl) and EnvironmentMetrics (PowerWatts) documents over time. */
class RedfishImportTest {
    @TempDir
    Path tmp;

    static final String[] SIZE = {"--host-cores", "64", "--host-mem-gb", "512"};

    @Test
    void powerControlAndEnvironmentMetricsBecomeWatts() throws Exception {
        Path out = tmp.resolve("out");
        String printed = importOk("redfish", fixture("redfish"), out, "--time-from-filename", "yyyyMMdd'T'HHmmss",
                "--host-cores", "64", "--host-mem-gb", "512").out();
        assertThat(printed).contains("further PowerControl entry");
        List<Map<String, String>> power = csv(out.resolve("power.csv"));
        assertThat(power).hasSize(8);
        // CollectedAt 12:00+02:00 is 10:00 UTC; PowerConsumedWatts while there is no PowerMetrics
        assertThat(num(row(power, "host", "srv3", "timestamp", "2026-10-05T10:00:00Z"), "watts")).isEqualTo(300.0);
        // AverageConsumedWatts wins when present (the mean over the interval)
        assertThat(num(row(power, "host", "srv3", "timestamp", "2026-10-05T10:15:00Z"), "watts")).isEqualTo(313.0);
        // EnvironmentMetrics: PowerWatts.Reading at the time in the file name
        Map<String, String> env = row(power, "host", "srv4", "timestamp", "2026-10-05T10:05:00Z");
        assertThat(num(env, "watts")).isEqualTo(415.0);
        assertThat(env.get("source")).isEqualTo("redfish");
        assertThat(Files.readAllLines(out.resolve("hosts.csv"))).containsExactly(Imports.HOSTS_HEADER,
                "srv3,unknown-64c,1,64,512", "srv4,unknown-64c,1,64,512");
    }

    @Test
    void truncatedJsonNamesLineAndColumn() throws Exception {
        String text = Files.readString(fixture("redfish/srv4.20261005T100000.json"));
        Path in = tmp.resolve("srv9.json");
        Files.writeString(in, text.substring(0, text.indexOf("\"EnergykWh\"")));
        String err = importFails("redfish", in, tmp.resolve("out"), SIZE);
        assertThat(err).contains("srv9.json, line ", ", column ", "not valid JSON", "expected complete Redfish JSON documents");
    }

    @Test
    void nonNumericReadingRejectsItsDocumentAndKeepsTheOthers() throws Exception {
        List<String> lines = Files.readAllLines(fixture("redfish/srv3.power.jsonl"));
        lines.set(2, lines.get(2).replace("\"PowerConsumedWatts\": 302", "\"PowerConsumedWatts\": \"302 W\""));
        Path in = tmp.resolve("srv3.jsonl");
        Files.write(in, lines);
        Path out = tmp.resolve("out");
        importOk("redfish", in, out, SIZE);
        Map<String, String> r = row(rejects(out), "line", "3");
        assertThat(r.get("detail")).contains("srv3.jsonl, line 3, field PowerControl[0].PowerConsumedWatts: found '\"302 W\"', expected a non-negative JSON number");
        assertThat(csv(out.resolve("power.csv"))).hasSize(lines.size() - 1);
    }

    /** Without any time in the document or its name, the file's modification time is used and IMPORT.md says so. */
    @Test
    void documentWithoutTimeTakesTheFilesModificationTime() throws Exception {
        Path in = tmp.resolve("srv4.json");
        Files.copy(fixture("redfish/srv4.20261005T100000.json"), in);
        Files.setLastModifiedTime(in, FileTime.from(Instant.parse("2026-10-05T10:07:30.250Z")));
        Path out = tmp.resolve("out");
        importOk("redfish", in, out, SIZE);
        assertThat(num(row(csv(out.resolve("power.csv")), "host", "srv4", "timestamp", "2026-10-05T10:07:30Z"), "watts")).isEqualTo(410.5);
        assertThat(Files.readString(out.resolve("IMPORT.md"))).contains("taken at its file's modification time");
    }

    /**
     * DMTF's mockups (copies in src/test/resources/import/redfish-mockups of
     * DMTF/Redfish-Publications @ 26c94965, mockups/public-tower, public-compose-action,
     * public-telemetry; BSD-3-Clause): a folder tree of index.json files without collection times.
     * The tower has a Power resource (926 W now, 827 W average), EnvironmentMetrics (974 W) and two
     * supplies (487.4 W each, both with Id "Metrics"): one chassis, so one figure, never their sum.
     */
    @Test
    void mockupTreeHostsFromThePathAndOneSourcePerChassis() throws Exception {
        Path out = tmp.resolve("out");
        String printed = importOk("redfish", fixture("redfish-mockups"), out, SIZE).out();
        List<Map<String, String>> power = csv(out.resolve("power.csv"));
        List<Map<String, String>> tower = power.stream().filter(p -> p.get("host").equals("public-tower-Tower")).toList();
        assertThat(tower).hasSize(1);
        assertThat(num(tower.get(0), "watts")).isEqualTo(974.0);
        assertThat(printed).contains("PowerSupplyMetrics of a host that has EnvironmentMetrics (not added on top",
                "Power PowerControl of a host that has EnvironmentMetrics");
        // AverageConsumedWatts 0 beside PowerConsumedWatts 559: the current reading
        Map<String, String> rack = power.stream().filter(p -> p.get("host").equals("public-compose-action-RackServer-1")).findFirst().orElseThrow();
        assertThat(num(rack, "watts")).isEqualTo(559.0);
        // MetricReport: a time series per chassis at its own timestamps (-05:00 -> UTC)
        assertThat(num(row(power, "host", "public-telemetry-Tray_1", "timestamp", "2016-11-08T18:25:00Z"), "watts")).isEqualTo(106.0);
        assertThat(power.stream().filter(p -> p.get("host").equals("public-telemetry-Tray_2"))).hasSize(3);
    }

    /** Two supplies whose documents both have Id "Metrics" are two psu rows (Bay1, Bay2) that ingest sums. */
    @Test
    void suppliesAreSummedByBayNotTakenAsDuplicates() throws Exception {
        Path in = Imports.copy(fixture("redfish-mockups/public-tower"), tmp.resolve("in/public-tower"));
        Files.delete(in.resolve("Chassis/Tower/EnvironmentMetrics/index.json"));
        Files.delete(in.resolve("Chassis/Tower/Power/index.json"));
        Path out = tmp.resolve("out");
        importOk("redfish", in, out, SIZE);
        List<Map<String, String>> power = csv(out.resolve("power.csv"));
        assertThat(power).extracting(p -> p.get("psu")).containsExactly("Bay1", "Bay2");
        assertThat(power.stream().mapToDouble(p -> num(p, "watts")).sum()).isEqualTo(974.8, within(1e-9));
    }
}
