package io.greenpack.ingest.files;

import io.greenpack.csv.CsvWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** {@code rejects.csv}: every quarantined row with file, line, reason, the bad value and the line itself. */
public final class RejectsFile {
    public static final List<String> HEADER = List.of("file", "line", "reason", "detail", "content");

    private RejectsFile() {
    }

    public static void write(Path file, List<RejectRow> rejects) throws IOException {
        try (CsvWriter w = CsvWriter.open(file, HEADER)) {
            for (RejectRow r : rejects) {
                w.row(r.file(), r.line(), r.reason(), r.detail(), r.content());
            }
        }
    }
}
