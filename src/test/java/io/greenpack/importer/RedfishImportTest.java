package io.greenpack.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.greenpack.importer.Imports.csv;
import static io.greenpack.importer.Imports.fixture;
import static io.greenpack.importer.Imports.importFails;
import static io.greenpack.importer.Imports.importOk;
import static io.greenpack.importer.Imports.num;
import static io.greenpack.importer.Imports.row;
import static org.assertj.core.api.Assertions.assertThat;

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
    void nonNumericReadingNamesTheField() throws Exception {
        List<String> lines = Files.readAllLines(fixture("redfish/srv3.power.jsonl"));
        lines.set(2, lines.get(2).replace("\"PowerConsumedWatts\": 302", "\"PowerConsumedWatts\": \"302 W\""));
        Path in = tmp.resolve("srv3.jsonl");
        Files.write(in, lines);
        String err = importFails("redfish", in, tmp.resolve("out"), SIZE);
        assertThat(err).contains("srv3.jsonl, line 3, field PowerControl[0].PowerConsumedWatts: found '\"302 W\"', expected a non-negative JSON number");
    }

    @Test
    void documentWithoutTimeAsksForOne() {
        String err = importFails("redfish", fixture("redfish/srv4.20261005T100000.json"), tmp.resolve("out"), SIZE);
        assertThat(err).contains("srv4.20261005T100000.json, line 1: the document has no collection time",
                "@greenpack.CollectedAt", "--time-from-filename");
    }
}
