package io.greenpack.csv;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class AsciiCsvWriterTest {
    @Test
    void fixedDecimalsRoundWithoutLocaleOrExponent() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (AsciiCsvWriter w = new AsciiCsvWriter(bytes)) {
            w.fixed(0.0006, 3).comma().fixed(12.346, 2).comma().fixed(-3.14159, 1).comma().fixed(7, 0).comma()
                    .fixed(-0.0001, 2).comma().fixed(1234567.891, 2).comma().fixed(0.05, 3).comma().integer(-42)
                    .newline();
            assertThat(w.lines()).isEqualTo(1);
        }
        assertThat(bytes.toString(StandardCharsets.US_ASCII))
                .isEqualTo("0.001,12.35,-3.1,7,0.00,1234567.89,0.050,-42\n");
    }

    @Test
    void rowsLargerThanTheBufferSurvive() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (AsciiCsvWriter w = new AsciiCsvWriter(bytes)) {
            for (int i = 0; i < 50_000; i++) {
                w.text("row").comma().fixed(i / 7.0, 3).newline();
            }
        }
        String[] lines = bytes.toString(StandardCharsets.US_ASCII).split("\n");
        assertThat(lines).hasSize(50_000);
        assertThat(lines[49_999]).isEqualTo("row," + String.format(java.util.Locale.ROOT, "%.3f", 49_999 / 7.0));
    }
}
