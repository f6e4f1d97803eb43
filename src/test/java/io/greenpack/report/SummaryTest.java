package io.greenpack.report;

import io.greenpack.savings.Figure;
import io.greenpack.savings.SavingsResult;
import io.greenpack.savings.SmallFleet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SummaryTest {
    static Summary.Content content(String scenario) {
        return new Summary.Content("greenpack summary", scenario, "2024-05-01 00:00 – 2024-05-08 00:00 UTC",
                SmallFleet.result(), List.of(new Summary.ChartLink("savings-breakdown", "Savings per year"),
                new Summary.ChartLink("host-fill", "Host fill")), 10);
    }

    @Test
    void keyNumbersAndRelativeChartLinks(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("summary.md");
        Summary.write(content("base"), file);
        String md = Files.readString(file);

        SavingsResult r = SmallFleet.result();
        for (Figure f : r.keyFigures()) {
            assertThat(md).contains("- **" + f.label() + ":** " + f.formatted() + " _(" + f.provenance() + ")_");
        }
        assertThat(md).contains("- **Servers freed:** 1 _(modelled)_",
                "- **Energy saved:** 9,609 kWh/year _(modelled)_",
                "- **Payback:** 50.0 months _(modelled)_",
                "| IT energy today | 7,884 kWh/year | measured |",
                "Energy saved ranges from 9,498 to 9,719 kWh/year",
                "- [Savings per year](charts/savings-breakdown.png) ([SVG](charts/savings-breakdown.svg))",
                "- [Host fill](charts/host-fill.png)",
                "| data | 1 | 5,256 | 1,051 | 2.1 |",
                "| 1 | c | old-2 | NewBox-1 | 8 | 11.0 | old-2 |");
        assertThat(md).startsWith("# greenpack summary\n");
    }

    @Test
    void inputTextIsMarkdownEscaped() {
        assertThat(Summary.md("a|b*c_d[e](f)<g>`h`#i~j!k&l\\m")).isEqualTo(
                "a\\|b\\*c\\_d\\[e\\]\\(f\\)\\<g\\>\\`h\\`\\#i\\~j\\!k\\&l\\\\m");
        assertThat(Summary.md("two\nlines\u0007")).isEqualTo("two lines\uFFFD");
        String md = Summary.markdown(content("*[click](http://evil.example)* | <script>"));
        assertThat(md).contains("Scenario **\\*\\[click\\]\\(http://evil.example\\)\\* \\| \\<script\\>**")
                .doesNotContain("<script>").doesNotContain("[click](");
    }

    @Test
    void chartNamesAreCodeChosenSlugs() {
        assertThatThrownBy(() -> new Summary.ChartLink("../x", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Summary.ChartLink("a b", "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
