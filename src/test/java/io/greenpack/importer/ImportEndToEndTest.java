package io.greenpack.importer;

import io.greenpack.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.greenpack.importer.Imports.fixture;
import static io.greenpack.importer.Imports.importOk;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real ingest accepts what import writes. Only formats that produce power and utilization
 * can pass today (ingest requires both); one Spark session for all of them keeps this fast.
 */
class ImportEndToEndTest {
    @TempDir
    Path tmp;

    @Test
    void prometheusOutputPassesValidate() {
        Path out = tmp.resolve("prom");
        importOk("prometheus", fixture("prometheus"), out);
        CliRun v = CliRun.of("validate", "--data", out.toString());
        assertThat(v.exitCode()).as(v.toString()).isZero();
        // both files kept all their rows; the RAPL reset is seen as a reset, not as negative energy
        assertThat(v.out()).contains("rejected rows: 0 of");
        assertThat(v.out()).containsPattern("power\\.csv\\s+power\\s+6\\s+6\\s+0");
        assertThat(v.out()).containsPattern("utilization\\.csv\\s+utilization\\s+10\\s+10\\s+0");
    }

    @Test
    void perfmonWithPowerMeterPassesValidate() {
        Path out = tmp.resolve("perfmon");
        importOk("perfmon", fixture("perfmon"), out, "--host-mem-gb", "32");
        CliRun v = CliRun.of("validate", "--data", out.toString());
        assertThat(v.exitCode()).as(v.toString()).isZero();
        assertThat(v.out()).contains("rejected rows: 0 of");
    }

    @Test
    void commandRefusesToOverwriteWithoutForce() throws Exception {
        Path out = tmp.resolve("again");
        importOk("prometheus", fixture("prometheus"), out);
        String err = Imports.importFails("prometheus", fixture("prometheus"), out);
        assertThat(err).contains("already holds [power.csv, utilization.csv]", "--force");
        String printed = importOk("bitbrains", fixture("bitbrains"), out, "--force").out();
        // --force replaces only the kind bitbrains writes: the prometheus power.csv stays beside the new utilization
        assertThat(printed).contains("kept power.csv", "--force: replaced utilization.csv; removed nothing");
        assertThat(out.resolve("power.csv")).exists();
        assertThat(Files.list(out).map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp"))).isEmpty();
    }

    @Test
    void unknownFormatListsTheAllowedOnes() {
        CliRun run = CliRun.of("import", "--format", "nagios", "--in", "x", "--out", tmp.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown format 'nagios'; expected one of: perfmon, ipmitool, redfish, prometheus, planetlab, bitbrains, alibaba");
    }

    @Test
    void helpHasAnExamplePerFormat() {
        CliRun run = CliRun.of("import", "--help");
        assertThat(run.exitCode()).isZero();
        for (ImportFormat f : ImportFormat.values()) {
            assertThat(run.out()).contains("--format " + f.cliName());
        }
        assertThat(run.out()).contains("--start", "rejects.csv", "IPMI timestamp: 07/26/26 16:57:12 CDT", "ipmi-dcmi",
                "index.json", "reserved_cores", "keeps utilization.csv, adds power.csv, merges hosts.csv",
                "replaces power.* only and lists each file");
    }
}
