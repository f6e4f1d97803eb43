package io.greenpack.ingest.read;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The interner hands out the right text, one instance per value, whatever the order of the rows. */
class InternerTest {
    private final Interner interner = new Interner();

    /** The value as it sits in a line: a few bytes in front, a separator behind. */
    private String of(int column, String value) {
        byte[] line = ("xx," + value + ",yy").getBytes(StandardCharsets.UTF_8);
        return interner.of(column, line, 3, line.length - 3);
    }

    @Test
    void aRepeatedValueIsTheSameInstanceInEveryColumn() {
        String a = of(0, "srv-001");
        assertThat(a).isEqualTo("srv-001");
        assertThat(of(0, "srv-001")).isSameAs(a);
        assertThat(of(1, "srv-001")).isSameAs(a);
        assertThat(of(0, "srv-002")).isEqualTo("srv-002");
        assertThat(of(0, "srv-001")).isSameAs(a);
    }

    @Test
    void seriesOrderThatRepeatsOrChangesGivesTheRightTexts() {
        List<String> order = List.of("app-1", "app-22", "app-333", "app-é");
        List<String> changed = List.of("app-22", "app-1", "app-4444", "app-é", "app-333");
        List<String> seen = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int t = 0; t < 5; t++) {
            for (String v : t == 3 ? changed : order) {
                seen.add(of(2, v));
                expected.add(v);
            }
        }
        assertThat(seen).isEqualTo(expected);
        assertThat(of(2, "app-1")).isSameAs(seen.get(0));
    }

    @Test
    void pastTheLimitAndForLongValuesTheTextIsStillRightAndTheLastValueKnown() {
        for (int i = 0; i < Interner.MAX + 10; i++) {
            assertThat(of(0, "v" + i)).isEqualTo("v" + i);
        }
        String loose = of(0, "not-kept");
        byte[] line = "not-kept".getBytes(StandardCharsets.UTF_8);
        assertThat(interner.lastIs(0, loose, line, 0, line.length)).isTrue();
        assertThat(interner.of(0, line, 0, line.length)).isSameAs(loose);
        String longValue = "x".repeat(300);
        assertThat(of(1, longValue)).isEqualTo(longValue);
        assertThat(of(1, "v7")).isEqualTo("v7");
    }

    @Test
    void lastIsTellsTheValueReturnedLastByItsColumn() {
        String h = of(0, "h1");
        byte[] line = "h1,h2".getBytes(StandardCharsets.UTF_8);
        assertThat(interner.lastIs(0, h, line, 0, 2)).isTrue();
        assertThat(interner.lastIs(0, h, line, 3, 5)).isFalse();
        assertThat(interner.lastIs(1, h, line, 0, 2)).isFalse();
        assertThat(interner.lastIs(0, "h1", line, 0, 2)).as("an equal text that is not the instance handed out").isFalse();
    }
}
