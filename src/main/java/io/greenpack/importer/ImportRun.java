package io.greenpack.importer;

import io.greenpack.util.UserError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The entry point: lists the input files, runs one importer over them, commits the output. */
public final class ImportRun {
    private ImportRun() {
    }

    public static CanonicalWriter.ImportSummary run(ImportFormat format, Path in, Path outDir, ImportOptions options) {
        List<Path> files = inputFiles(in);
        Importer importer = format.importer();
        try (CanonicalWriter out = new CanonicalWriter(outDir, format, options)) {
            importer.prepare(files, options, out);
            for (Path f : files) {
                out.fileRead();
                importer.convert(f, options, out);
            }
            importer.finish(options, out);
            return out.commit();
        }
    }

    /** A file, or every non-hidden regular file below a folder (recursively), in path order. */
    static List<Path> inputFiles(Path in) {
        if (Files.isRegularFile(in)) {
            return List.of(in);
        }
        if (!Files.isDirectory(in)) {
            throw new UserError("--in " + in + ": no such file or directory");
        }
        try (Stream<Path> walk = Files.walk(in)) {
            List<Path> files = walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
            if (files.isEmpty()) {
                throw new UserError("--in " + in + ": the folder holds no files");
            }
            return files;
        } catch (IOException e) {
            throw new UserError("cannot list " + in + ": " + e.getMessage(), e);
        }
    }
}
