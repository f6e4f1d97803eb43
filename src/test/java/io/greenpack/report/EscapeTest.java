package io.greenpack.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class EscapeTest {
    @Test
    void htmlEscapesMarkupCharactersSoHostNamesStayText() {
        assertThat(Escape.html("<img src=x onerror=alert(1)>"))
                .isEqualTo("&lt;img src=x onerror=alert(1)&gt;");
        assertThat(Escape.html("a & b \"c\" 'd'")).isEqualTo("a &amp; b &quot;c&quot; &#39;d&#39;");
        assertThat(Escape.html(null)).isEmpty();
    }

    @Test
    void htmlKeepsUnicodeAndReplacesControlCharacters() {
        assertThat(Escape.html("Zürich-Δ-数据-🙂")).isEqualTo("Zürich-Δ-数据-🙂");
        assertThat(Escape.html("a\u0000b\u0007c\td\ne")).isEqualTo("a\uFFFDb\uFFFDc\td\ne");
    }

    @Test
    void attrAlsoEscapesBacktickAndLineBreaks() {
        assertThat(Escape.attr("x\" onmouseover=`a`\n")).isEqualTo("x&quot; onmouseover=&#96;a&#96;&#10;");
    }

    @ParameterizedTest
    @ValueSource(strings = {"=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1:A2)", "\tx", "\rx"})
    void csvCellDefusesFormulas(String hostile) {
        String cell = Escape.csvCell(hostile);
        assertThat(cell).startsWith("\"'");
        assertThat(cell).endsWith("\"");
        // the quoted content is the input with a leading ', inner quotes doubled
        assertThat(cell.substring(2, cell.length() - 1).replace("\"\"", "\"")).isEqualTo(hostile);
    }

    @Test
    void csvCellQuotesPerRfc4180() {
        assertThat(Escape.csvCell("plain")).isEqualTo("plain");
        assertThat(Escape.csvCell("a,b")).isEqualTo("\"a,b\"");
        assertThat(Escape.csvCell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Escape.csvCell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(Escape.csvCell("a;b")).isEqualTo("\"a;b\"");
        assertThat(Escape.csvCell("Zürich 数据")).isEqualTo("Zürich 数据");
        assertThat(Escape.csvCell("")).isEmpty();
        assertThat(Escape.csvCell(null)).isEmpty();
        // only a leading sign is a formula; inside text it is harmless
        assertThat(Escape.csvCell("web-01")).isEqualTo("web-01");
    }

    @Test
    void formulaCheckLooksAtTheFirstCharacterOnly() {
        assertThat(Escape.csvCell("=1,2")).isEqualTo("\"'=1,2\"");
        assertThat(Escape.csvCell(" =1")).isEqualTo(" =1");
    }
}
