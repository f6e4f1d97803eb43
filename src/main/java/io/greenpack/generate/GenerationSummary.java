package io.greenpack.generate;

import java.nio.file.Path;
import java.util.List;

/** What one run of the generator wrote, and how fast. */
public record GenerationSummary(Path dir, List<String> files, long powerRows, long utilizationRows,
                                int badRows, double seconds) {

    public double rowsPerSecond() {
        return seconds <= 0 ? 0 : (powerRows + utilizationRows) / seconds;
    }
}
