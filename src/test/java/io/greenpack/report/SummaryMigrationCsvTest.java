package io.greenpack.report;

import io.greenpack.savings.MigrationMove;
import io.greenpack.savings.SmallFleet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** migration.csv, next to summary.md (named so the Summary* test filter runs it). */
class SummaryMigrationCsvTest {
    @Test
    void movesInOrderWithNamesEscapedAndNumbersPlain(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("migration.csv");
        List<MigrationMove> moves = new java.util.ArrayList<>(SmallFleet.result().migration());
        moves.add(new MigrationMove(4, "=HYPERLINK(\"x\")", "old,3", "NewBox-1", 2, 1.5, 2.5, null));
        MigrationCsv.write(file, moves);

        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).isEqualTo(
                "step,app,from_host,to_host,mem_gb,seconds_modelled,cumulative_seconds_modelled,frees_host");
        assertThat(lines.get(1)).startsWith("1,c,old-2,NewBox-1,8,10.97").endsWith(",old-2");
        assertThat(lines.get(2)).startsWith("2,b,old-1,NewBox-1,64,").endsWith(",");
        assertThat(lines.get(4)).isEqualTo("4,\"'=HYPERLINK(\"\"x\"\")\",\"old,3\",NewBox-1,2,1.5,2.5,");
    }

    @Test
    void aMoveOffAPhysicalHostIsMarkedP2v(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("migration.csv");
        MigrationCsv.write(file, SmallFleet.result().migration(), java.util.Set.of("old-2"));
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).endsWith(",frees_host,kind");
        assertThat(lines.get(1)).startsWith("1,c,old-2,").endsWith(",p2v");
        assertThat(lines.get(2)).startsWith("2,b,old-1,").endsWith(",live");
    }
}
