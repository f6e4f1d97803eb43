package io.greenpack.importer;

import io.greenpack.testing.CliRun;
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
import static org.assertj.core.api.Assertions.within;

/** Prometheus query_range exports: process-exporter CPU/memory, node sizing, RAPL joules. */
class PrometheusImportTest {
    @TempDir
    Path tmp;

    @Test
    void convertsCountersToCoresAndJoulesToWattHours() throws Exception {
        Path out = tmp.resolve("out");
        CliRun run = importOk("prometheus", fixture("prometheus"), out);
        assertThat(run.out()).contains("imported prometheus: 4 files", "power.csv        6 rows", "2 apps");

        List<Map<String, String>> util = csv(out.resolve("utilization.csv"));
        // web: user 300 s + system 30 s of CPU per 300 s = 1.1 cores; resident 2 GiB (virtual is skipped)
        Map<String, String> web = row(util, "timestamp", "2026-10-05T10:05:00Z", "app", "web");
        assertThat(web.get("host")).isEqualTo("srv1.example.net"); // instance without its port
        assertThat(num(web, "cpu_cores")).isCloseTo(1.1, within(1e-9));
        assertThat(num(web, "mem_gb")).isEqualTo(2.0);
        // db's counter restarted (350 -> 60): the increase is 60 s, not -290 s
        assertThat(num(row(util, "timestamp", "2026-10-05T10:15:00Z", "app", "db"), "cpu_cores")).isCloseTo(0.2, within(1e-9));
        assertThat(num(row(util, "timestamp", "2026-10-05T10:20:00Z", "app", "db"), "cpu_cores")).isCloseTo(0.5, within(1e-9));
        // the first sample of a counter has no rate; node_cpu rows are not used beside per-app series
        assertThat(util).hasSize(2 * 5).noneMatch(r -> r.get("app").equals(PrometheusImporter.NODE_APP));

        List<Map<String, String>> power = csv(out.resolve("power.csv"));
        assertThat(num(row(power, "timestamp", "2026-10-05T10:00:00Z"), "energy_wh")).isEqualTo(10.0);
        // the RAPL counter reset (108000 J -> 5000 J) is written as it is: ingest detects it
        Map<String, String> reset = row(power, "timestamp", "2026-10-05T10:15:00Z");
        assertThat(num(reset, "energy_wh")).isCloseTo(5000 / 3600.0, within(1e-9));
        assertThat(reset.get("watts")).isEmpty();
        assertThat(reset.get("source")).isEqualTo("rapl");
        assertThat(reset.get("psu")).isEqualTo("0//sys/class/powercap/intel-rapl:0");

        // 4 distinct cpu labels and MemTotal 64 GiB size the host
        assertThat(Files.readAllLines(out.resolve("hosts.csv")))
                .containsExactly(Imports.HOSTS_HEADER, "srv1.example.net,unknown-4c,1,4,64");
        assertThat(Files.readString(out.resolve("IMPORT.md"))).contains("CPU package only");
    }

    @Test
    void nodeExporterAloneBecomesOneAppPerHost() throws Exception {
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        Files.copy(fixture("prometheus/node.json"), in.resolve("node.json"));
        String avail = Files.readString(fixture("prometheus/node.json"))
                .replace("node_memory_MemTotal_bytes", "node_memory_MemAvailable_bytes").replace("68719476736", "17179869184");
        Files.writeString(in.resolve("avail.json"), avail);
        Path out = tmp.resolve("out");
        importOk("prometheus", in, out);
        List<Map<String, String>> util = csv(out.resolve("utilization.csv"));
        // the fixture's node series only counts idle time: 0 busy cores; used = 64 - 16 GiB
        Map<String, String> r = row(util, "timestamp", "2026-10-05T10:05:00Z", "app", PrometheusImporter.NODE_APP);
        assertThat(num(r, "cpu_cores")).isZero();
        assertThat(num(r, "mem_gb")).isEqualTo(48.0);
        assertThat(out.resolve("power.csv")).doesNotExist();
        assertThat(Files.readString(out.resolve("import.json"))).contains("\"has_power\" : false");
    }

    @Test
    void truncatedJsonNamesFileLineAndColumn() throws Exception {
        String text = Files.readString(fixture("prometheus/process_cpu.json"));
        Path bad = tmp.resolve("cut.json");
        Files.writeString(bad, text.substring(0, text.length() / 2));
        String err = importFails("prometheus", bad, tmp.resolve("out"));
        assertThat(err).contains("cut.json, line ", ", column ", "not valid JSON", "expected a complete /api/v1/query_range response");
        assertThat(tmp.resolve("out").resolve("utilization.csv")).doesNotExist();
    }

    @Test
    void nonNumericSampleNamesTheLine() throws Exception {
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, """
                {"status":"success","data":{"resultType":"matrix","result":[
                 {"metric":{"__name__":"container_memory_working_set_bytes","instance":"n1:8080","container":"api","pod":"api-1"},
                  "values":[[1791194400,"1024"],
                            [1791194700,"12 MB"]]}]}}
                """);
        String err = importFails("prometheus", bad, tmp.resolve("out"));
        assertThat(err).contains("bad.json, line 4: sample value is '12 MB', expected a number");
    }

    @Test
    void instantQueryResultIsRefused() throws Exception {
        Path bad = tmp.resolve("vector.json");
        Files.writeString(bad, """
                {"status":"success","data":{
                  "resultType":"vector","result":[{"metric":{"instance":"n1:9100"},"value":[1791194400,"1"]}]}}
                """);
        String err = importFails("prometheus", bad, tmp.resolve("out"));
        assertThat(err).contains("vector.json, line 2", "resultType is 'vector', expected \"matrix\"");
    }

    @Test
    void errorStatusIsReported() throws Exception {
        Path bad = tmp.resolve("err.json");
        Files.writeString(bad, "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error at char 5\"}\n");
        String err = importFails("prometheus", bad, tmp.resolve("out"));
        assertThat(err).contains("err.json: status is 'error' (error: parse error at char 5)");
    }
}
