package io.greenpack.csv;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvWriterTest {
    @Test
    void writesHeaderAndRowsWithTextEscapedAndNumbersPlain(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rejects.csv");
        try (CsvWriter csv = CsvWriter.open(file, List.of("file", "line", "host", "watts", "reason"))) {
            csv.row("power.csv", 12, "=cmd|' /C calc'!A0", -5.0, "negative watts")
               .row("power.csv", 13L, "Zürich, \"rack 4\"", 1.0e7, "duplicate key\nwith different values")
               .row("hosts.csv", 2, null, Double.NaN, "-")
               .row("utilization.csv", 3, "db-01", new BigDecimal("0.000120"), "@import");
            assertThat(csv.rows()).isEqualTo(4);
        }

        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(bytes[0]).isEqualTo((byte) 'f'); // no BOM
        assertThat(text).doesNotContain("\r\n");
        assertThat(text).isEqualTo(
                "file,line,host,watts,reason\n"
                + "power.csv,12,\"'=cmd|' /C calc'!A0\",-5,negative watts\n"
                + "power.csv,13,\"Zürich, \"\"rack 4\"\"\",10000000,\"duplicate key\nwith different values\"\n"
                + "hosts.csv,2,,,\"'-\"\n"
                + "utilization.csv,3,db-01,0.00012,\"'@import\"\n");
    }

    @Test
    void numbersAreNeverQuotedOrPrefixed() {
        assertThat(CsvWriter.cell(-3)).isEqualTo("-3");
        assertThat(CsvWriter.cell(-0.5)).isEqualTo("-0.5");
        assertThat(CsvWriter.cell(1.0E-7)).isEqualTo("0.0000001");
        assertThat(CsvWriter.cell(123456789.125)).isEqualTo("123456789.125");
        assertThat(CsvWriter.cell(-0.0)).isEqualTo("0");
        assertThat(CsvWriter.cell(Double.POSITIVE_INFINITY)).isEmpty();
        assertThat(CsvWriter.cell(0.1f)).isEqualTo("0.1");
        // the same text as a string is defused
        assertThat(CsvWriter.cell("-3")).isEqualTo("\"'-3\"");
    }

    @Test
    void instantsAreIsoText() {
        assertThat(CsvWriter.cell(Instant.parse("2024-05-01T00:00:00Z"))).isEqualTo("2024-05-01T00:00:00Z");
    }

    @Test
    void rowsMustMatchTheHeader() {
        CsvWriter csv = CsvWriter.to(new StringWriter(), List.of("a", "b"));
        assertThatThrownBy(() -> csv.row("only one")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 cells").hasMessageContaining("2");
    }

    @Test
    void headerCellsAreEscapedToo() throws Exception {
        StringWriter out = new StringWriter();
        try (CsvWriter csv = CsvWriter.to(out, List.of("host", "=bad"))) {
            csv.row("a", 1);
        }
        assertThat(out.toString()).isEqualTo("host,\"'=bad\"\na,1\n");
    }

    @Test
    void aWrittenTextCellReadsBackAsItWasWithTheFormulaGuardRemoved() {
        for (String text : List.of("-3", "=SUM(A1)", "+1", "@x", "plain", "a,b", "'quoted")) {
            String read = CsvLine.fields(CsvCell.text(text), ',').get(0);
            assertThat(CsvCell.unescaped(read)).as(text).isEqualTo(text);
        }
        assertThat(CsvCell.unescaped(" 'x ")).isEqualTo("'x"); // a quote before no formula sign stays
    }
}
