package io.greenpack.ingest.read;

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

/** The plain-Java reading pieces: CSV rows as cells, numbers and timestamps. */
class TextReadingTest {

    private static void read(RowCells.Csv csv, String line) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        csv.read(b, 0, b.length);
    }

    private static double number(String s, boolean decimalComma) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return CellValues.number(b, 0, b.length, decimalComma);
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
        long m = CellValues.timestamp(s, ZoneOffset.UTC);
        return m == CellValues.NO_TS ? null : Instant.ofEpochSecond(Math.floorDiv(m, 1_000_000L), Math.floorMod(m, 1_000_000L) * 1000);
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
