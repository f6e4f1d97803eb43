package io.greenpack.ingest.files;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The file formats a data directory may hold; chosen by file name ending. */
public enum InputFormat {
    CSV(".csv"), CSV_GZ(".csv.gz"), PARQUET(".parquet"), JSONL(".jsonl");

    private final String suffix;

    InputFormat(String suffix) {
        this.suffix = suffix;
    }

    public String suffix() {
        return suffix;
    }

    public boolean text() {
        return this != PARQUET;
    }

    public static Optional<InputFormat> of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        // .csv.gz before .csv: the longer ending wins.
        for (InputFormat f : new InputFormat[]{CSV_GZ, CSV, PARQUET, JSONL}) {
            if (name.endsWith(f.suffix)) {
                return Optional.of(f);
            }
        }
        if (name.endsWith(".json.gz") || name.endsWith(".jsonl.gz") || name.endsWith(".ndjson")) {
            return Optional.of(JSONL);
        }
        return Optional.empty();
    }
}
