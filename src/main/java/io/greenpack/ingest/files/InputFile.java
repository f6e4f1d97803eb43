package io.greenpack.ingest.files;

import java.nio.file.Path;

/** One input file, its kind and its format. */
public record InputFile(Path path, InputKind kind, InputFormat format) {
    public String name() {
        return path.getFileName().toString();
    }
}
