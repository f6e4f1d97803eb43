package io.greenpack.importer;

import java.nio.file.Path;

final class PrometheusImporter implements Importer {
    @Override
    public void convert(Path file, ImportOptions options, CanonicalWriter out) {
        throw new io.greenpack.util.UserError("not implemented yet");
    }
}
