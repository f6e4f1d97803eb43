package io.greenpack.report;

import io.greenpack.csv.CsvWriter;
import io.greenpack.savings.MigrationMove;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code migration.csv}: the moves of the migration plan in order (DESIGN §7). Names go through
 * {@link CsvWriter}'s text path (quoting, formula-injection defence); numbers through its numeric path.
 */
public final class MigrationCsv {
    private MigrationCsv() {
    }

    public static final List<String> HEADER = List.of("step", "app", "from_host", "to_host", "mem_gb",
            "seconds_modelled", "cumulative_seconds_modelled", "frees_host");

    public static void write(Path file, List<MigrationMove> moves) throws IOException {
        try (CsvWriter csv = CsvWriter.open(file, HEADER)) {
            for (MigrationMove m : moves) {
                csv.row(m.step(), m.app(), m.fromHost(), m.toHost(), m.memGb(), m.seconds(), m.cumulativeSeconds(),
                        m.freesHost());
            }
        }
    }
}
