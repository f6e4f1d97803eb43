package io.greenpack.report;

import io.greenpack.savings.MigrationMove;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NextStepsTest {
    /** Moves of 60 s each; {@code frees[i]} names the host move i empties, or null. */
    private static List<MigrationMove> moves(String... frees) {
        List<MigrationMove> out = new ArrayList<>();
        for (int i = 0; i < frees.length; i++) {
            out.add(new MigrationMove(i + 1, "app-" + i, "src-" + i, "dst", 1, 60, 60.0 * (i + 1), frees[i]));
        }
        return out;
    }

    @Test
    void wavesEndWithTheLastEmptiedHostAndMovesOffKeptServersFollowApart() {
        List<String> waves = NextSteps.waves(moves("a", null, "b", "c", null, null, null));

        assertThat(waves).containsExactly(
                "wave 1: moves 1–1 (1 migration, about 60 seconds), empties 1 host: a",
                "wave 2: moves 2–3 (2 migrations, about 2 minutes), empties 1 host: b",
                "wave 3: moves 4–4 (1 migration, about 60 seconds), empties 1 host: c",
                "then: moves 5–7 (3 migrations, about 3 minutes) off servers that stay on; they free no server");
    }

    @Test
    void movesThatFreeNothingAreOneRebalanceLine() {
        assertThat(NextSteps.waves(moves(null, null))).containsExactly(
                "rebalance: moves 1–2 (2 migrations, about 2 minutes) off servers that stay on; they free no server");
        assertThat(NextSteps.waves(List.of())).isEmpty();
    }
}
