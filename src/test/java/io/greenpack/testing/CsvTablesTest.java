package io.greenpack.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The comparer the cluster IT relies on: it must see real differences and forgive rounding. */
class CsvTablesTest {

    @Test
    void parsesQuotedCellsAndLineEndings() {
        assertThat(CsvTables.parse("a,\"b,c\"\r\n\"x \"\"y\"\"\",\"two\nlines\"\n"))
                .containsExactly(List.of("a", "b,c"), List.of("x \"y\"", "two\nlines"));
    }

    @Test
    void numbersMatchWithinRelativeToleranceTextMustBeEqual() {
        assertThat(CsvTables.cellsMatch("1000.0", "1000.0000000001", 1e-9)).isTrue();
        assertThat(CsvTables.cellsMatch("1000.0", "1000.001", 1e-9)).isFalse();
        assertThat(CsvTables.cellsMatch("0", "0.0", 1e-9)).isTrue();
        assertThat(CsvTables.cellsMatch("1d", "1.0", 1e-9)).as("not a plain number").isFalse();
        assertThat(CsvTables.cellsMatch("host-a", "host-b", 1e-9)).isFalse();
    }

    @Test
    void reportsRowCountAndCellDifferences(@TempDir Path dir) throws Exception {
        Path a = Files.writeString(dir.resolve("a.csv"), "time,watts\nt1,100.0\nt2,200.0\n");
        Path b = Files.writeString(dir.resolve("b.csv"), "time,watts\nt1,100.00000000001\nt2,201.0\n");
        Path c = Files.writeString(dir.resolve("c.csv"), "time,watts\nt1,100.0\n");

        assertThat(CsvTables.differences(a, a, 1e-9, 10)).isEmpty();
        assertThat(CsvTables.differences(a, b, 1e-9, 10)).containsExactly("line 3, column watts: '200.0' vs '201.0'");
        assertThat(CsvTables.differences(a, c, 1e-9, 10)).containsExactly("row count 3 vs 2 (header included)");
    }
}
