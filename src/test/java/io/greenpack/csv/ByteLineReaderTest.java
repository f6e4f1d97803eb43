package io.greenpack.csv;

import io.greenpack.util.UserError;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Lines read as bytes: line ends, lines across buffer refills, the line-length cap. */
class ByteLineReaderTest {
    private static List<String> lines(String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (ByteLineReader r = new ByteLineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
            for (String l = r.next(); l != null; l = r.next()) {
                out.add(r.lineNumber() + ":" + l);
            }
        }
        return out;
    }

    @Test
    void linesEndAtLfCrOrCrlfAndTheLastNeedsNoBreak() throws IOException {
        assertThat(lines("a\nb\r\nc\rd")).containsExactly("1:a", "2:b", "3:c", "4:d");
        assertThat(lines("a\n\nb\n")).containsExactly("1:a", "2:", "3:b");
        assertThat(lines("\uFEFFh\n")).containsExactly("1:\uFEFFh");
        assertThat(lines("")).isEmpty();
    }

    @Test
    void linesSplitAcrossReadsAreTheSameLines() throws IOException {
        // A stream that serves 1 to 3 bytes per read: lines (and \r\n pairs) straddle refills, so
        // both the in-buffer and the gathered path are taken; the bytes seen must be the lines.
        String text = "h\uFEFF,é\r\nab\r\r\ncd\ne\rfg\r\n\r\nlast";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int chunk = 1; chunk <= 3; chunk++) {
            int size = chunk;
            java.io.InputStream trickle = new ByteArrayInputStream(bytes) {
                @Override
                public synchronized int read(byte[] b, int off, int len) {
                    return super.read(b, off, Math.min(len, size));
                }
            };
            List<String> seen = new ArrayList<>();
            try (ByteLineReader r = new ByteLineReader(trickle, "f", 1024)) {
                while (r.advance()) {
                    seen.add(r.lineNumber() + ":" + new String(r.bytes(), r.from(), r.length(), StandardCharsets.UTF_8));
                }
            }
            assertThat(seen).as("chunks of %d", chunk)
                    .containsExactly("1:h\uFEFF,é", "2:ab", "3:", "4:cd", "5:e", "6:fg", "7:", "8:last");
        }
        assertThat(lines(text)).containsExactly("1:h\uFEFF,é", "2:ab", "3:", "4:cd", "5:e", "6:fg", "7:", "8:last");
    }

    @Test
    void aLineLongerThanTheBufferIsReadWhole() throws IOException {
        String big = "x".repeat(1 << 20);
        assertThat(lines("a\n" + big + "\nb")).containsExactly("1:a", "2:" + big, "3:b");
    }

    @Test
    void aLineLongerThanTheCapStopsWithTheFileTheLineAndTheCap() throws IOException {
        byte[] text = ("a\nbb\n" + "x".repeat(5000) + "\nc\n").getBytes(StandardCharsets.UTF_8);
        try (ByteLineReader r = new ByteLineReader(new ByteArrayInputStream(text), "data/power.csv", 4096)) {
            assertThat(r.next()).isEqualTo("a");
            assertThat(r.next()).isEqualTo("bb");
            assertThatThrownBy(r::next).isInstanceOf(UserError.class)
                    .hasMessage("data/power.csv, line 3: more than 4096 bytes without a line break; greenpack reads "
                            + "lines of at most 4096 bytes (expected one row per line: is the file damaged, or binary data?)");
        }
        // Exactly at the cap is still a line; the default cap is 16 MB and reads a 10 MB line.
        String atCap = "y".repeat(4096);
        try (ByteLineReader r = new ByteLineReader(new ByteArrayInputStream((atCap + "\nz").getBytes(StandardCharsets.UTF_8)), "f", 4096)) {
            assertThat(r.next()).isEqualTo(atCap);
            assertThat(r.next()).isEqualTo("z");
        }
        assertThat(ByteLineReader.MAX_LINE_BYTES).isEqualTo(16 << 20);
    }

    @Test
    void anEndlessLineIsNotReadToItsEnd() {
        // 1 GB of zero bytes that never ends in a line break: fails after the cap, without reading it all.
        long[] served = {0};
        java.io.InputStream zeros = new java.io.InputStream() {
            @Override
            public int read() {
                served[0]++;
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (served[0] >= 1L << 30) {
                    return -1;
                }
                java.util.Arrays.fill(b, off, off + len, (byte) 0);
                served[0] += len;
                return len;
            }
        };
        assertThatThrownBy(() -> {
            try (ByteLineReader big = new ByteLineReader(zeros, "power.csv.gz", 1 << 20)) {
                big.next();
            }
        }).isInstanceOf(UserError.class).hasMessageContaining("power.csv.gz, line 1: more than 1 MB");
        assertThat(served[0]).isLessThan(2L << 20);
    }
}
