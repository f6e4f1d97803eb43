package io.greenpack.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The fast CSV writer for machine-made cells: ASCII straight into a byte buffer, cells written
 * exactly as given (no quoting, no formula defence), numbers with a fixed number of decimals by
 * integer arithmetic. The generator writes tens of millions of rows through it; {@code
 * String.format} and charset encoding per value would dominate the run time.
 *
 * <p>Not for text that came from input (use {@link CsvWriter}, which quotes through
 * {@link CsvCell}): here the caller guarantees no cell needs quoting. That is what the generated
 * files need: they carry a fixed number of decimals ({@code 4.00}, where CsvWriter writes the
 * shortest form {@code 4}), and their deliberately bad rows (negative watts, {@code #VALUE!}) must
 * reach the file exactly as written, where CsvCell would quote and prefix a cell starting with
 * {@code -}.
 */
public final class AsciiCsvWriter implements Closeable {
    private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L};

    private final OutputStream out;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private long lines;
    private boolean closed;

    public AsciiCsvWriter(OutputStream out) {
        this.out = out;
    }

    /** Lines written so far (the header counts as line 1, like an editor shows it). */
    public long lines() {
        return lines;
    }

    public AsciiCsvWriter bytes(byte[] b) throws IOException {
        if (b.length > buf.length - pos) {
            flushBuffer();
            if (b.length > buf.length) {
                out.write(b);
                return this;
            }
        }
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
        return this;
    }

    public AsciiCsvWriter text(String s) throws IOException {
        return bytes(s.getBytes(StandardCharsets.US_ASCII));
    }

    public AsciiCsvWriter comma() throws IOException {
        return ch(',');
    }

    public AsciiCsvWriter newline() throws IOException {
        lines++;
        return ch('\n');
    }

    public AsciiCsvWriter ch(char c) throws IOException {
        if (pos == buf.length) {
            flushBuffer();
        }
        buf[pos++] = (byte) c;
        return this;
    }

    public AsciiCsvWriter integer(long v) throws IOException {
        if (pos > buf.length - 24) {
            flushBuffer();
        }
        if (v < 0) {
            buf[pos++] = '-';
            v = -v;
        }
        writeDigits(v, 1);
        return this;
    }

    /** {@code v} rounded half-up to {@code decimals} (0..6) places, no exponent, no locale. */
    public AsciiCsvWriter fixed(double v, int decimals) throws IOException {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("not a finite number: " + v);
        }
        if (pos > buf.length - 32) {
            flushBuffer();
        }
        long scaled = Math.round(Math.abs(v) * POW10[decimals]);
        if (v < 0 && scaled != 0) {
            buf[pos++] = '-';
        }
        long whole = scaled / POW10[decimals];
        long frac = scaled % POW10[decimals];
        writeDigits(whole, 1);
        if (decimals > 0) {
            buf[pos++] = '.';
            writeDigits(frac, decimals);
        }
        return this;
    }

    /** Writes {@code v >= 0} with at least {@code minDigits} digits (zero padded). */
    private void writeDigits(long v, int minDigits) {
        int start = pos;
        int n = 0;
        do {
            buf[pos++] = (byte) ('0' + (v % 10));
            v /= 10;
            n++;
        } while (v > 0 || n < minDigits);
        for (int i = start, j = pos - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
    }

    private void flushBuffer() throws IOException {
        out.write(buf, 0, pos);
        pos = 0;
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            flushBuffer();
        } finally {
            out.close();
        }
    }
}
