package io.greenpack.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of a text file in order with their 1-based numbers, read sequentially with a large
 * buffer. A line ends at \n, \r or \r\n (as Spark's and Hadoop's line readers split them); each
 * line is decoded as UTF-8 on its own (bad bytes become U+FFFD, as Spark shows them).
 */
final class LineReader implements Closeable {
    private final InputStream in;
    private byte[] buf = new byte[1 << 18];
    private int pos;
    private int end;
    private boolean eof;
    private long number;
    private byte[] line = new byte[1 << 12];

    LineReader(InputStream in) {
        this.in = in;
    }

    static LineReader open(InputFile file) throws IOException {
        return new LineReader(TextHeader.open(file));
    }

    /** The next line without its end, or null at the end of the file. */
    String next() throws IOException {
        int len = 0;
        boolean any = false;
        while (true) {
            if (pos == end && !fill()) {
                if (!any) {
                    return null; // nothing after the last line break
                }
                number++;
                return new String(line, 0, len, StandardCharsets.UTF_8);
            }
            any = true;
            int start = pos;
            int i = start;
            while (i < end && buf[i] != '\n' && buf[i] != '\r') {
                i++;
            }
            int n = i - start;
            if (len + n > line.length) {
                line = Arrays.copyOf(line, Math.max(line.length * 2, len + n));
            }
            System.arraycopy(buf, start, line, len, n);
            len += n;
            pos = i;
            if (i < end) {
                pos++;
                if (buf[i] == '\r' && (pos < end || fill()) && buf[pos] == '\n') {
                    pos++;
                }
                number++;
                return new String(line, 0, len, StandardCharsets.UTF_8);
            }
        }
    }

    /** The number of the line {@link #next} returned last. */
    long lineNumber() {
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
