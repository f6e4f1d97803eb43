package io.greenpack.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.greenpack.importer.Imports.fixture;
import static io.greenpack.importer.Imports.importFails;
import static io.greenpack.importer.Imports.importOk;
import static io.greenpack.importer.Imports.rejects;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Importing into a folder that already holds data: other kinds are kept and hosts.csv is merged;
 * --force replaces only files of the kinds the import writes and lists each of them.
 */
class ImportMergeTest {
    @TempDir
    Path tmp;

    static final String[] SIZE = {"--host-cores", "32", "--host-mem-gb", "256"};

    /** A folder with PlanetLab utilization for pl-host-001/002, and a user's idle_watts in hosts.csv. */
    private Path utilizationFolder() throws Exception {
        Path out = tmp.resolve("dc");
        importOk("planetlab", fixture("planetlab"), out, "--vms-per-host", "2");
        List<String> hosts = Files.readAllLines(out.resolve("hosts.csv"));
        assertThat(hosts).containsExactly(Imports.HOSTS_HEADER, "pl-host-001,unknown-2c,1,2,2", "pl-host-002,unknown-1c,1,1,1");
        Files.write(out.resolve("hosts.csv"), List.of(Imports.HOSTS_HEADER + ",idle_watts", "pl-host-001,unknown-2c,1,2,2,95",
                "pl-host-002,unknown-1c,1,1,1,"));
        return out;
    }

    @Test
    void powerIntoAFolderWithUtilizationKeepsItAndMergesHosts() throws Exception {
        Path out = utilizationFolder();
        String utilization = Files.readString(out.resolve("utilization.csv"));
        String printed = importOk("ipmitool", fixture("ipmitool"), out, SIZE).out();
        assertThat(printed).contains("kept utilization.csv", "hosts.csv merged: 2 hosts kept as they were, 2 added")
                .doesNotContain("--force:");
        assertThat(Files.readString(out.resolve("utilization.csv"))).isEqualTo(utilization);
        assertThat(out.resolve("power.csv")).exists();
        // rows that were there stay as they were (the user's column too); new hosts leave it empty
        assertThat(Files.readAllLines(out.resolve("hosts.csv"))).containsExactly(Imports.HOSTS_HEADER + ",idle_watts",
                "pl-host-001,unknown-2c,1,2,2,95", "pl-host-002,unknown-1c,1,1,1,",
                "host01,unknown-32c,1,32,256,", "host02,unknown-32c,1,32,256,");
        assertThat(Files.readString(out.resolve("import.json"))).contains("\"has_power\" : true", "\"has_utilization\" : true",
                "\"kept\" : [ \"utilization.csv\" ]");
        // IMPORT.md keeps the earlier import's section above this one
        String md = Files.readString(out.resolve("IMPORT.md"));
        assertThat(md.indexOf("# Imported data: planetlab")).isGreaterThanOrEqualTo(0).isLessThan(md.indexOf("# Imported data: ipmitool"));
    }

    @Test
    void theSameKindAgainNeedsForceAndSaysWhatWouldBeKept() throws Exception {
        Path out = utilizationFolder();
        importOk("ipmitool", fixture("ipmitool"), out, SIZE);
        String power = Files.readString(out.resolve("power.csv"));
        String err = importFails("ipmitool", fixture("ipmitool"), out, SIZE);
        assertThat(err).contains("already holds [power.csv] (power samples of an earlier import); pass --force to replace it",
                "[utilization.csv] would be kept either way");
        assertThat(Files.readString(out.resolve("power.csv"))).isEqualTo(power);
    }

    @Test
    void forceReplacesOnlyTheSameKindAndListsEveryFile() throws Exception {
        Path out = utilizationFolder();
        importOk("ipmitool", fixture("ipmitool"), out, SIZE);
        Files.copy(out.resolve("power.csv"), out.resolve("power-01.csv"));
        String printed = importOk("ipmitool", fixture("ipmitool/host01.ipmi.log"), out, "--force",
                "--host-cores", "32", "--host-mem-gb", "256").out();
        assertThat(printed).contains("--force: replaced power.csv; removed power-01.csv", "kept utilization.csv");
        assertThat(out.resolve("power-01.csv")).doesNotExist();
        assertThat(out.resolve("utilization.csv")).exists();
        // host02 had samples only in the replaced files: it leaves hosts.csv; the others stay
        assertThat(Files.readAllLines(out.resolve("hosts.csv"))).containsExactly(Imports.HOSTS_HEADER + ",idle_watts",
                "pl-host-001,unknown-2c,1,2,2,95", "pl-host-002,unknown-1c,1,1,1,", "host01,unknown-32c,1,32,256,");
        assertThat(printed).contains("1 removed (their samples were only in replaced files)");
    }

    @Test
    void rejectsOfAnEarlierImportStayWhenAnotherKindIsAdded() throws Exception {
        Path in = tmp.resolve("in/20110303");
        Files.createDirectories(in);
        Files.writeString(in.resolve("vm-a"), "10\nten\n30\n");
        Path out = tmp.resolve("dc");
        importOk("planetlab", in.getParent(), out);
        assertThat(rejects(out)).hasSize(1);
        importOk("ipmitool", fixture("ipmitool/host01.ipmi.log"), out, SIZE);
        assertThat(rejects(out)).extracting(r -> r.get("reason")).containsExactly("not a number", "power reading state is deactivated");
    }
}
