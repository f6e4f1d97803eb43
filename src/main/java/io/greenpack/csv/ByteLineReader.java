package io.greenpack.csv;

import io.greenpack.util.UserError;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of a text file in order with their 1-based numbers, read sequentially with a large
 * buffer: the fast path of the CSV reading, for the ingest's data files and the importers' exports,
 * which hands each line over as bytes (no decoding, no copy while the line is in the buffer). A line ends at \n, \r or \r\n (as Spark's and Hadoop's line readers split them); each
 * line is decoded as UTF-8 on its own (bad bytes become U+FFFD, as Spark shows them).
 *
 * <p>A line is at most {@link #MAX_LINE_BYTES} long: a longer one (a gzip bomb after a valid
 * header, a binary tail) stops the read with a {@link UserError} naming the file, the line and
 * the limit, once the limit is passed; its bytes are not kept beyond that.
 */
public final class ByteLineReader implements Closeable {
    /** The longest line read: far above any real row (the ten-MB-line hostile case still fits). */
    public static final int MAX_LINE_BYTES = 16 << 20;

    private final InputStream in;
    private final String name;
    private final int maxLineBytes;
    private byte[] buf = new byte[1 << 18];
    private int pos;
    private int end;
    private boolean eof;
    private long number;
    private byte[] line = new byte[1 << 12];
    private boolean pendingCr;
    // the line advance() found last
    private byte[] lineBytes;
    private int lineFrom;
    private int lineLength;

    ByteLineReader(InputStream in) {
        this(in, "input", MAX_LINE_BYTES);
    }

    /**
     * @param name         what error messages call the input (the file's path)
     * @param maxLineBytes the longest line accepted, in bytes without the line end
     */
    public ByteLineReader(InputStream in, String name, int maxLineBytes) {
        this.in = in;
        this.name = name;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line without its end, decoded, or null at the end of the file. */
    public String next() throws IOException {
        return advance() ? text() : null;
    }

    /** The line {@link #advance} found, decoded. */
    public String text() {
        return new String(lineBytes, lineFrom, lineLength, StandardCharsets.UTF_8);
    }

    /**
     * Moves to the next line; false at the end of the file. Its bytes, without the line end, are
     * {@link #bytes()} from {@link #from()} for {@link #length()} bytes, valid until the next call:
     * a line inside the read buffer is not copied ({@link CsvByteFields} splits it in place).
     */
    public boolean advance() throws IOException {
        if (pendingCr) { // the last line ended with \r: a \n right after it ends the same line
            pendingCr = false;
            if ((pos < end || fill()) && buf[pos] == '\n') {
                pos++;
            }
        }
        int len = 0;
        boolean any = false;
        while (true) {
            if (pos == end && !fill()) {
                if (!any) {
                    return false; // nothing after the last line break
                }
                return found(line, 0, len);
            }
            int start = pos;
            int i = start;
            // One comparison for most bytes: only those up to '\r' (and the negative, non-ASCII
            // ones) are looked at twice.
            while (i < end) {
                byte c = buf[i];
                if (c <= '\r' && (c == '\n' || c == '\r')) {
                    break;
                }
                i++;
            }
            int n = i - start;
            if ((long) len + n > maxLineBytes) {
                throw tooLong();
            }
            if (i < end && !any) { // the whole line is in the buffer
                pos = i + 1;
                pendingCr = buf[i] == '\r';
                return found(buf, start, n);
            }
            any = true;
            if (len + n > line.length) {
                line = Arrays.copyOf(line, Math.min(maxLineBytes, Math.max(line.length * 2, len + n)));
            }
            System.arraycopy(buf, start, line, len, n);
            len += n;
            pos = i;
            if (i < end) {
                pos++;
                pendingCr = buf[i] == '\r';
                return found(line, 0, len);
            }
        }
    }

    private boolean found(byte[] bytes, int from, int length) {
        number++;
        lineBytes = bytes;
        lineFrom = from;
        lineLength = length;
        return true;
    }

    public byte[] bytes() {
        return lineBytes;
    }

    public int from() {
        return lineFrom;
    }

    public int length() {
        return lineLength;
    }

    private UserError tooLong() {
        line = new byte[1 << 12]; // the partial line is dropped, not held until the reader goes
        pos = end;
        return new UserError(name + ", line " + (number + 1) + ": more than " + size(maxLineBytes)
                + " without a line break; greenpack reads lines of at most " + size(maxLineBytes)
                + " (expected one row per line: is the file damaged, or binary data?)");
    }

    private static String size(int bytes) {
        return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MB" : bytes + " bytes";
    }

    /** The number of the line {@link #next} returned last. */
    public long lineNumber() {
        return number;
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n = in.read(buf, 0, buf.length);
        while (n == 0) {
            n = in.read(buf, 0, buf.length);
        }
        if (n < 0) {
            eof = true;
            pos = end = 0;
            return false;
        }
        pos = 0;
        end = n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
