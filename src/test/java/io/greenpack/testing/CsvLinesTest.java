package io.greenpack.testing;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvLinesTest {
    @Test
    void lastBitDifferencesInDecimalsAreTheSame() {
        assertThat(CsvLines.sameLine("2026-10-05T00:10:00.000Z,6130.999999991618,40",
                "2026-10-05T00:10:00.000Z,6131.000000000001,40")).isTrue();
        assertThat(CsvLines.sameLine("linear 1.15 %", "linear 1.16 %")).isTrue();
    }

    @Test
    void realChangesAreDifferences() {
        assertThat(CsvLines.sameLine("reuse,40,27,2886.35", "reuse,40,26,2886.35")).as("count").isFalse();
        assertThat(CsvLines.sameLine("reuse,40,27,2886.35", "reuse,40,27,2890.35")).as("money").isFalse();
        assertThat(CsvLines.sameLine("2026-10-05T00:10", "2026-10-05T00:15")).as("time").isFalse();
        assertThat(CsvLines.sameLine("reuse,true", "reuse,false")).as("text").isFalse();
        assertThat(CsvLines.sameLine("a,1.5", "a,1.5,2")).as("extra cell").isFalse();
    }

    @Test
    void differencesNameFileAndLine() {
        List<String> d = CsvLines.differences("plan.csv", List.of("h", "a,1"), List.of("h", "a,2"));
        assertThat(d).singleElement().asString().contains("plan.csv line 2").contains("a,1").contains("a,2");
        assertThat(CsvLines.differences("x.csv", List.of("h"), List.of("h", "more"))).hasSize(1);
    }
}
