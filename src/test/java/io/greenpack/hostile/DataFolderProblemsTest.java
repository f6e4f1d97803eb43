package io.greenpack.hostile;

import io.greenpack.testing.CliRun;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static io.greenpack.testing.CliRun.refused;

/**
 * A data folder that cannot be used, through the real command line: exit 2 with the path, the
 * reason and what was expected, never only the path repeated.
 */
class DataFolderProblemsTest {
    @TempDir
    Path tmp;

    @Test
    void aDataFolderThatIsAFileOrMissingSaysSo() throws Exception {
        Path file = Files.writeString(tmp.resolve("power.csv"), "timestamp,host,watts\n");
        refused(CliRun.of("validate", "--data", file.toString()), "data directory " + file + ": is a file, not a folder",
                "expected a folder holding hosts.csv, power.* and utilization.*");
        Path missing = tmp.resolve("nowhere");
        refused(CliRun.of("validate", "--data", missing.toString()), "data directory " + missing + ": does not exist");
    }

    @Test
    void aDataFolderWithoutReadPermissionSaysItCannotBeRead() throws Exception {
        Assumptions.assumeFalse("root".equals(System.getProperty("user.name")),
                "running as root: chmod 000 does not stop root from reading the folder");
        Path data = HostileCorpus.materialize(new HostileCorpus.Case("base", "validate", 0, java.util.List.of(), ""), tmp);
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("---------"));
        try {
            refused(CliRun.of("validate", "--data", data.toString()), "data directory " + data + ": cannot be read");
        } finally {
            Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
