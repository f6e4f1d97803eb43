package io.greenpack.importer;

import java.nio.file.Path;
import java.util.List;

/**
 * One input format. {@link #convert} is called once per input file, in name order; an importer
 * that must see all files before writing (to join series or place VMs on hosts) does so in
 * {@link #prepare} or {@link #finish}.
 */
interface Importer {
    /** Called once with every input file before any is converted. */
    default void prepare(List<Path> files, ImportOptions options, CanonicalWriter out) {
    }

    void convert(Path file, ImportOptions options, CanonicalWriter out);

    /** Called once after the last file. */
    default void finish(ImportOptions options, CanonicalWriter out) {
    }
}
