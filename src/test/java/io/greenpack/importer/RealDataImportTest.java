package io.greenpack.importer;

import io.greenpack.testing.CliRun;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.greenpack.importer.Imports.csv;
import static io.greenpack.importer.Imports.importOk;
import static io.greenpack.importer.Imports.num;
import static io.greenpack.importer.Imports.rejects;
import static io.greenpack.importer.Imports.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public sample in ../shared/realdata (see its README for sources) imports as a new user
 * would import it, and `validate` then reads the folder with exit 0. Skipped with a message when
 * the folder is absent (a checkout without the shared data).
 */
class RealDataImportTest {
    private static final Path REAL = Path.of("../shared/realdata");

    @TempDir
    Path tmp;

    private static Path real(String relative) {
        Path p = REAL.resolve(relative);
        Assumptions.assumeTrue(Files.isDirectory(p), "skipped: " + p.toAbsolutePath()
                + " is absent (the public samples of ../shared/realdata are not on this machine)");
        return p;
    }

    /** Imports, then validates with exit 0 and no stack trace; returns the import's printout. */
    private String importAndValidate(String format, Path in, Path out, String... more) {
        String printed = importOk(format, in, out, more).out();
        CliRun v = CliRun.of("validate", "--data", out.toString());
        assertThat(v.exitCode()).as(v.toString()).isZero();
        return printed;
    }

    @Test
    void planetlabDay() throws Exception {
        Path out = tmp.resolve("pl");
        String printed = importAndValidate("planetlab", real("planetlab/20110303"), out);
        assertThat(printed).contains("1052 files", "302976 rows", "1052 apps");
        assertThat(out.resolve("rejects.csv")).doesNotExist();
    }

    @Test
    void bitbrainsMonthWithReservations() throws Exception {
        Path out = tmp.resolve("bb");
        importAndValidate("bitbrains", real("bitbrains/rnd-2013-7"), out);
        List<Map<String, String>> apps = csv(out.resolve("apps.csv"));
        assertThat(apps).hasSize(4);
        // VM 1 was given 2 cores and 8218624 KB (7.84 GiB) at most
        assertThat(num(row(apps, "app", "vm1"), "reserved_cores")).isEqualTo(2.0);
        assertThat(num(row(apps, "app", "vm1"), "reserved_mem_gb")).isGreaterThanOrEqualTo(8218624 / 1024.0 / 1024.0);
    }

    @Test
    void redfishMockupsWithoutDoubleCounting() throws Exception {
        Path out = tmp.resolve("rf");
        importAndValidate("redfish", real("redfish/Redfish-Publications/mockups"), out, "--host-cores", "32", "--host-mem-gb", "256");
        List<Map<String, String>> power = csv(out.resolve("power.csv"));
        // the tower: EnvironmentMetrics 974 W alone, not + 2 x 487.4 W supplies, not + the Power resource's 926 W
        List<Map<String, String>> tower = power.stream().filter(p -> p.get("host").equals("public-tower-Tower")).toList();
        assertThat(tower).hasSize(1);
        assertThat(num(tower.get(0), "watts")).isEqualTo(974.0);
        // AverageConsumedWatts 0 beside PowerConsumedWatts 559
        assertThat(num(row(power, "host", "public-compose-action-RackServer-1"), "watts")).isEqualTo(559.0);
        assertThat(Files.readString(out.resolve("IMPORT.md"))).contains("modification time");
    }

    @Test
    void ipmitoolDcmiOutputsTheDeactivatedOneRejectedTheOthersKept() throws Exception {
        Path out = tmp.resolve("dcmi");
        importAndValidate("ipmitool", real("ipmitool/dcmi"), out, "--host-cores", "16", "--host-mem-gb", "64");
        List<Map<String, String>> power = csv(out.resolve("power.csv"));
        assertThat(power).extracting(p -> p.get("host")).containsExactlyInAnyOrder("ateodorescu-home-assistant-addons-38",
                "influxdata-telegraf-1566", "lovoo-ipmi_exporter-18", "radiorabe-rabe-zabbix-101");
        // ipmitool 1.8.19: "07/26/26 16:57:12 CDT    Sampling period: ..." on one line
        assertThat(row(power, "host", "ateodorescu-home-assistant-addons-38").get("timestamp")).isEqualTo("2026-07-26T21:57:12Z");
        Map<String, String> r = row(rejects(out), "reason", "power reading state is deactivated");
        assertThat(r.get("file")).endsWith("openbmc-openbmc-3257.log");
    }

    @Test
    void ipmitoolSdrSnapshots() throws Exception {
        Path out = tmp.resolve("sdr");
        importAndValidate("ipmitool", real("ipmitool/sdr"), out, "--host-cores", "16", "--host-mem-gb", "64");
        List<Map<String, String>> power = csv(out.resolve("power.csv"));
        assertThat(num(row(power, "host", "ha-ipmi-13-chunkster29"), "watts")).isEqualTo(105.0);
        assertThat(num(row(power, "host", "ha-ipmi-13-sshalyminov-dell"), "watts")).isEqualTo(98.0);
        // two PSU inputs, summed by ingest
        assertThat(power.stream().filter(p -> p.get("host").equals("ha-ipmi-13-sshalyminov-ibm"))
                .mapToDouble(p -> num(p, "watts")).sum()).isEqualTo(292.0);
    }

    @Test
    void alibabaMachines() throws Exception {
        Path out = tmp.resolve("ali");
        String printed = importAndValidate("alibaba", real("alibaba-v2018"), out, "--host-mem-gb", "512");
        assertThat(printed).contains("100001 rows", "16 hosts; 16 apps");
        assertThat(row(rejects(out), "reason", "time_stamp 0 (outside the trace)").get("line")).isEqualTo("31136");
    }
}
