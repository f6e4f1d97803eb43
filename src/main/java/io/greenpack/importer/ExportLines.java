package io.greenpack.importer;

import io.greenpack.util.UserError;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a text file line by line (gzip when the name ends in .gz), dropping a UTF-8 BOM and CR
 * line ends, and knows the line number so that every error names file and line.
 */
final class ExportLines implements Closeable {
    private final Path file;
    private final io.greenpack.ingest.LineReader lines;

    private ExportLines(Path file, io.greenpack.ingest.LineReader lines) {
        this.file = file;
        this.lines = lines;
    }

    /** Lines of at most 16 MB, as the ingest reads them: a longer one (a gzip bomb) stops with its file and line. */
    static ExportLines open(Path file) {
        try {
            return new ExportLines(file, new io.greenpack.ingest.LineReader(stream(file), file.toString(),
                    io.greenpack.ingest.LineReader.MAX_LINE_BYTES));
        } catch (IOException e) {
            throw new UserError(file + ": cannot read the file: " + e.getMessage(), e);
        }
    }

    static InputStream stream(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }

    /** The next line without its line end (LF, CRLF or CR), or null at the end of the file. */
    String next() {
        long line = lines.lineNumber();
        try {
            String s = lines.next();
            return s != null && line == 0 && s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (EOFException | ZipException e) {
            throw new UserError(file + ", line " + (line + 1) + ": the compressed file is damaged or truncated (" + e.getMessage()
                    + "); expected a complete gzip file", e);
        } catch (IOException e) {
            throw new UserError(file + ", line " + (line + 1) + ": cannot read: " + e.getMessage(), e);
        }
    }

    long line() {
        return lines.lineNumber();
    }

    Path file() {
        return file;
    }

    /** "file, line N" for messages. */
    String where() {
        return file + ", line " + line();
    }

    UserError error(String what) {
        return new UserError(where() + ": " + what);
    }

    UserError error(int column, String what) {
        return new UserError(where() + ", column " + column + ": " + what);
    }

    @Override
    public void close() {
        try {
            lines.close();
        } catch (IOException ignored) {
            // read-only: nothing was lost
        }
    }
}
