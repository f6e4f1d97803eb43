package io.greenpack.report;

import io.greenpack.correlate.OwnerShowback;
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
                SmallFleet.result(), Verdicts.fourOptions(), List.of(
                new OwnerShowback("payments", 3, 120.5, 34.7, 67.5, 8, 4, 64, 30),
                new OwnerShowback("web", 2, 80, 23, 44.8, 4, 2, 32, 10)), 7,
                List.of(new Summary.ChartLink("savings-breakdown", "Savings per year"),
                new Summary.ChartLink("host-fill", "Host fill")), 10);
    }

    @Test
    void verdictFirstThenFiguresShowbackByOwnerAndLinks(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("summary.md");
        Summary.write(content("base"), file);
        String md = Files.readString(file);

        assertThat(md).startsWith("# greenpack summary\n");
        // The decision comes before every figure of the plan.
        assertThat(md.indexOf("## Verdict")).isLessThan(md.indexOf("## All figures"));
        assertThat(md).contains("**Reuse 9 of your servers and switch off 31: saves 12,300 EUR/year, nothing to buy",
                "- **Money saved:** 12,300 EUR/year _(per year;",
                "- **Payback:** immediate \\(nothing to buy\\)",
                "Covers 38 of 40 hosts and 140 of 150 applications; 2 hosts stay on in every option because db-01 is pinned",
                "| **reuse** ✔ |",
                "| **refresh** ⚠ |",
                "192 months: does not pay back within 3 years");
        SavingsResult r = SmallFleet.result();
        for (Figure f : r.figures()) {
            assertThat(md).contains("| " + Summary.md(f.label()) + " | " + Summary.md(f.formatted()) + " | "
                    + Summary.md(VerdictText.source(f)) + " |");
        }
        // "measured" only for metered figures: a yearly figure scaled from a week says how it was modelled.
        assertThat(md).contains("| IT energy today | 7,884 kWh/year | modelled: metered over the window, scaled to a year |",
                "| Servers today | 2 | measured |");
        // Showback per application owner, the rows of tables/showback.csv, with their period.
        assertThat(md).contains("## Showback per application owner (over the data window, 7 days)",
                "| payments | 3 | 120.5 | 34.70 | 67.5 |", "| web | 2 | 80.0 | 23.00 | 44.8 |").doesNotContain("unassigned");
        assertThat(md).contains("- [Savings per year](charts/savings-breakdown.png) ([SVG](charts/savings-breakdown.svg))",
                "- [Host fill](charts/host-fill.png)", "[plan.csv](plan.csv)", "[deck.pptx](deck.pptx)",
                "[rejects.csv](rejects.csv)", "| 1 | c | old-2 | NewBox-1 | 8 | 11.0 | old-2 |");
        // A week of data scaled to a year is flagged.
        assertThat(md).contains("> **Warning:** The data covers");
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
