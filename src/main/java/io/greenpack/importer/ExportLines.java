package io.greenpack.importer;

import io.greenpack.util.UserError;

import java.io.Closeable;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads an export file line by line (gzip when the name ends in .gz), dropping a UTF-8 BOM and CR
 * line ends, and knows the line number so that every error and reject names file and line.
 *
 * <p>It reads one line ahead so that it knows whether the current line is the file's last and
 * has no line end: an export cut while it was written or copied ends in the middle of a value
 * ("51" cut to "5"), and such a line must be rejected rather than read as a shorter number.
 */
final class ExportLines implements Closeable {
    private final Path file;
    private final io.greenpack.csv.ByteLineReader lines;
    private final LastByte tail;
    private String current;
    private long currentLine;
    private String ahead;
    private long aheadLine;

    private ExportLines(Path file, io.greenpack.csv.ByteLineReader lines, LastByte tail) {
        this.file = file;
        this.lines = lines;
        this.tail = tail;
        this.ahead = read();
        this.aheadLine = lines.lineNumber();
    }

    /** Lines of at most 16 MB, as the ingest reads them: a longer one (a gzip bomb) stops with its file and line. */
    static ExportLines open(Path file) {
        try {
            LastByte tail = new LastByte(stream(file));
            return new ExportLines(file, new io.greenpack.csv.ByteLineReader(tail, file.toString(),
                    io.greenpack.csv.ByteLineReader.MAX_LINE_BYTES), tail);
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
        current = ahead;
        currentLine = aheadLine;
        if (current != null) {
            ahead = read();
            aheadLine = lines.lineNumber();
        }
        return current;
    }

    private String read() {
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

    /** Whether the current line is the last of the file and has no line end: its last value may be cut short. */
    boolean cutAtEnd() {
        return current != null && ahead == null && !tail.endedWithLineBreak();
    }

    /** Rejects the current line when {@link #cutAtEnd}: a row is only trusted when its line end was written. */
    void requireLineEnd() {
        if (cutAtEnd()) {
            throw reject("last line without line end (value may be cut)", "the file ends inside this line, so its last "
                    + "value may be cut short (51 read as 5); expected a line end after the last row");
        }
    }

    long line() {
        return currentLine;
    }

    Path file() {
        return file;
    }

    /** The current line as read (for rejects.csv). */
    String text() {
        return current;
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

    /** A bad row of this line: the importer catches it, sends it to rejects.csv and goes on. */
    RowRejected reject(String reason, String detail) {
        return new RowRejected(reason, where() + ": " + detail);
    }

    RowRejected reject(int column, String reason, String detail) {
        return new RowRejected(reason, where() + ", column " + column + ": " + detail);
    }

    @Override
    public void close() {
        try {
            lines.close();
        } catch (IOException ignored) {
            // read-only: nothing was lost
        }
    }

    /** Remembers the last byte that passed, to tell whether the file ended with a line break. */
    private static final class LastByte extends FilterInputStream {
        private int last = -1;

        LastByte(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                last = b;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                last = b[off + n - 1];
            }
            return n;
        }

        boolean endedWithLineBreak() {
            return last == '\n' || last == '\r' || last == -1;
        }
    }
}
