package io.greenpack.report;

import io.greenpack.csv.CsvWriter;
import io.greenpack.savings.MigrationMove;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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

    /**
     * The same with a last column {@code kind}: {@code p2v} for a move off a host whose role is
     * physical (a physical-to-virtual conversion, not a live migration: its time is the live
     * estimate's lower bound), {@code live} otherwise.
     */
    public static void write(Path file, List<MigrationMove> moves, Set<String> physicalHosts) throws IOException {
        List<String> header = new ArrayList<>(HEADER);
        header.add("kind");
        try (CsvWriter csv = CsvWriter.open(file, header)) {
            for (MigrationMove m : moves) {
                csv.row(m.step(), m.app(), m.fromHost(), m.toHost(), m.memGb(), m.seconds(), m.cumulativeSeconds(),
                        m.freesHost(), physicalHosts.contains(m.fromHost()) ? "p2v" : "live");
            }
        }
    }
}
