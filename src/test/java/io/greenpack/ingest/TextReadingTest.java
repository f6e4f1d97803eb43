package io.greenpack.ingest;

import io.greenpack.util.UserError;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The plain-Java reading pieces: lines, CSV fields, numbers and timestamps. */
class TextReadingTest {

    private static List<String> lines(String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (LineReader r = new LineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
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
            try (LineReader r = new LineReader(trickle, "f", 1024)) {
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
        try (LineReader r = new LineReader(new ByteArrayInputStream(text), "data/power.csv", 4096)) {
            assertThat(r.next()).isEqualTo("a");
            assertThat(r.next()).isEqualTo("bb");
            assertThatThrownBy(r::next).isInstanceOf(UserError.class)
                    .hasMessage("data/power.csv, line 3: more than 4096 bytes without a line break; greenpack reads "
                            + "lines of at most 4096 bytes (expected one row per line: is the file damaged, or binary data?)");
        }
        // Exactly at the cap is still a line; the default cap is 16 MB and reads a 10 MB line.
        String atCap = "y".repeat(4096);
        try (LineReader r = new LineReader(new ByteArrayInputStream((atCap + "\nz").getBytes(StandardCharsets.UTF_8)), "f", 4096)) {
            assertThat(r.next()).isEqualTo(atCap);
            assertThat(r.next()).isEqualTo("z");
        }
        assertThat(LineReader.MAX_LINE_BYTES).isEqualTo(16 << 20);
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
            try (LineReader big = new LineReader(zeros, "power.csv.gz", 1 << 20)) {
                big.next();
            }
        }).isInstanceOf(UserError.class).hasMessageContaining("power.csv.gz, line 1: more than 1 MB");
        assertThat(served[0]).isLessThan(2L << 20);
    }

    private static List<String> fields(String line, char sep) {
        CsvFields f = new CsvFields();
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        f.split(b, 0, b.length, sep);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < f.count(); i++) {
            out.add(String.valueOf(f.text(i)));
        }
        return out;
    }

    @Test
    void csvFieldsAreTrimmedQuotedAndEmptyIsNoValue() {
        assertThat(fields(" a , b,,c ", ',')).containsExactly("a", "b", "null", "c");
        assertThat(fields("\"x, y\",\"a\\\"b\", \" sp \" ,\"ab\" ", ',')).containsExactly("x, y", "a\"b", "sp", "ab");
        // A quote inside a quoted value, not before a separator: the field as it stands (Spark's reader).
        assertThat(fields("\"=HYPERLINK(\"\"http://x\"\")\",90,\"ab\"cd,a\"b\"c", ','))
                .containsExactly("\"=HYPERLINK(\"\"http://x\"\")\"", "90", "\"ab\"cd", "a\"b\"c");
        assertThat(fields("1,5;2,25", ';')).containsExactly("1,5", "2,25");
        assertThat(fields("a\tb", '\t')).containsExactly("a", "b");
        assertThat(fields("a,\"never closed, rest", ',')).containsExactly("a", "never closed, rest");
        assertThat(fields("7\0\0,h", ',')).containsExactly("7", "h");
        assertThat(fields("a,b,", ',')).containsExactly("a", "b", "null");
    }

    private static void read(RowCells.Csv csv, String line) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        csv.read(b, 0, b.length);
    }

    private static double number(String s, boolean decimalComma) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return Values.number(b, 0, b.length, decimalComma);
    }

    @Test
    void aRowWithMoreValuesThanTheHeaderIsAProblemTrailingEmptyFieldsAreNot() {
        RowCells.Csv csv = new RowCells.Csv(',', 3);
        read(csv, "a,b,c,,");
        assertThat(csv.problem()).isNull();
        read(csv, "a,b,c,d");
        assertThat(csv.problem()).isEqualTo("too many fields");
        assertThat(csv.problemDetail()).isEqualTo("4 fields; the header has 3 columns");
    }

    @Test
    void theFastDecimalPathAgreesWithParseDouble() {
        Random r = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            String s = switch (i % 4) {
                case 0 -> Long.toString(r.nextLong() % 1_000_000_000_000L);
                case 1 -> String.format(java.util.Locale.ROOT, "%." + r.nextInt(8) + "f", r.nextDouble() * 1e6);
                case 2 -> Double.toString(r.nextDouble() * Math.pow(10, r.nextInt(12)));
                default -> "-" + r.nextInt(1000) + "." + r.nextInt(1_000_000);
            };
            assertThat(number(s, false)).as(s).isEqualTo(Double.parseDouble(s));
        }
    }

    @Test
    void numbersThatAreNotFiniteAreNaNAndDecimalCommasRead() {
        assertThat(number("n/a", false)).isNaN();
        assertThat(number("1e400", false)).isNaN();
        assertThat(number("NaN", false)).isNaN();
        assertThat(number("1e3", false)).isEqualTo(1000.0);
        assertThat(number("150,25", true)).isEqualTo(150.25);
        assertThat(number("1.234,5", true)).isEqualTo(1234.5);
        assertThat(number("1.234", true)).isEqualTo(1.234);
        assertThat(number("1.234.567", true)).isEqualTo(1234567.0);
    }

    private static Instant ts(String s) {
        long m = Values.timestamp(s, ZoneOffset.UTC);
        return m == Values.NO_TS ? null : Instant.ofEpochSecond(Math.floorDiv(m, 1_000_000L), Math.floorMod(m, 1_000_000L) * 1000);
    }

    @Test
    void timestampsAreIsoOrEpochSecondsOrMilliseconds() {
        Instant t = Instant.parse("2026-10-05T00:05:00Z");
        assertThat(ts("2026-10-05T00:05:00Z")).isEqualTo(t);
        assertThat(ts("2026-10-05T02:05:00+02:00")).isEqualTo(t);
        assertThat(ts("2026-10-05T02:05+02:00")).isEqualTo(t);
        assertThat(ts("2026-10-05 00:05:00")).isEqualTo(t);
        assertThat(ts(Long.toString(t.getEpochSecond()))).isEqualTo(t);
        assertThat(ts(Long.toString(t.toEpochMilli()))).isEqualTo(t);
        assertThat(ts("2026-02-30T10:00:00Z")).isNull();
        assertThat(ts("-1")).isNull();
        assertThat(ts("1e20")).isNull();
    }
}
