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
import static io.greenpack.importer.Imports.rejects;
import static io.greenpack.importer.Imports.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Alibaba cluster-trace-v2018. machines/ holds rows of ../shared/realdata/alibaba-v2018
 * (gohsyi/cluster_optimization @ d147f574, data/machine_*.csv, a sample of alibaba/clusterdata's
 * trace), except the m_1933 machine_meta row, written with 48 cores and mem_size 50 to test the
 * sizing. containers/ is written from the published schema (alibaba/clusterdata,
 * cluster-trace-v2018/schema.md): container_meta and container_usage column order.
 */
class AlibabaImportTest {
    @TempDir
    Path tmp;

    @Test
    void machineLevelEachMachineIsOneAppAtStartPlusSeconds() throws Exception {
        Path out = tmp.resolve("out");
        String printed = importOk("alibaba", fixture("alibaba/machines"), out, "--host-mem-gb", "256",
                "--start", "2018-06-01T00:00:00Z").out();
        List<Map<String, String>> util = csv(out.resolve("utilization.csv"));
        // m_1932 at second 386640: 41 % of 96 cores; 92 % of the machine's 256 GB (mem_size 100)
        Map<String, String> r = row(util, "host", "m_1932", "timestamp", "2018-06-05T11:24:00Z");
        assertThat(r.get("app")).isEqualTo("m_1932");
        assertThat(num(r, "cpu_cores")).isCloseTo(39.36, within(1e-9));
        assertThat(num(r, "mem_gb")).isCloseTo(235.52, within(1e-9));
        // m_1933: 48 cores, mem_size 50 = half of the largest machine; 5 % and 91 %
        Map<String, String> small = row(util, "host", "m_1933", "timestamp", "2018-06-01T00:02:20Z");
        assertThat(num(small, "cpu_cores")).isCloseTo(2.4, within(1e-9));
        assertThat(num(small, "mem_gb")).isCloseTo(116.48, within(1e-9));
        assertThat(util).hasSize(7);
        // time_stamp 0 means "outside the trace": rejected, with its line
        Map<String, String> bad = row(rejects(out), "line", "8");
        assertThat(bad.get("reason")).isEqualTo("time_stamp 0 (outside the trace)");
        assertThat(Files.readAllLines(out.resolve("hosts.csv"))).containsExactly(Imports.HOSTS_HEADER,
                "m_1932,unknown-96c,1,96,256", "m_1933,unknown-48c,1,48,128");
        assertThat(printed).contains("each machine is one app named like the machine");
    }

    @Test
    void containersAreAppsByDeployUnitSizedByTheirRequest() throws Exception {
        Path out = tmp.resolve("out");
        importOk("alibaba", fixture("alibaba/containers"), out, "--host-mem-gb", "256");
        List<Map<String, String>> util = csv(out.resolve("utilization.csv"));
        // c_1: 50 % of cpu_request 400 (4 cores) = 2 cores; 40 % of 1.56 % of 256 GB
        Map<String, String> c1 = row(util, "instance", "c_1");
        assertThat(c1.get("app")).isEqualTo("app_5052");
        assertThat(c1.get("host")).isEqualTo("m_1932");
        assertThat(c1.get("timestamp")).isEqualTo("2018-01-05T11:24:00Z"); // the documented default --start
        assertThat(num(c1, "cpu_cores")).isCloseTo(2.0, within(1e-9));
        assertThat(num(c1, "mem_gb")).isCloseTo(0.4 * 0.0156 * 256, within(1e-9));
        assertThat(util).hasSize(3);
        // mem 101 marks an invalid value; c_9 has no container_meta row
        assertThat(rejects(out)).extracting(r -> r.get("reason"))
                .containsExactlyInAnyOrder("mem_util_percent missing or outside 0..100", "container not in container_meta");
        // what each deploy unit requested, summed over its containers: two of 4 cores, one of 8
        List<Map<String, String>> apps = csv(out.resolve("apps.csv"));
        assertThat(num(row(apps, "app", "app_5052"), "reserved_cores")).isEqualTo(8.0);
        assertThat(num(row(apps, "app", "app_5052"), "reserved_mem_gb")).isCloseTo(2 * 0.0156 * 256, within(1e-9));
        assertThat(num(row(apps, "app", "app_8513"), "reserved_cores")).isEqualTo(8.0);
    }

    @Test
    void memoryIsNormalisedSoTheLargestMachinesMemoryIsNeeded() {
        String err = importFails("alibaba", fixture("alibaba/machines"), tmp.resolve("out"));
        assertThat(err).contains("pass --host-mem-gb N, the memory of the largest machine");
    }

    @Test
    void aFileThatIsNoTraceTableStops() throws Exception {
        Path in = Imports.copy(fixture("alibaba/machines"), tmp.resolve("in"));
        Files.writeString(in.resolve("notes.txt"), "hello\n");
        assertThat(importFails("alibaba", in, tmp.resolve("out"), "--host-mem-gb", "256"))
                .contains("notes.txt: not a cluster-trace-v2018 table");
    }
}
