package io.greenpack.csv;

import io.greenpack.util.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvFileTest {
    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        Path f = dir.resolve("in.csv");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void readsHeaderCaseInsensitiveQuotedFieldsAndSkipsBlankLinesAndBom() throws IOException {
        CsvFile csv = CsvFile.read(file("\uFEFF ID ,Name,Cores\na,\"x, \"\"y\"\"\",2\n\n b ,,0.5\n"), "id");
        assertThat(csv.header()).containsExactly("id", "name", "cores");
        assertThat(csv.rows()).hasSize(2);
        CsvRow first = csv.rows().get(0);
        assertThat(first.line()).isEqualTo(2);
        assertThat(first.text(1)).isEqualTo("x, \"y\"");
        assertThat(first.nonNegative(2)).isEqualTo(2.0);
        CsvRow second = csv.rows().get(1);
        assertThat(second.line()).as("the blank line 3 still counts").isEqualTo(4);
        assertThat(second.text(0)).isEqualTo("b");
        assertThat(second.textOrNull(1)).isNull();
        assertThat(second.text(-1)).as("an absent column reads empty").isEmpty();
    }

    @Test
    void badNumberNamesFileLineColumnFoundAndExpected() throws IOException {
        Path f = file("id,cores\na,1\nb,one\n");
        CsvRow row = CsvFile.read(f, "id").rows().get(1);
        assertThatThrownBy(() -> row.nonNegative(1)).isInstanceOf(UserError.class)
                .hasMessage(f + " line 3, column 'cores': found 'one', expected a number >= 0");
        Path g = file("id,cores\na,-4\n");
        assertThatThrownBy(() -> CsvFile.read(g, "id").rows().get(0).nonNegative(1))
                .hasMessage(g + " line 2, column 'cores': found -4, expected a number >= 0");
    }

    @Test
    void booleansAcceptYesNoAndNameTheCellOtherwise() throws IOException {
        Path f = file("id,dedicated\na,YES\nb,\nc,maybe\n");
        List<CsvRow> rows = CsvFile.read(f, "id").rows();
        assertThat(rows.get(0).bool(1)).isTrue();
        assertThat(rows.get(1).bool(1)).isFalse();
        assertThatThrownBy(() -> rows.get(2).bool(1))
                .hasMessage(f + " line 4, column 'dedicated': found 'maybe', expected true or false");
    }

    @Test
    void structuralErrorsNameTheLineAndWhatWasExpected() throws IOException {
        Path wide = file("id,cores\na,1,2\n");
        assertThatThrownBy(() -> CsvFile.read(wide, "id"))
                .hasMessage(wide + " line 2: found 3 fields, expected 2 like the header [id, cores]");
        Path quote = file("id,cores\na,\"1\n");
        assertThatThrownBy(() -> CsvFile.read(quote, "id"))
                .hasMessage(quote + " line 2, field 2: unclosed quote; expected a closing \"");
        Path missing = file("name,cores\na,1\n");
        assertThatThrownBy(() -> CsvFile.read(missing, "id"))
                .hasMessage(missing + " line 1: missing column 'id'; found columns [name, cores]");
        Path twice = file("id,Cores,cores\n");
        assertThatThrownBy(() -> CsvFile.read(twice, "id")).hasMessageContaining("line 1: column 'cores' appears twice");
        Path empty = file("");
        assertThatThrownBy(() -> CsvFile.read(empty, "id")).hasMessageContaining("line 1: empty header");
        assertThatThrownBy(() -> CsvFile.read(dir.resolve("nope.csv"), "id"))
                .hasMessage(dir.resolve("nope.csv") + ": file not found");
    }

    @Test
    void lineSplitterKeepsSeparatorsInsideQuotesAndReportsAnUnclosedQuote() {
        assertThat(CsvLine.split("\"a;b\";c;;", ';').fields()).containsExactly("a;b", "c", "", "");
        assertThat(CsvLine.split("a,\"b", ',').unclosedQuoteField()).isEqualTo(2);
        assertThat(CsvLine.fields("a,\"b", ',')).as("lenient for streaming importers").containsExactly("a", "b");
    }
}
