package io.greenpack.optimize;

import io.greenpack.util.UserError;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Inputs that no plan can satisfy are refused with a message naming the item and the dimension. */
class InfeasibleInputTest {
    private static final List<BinType> TYPES = List.of(BinType.of("small", 8, 32), BinType.of("big", 32, 128));

    @Test
    void itemLargerThanEveryBinNamesItemAndDimension() {
        assertThatThrownBy(() -> PackingProblem.of(Instances.CPU_MEM,
                List.of(Item.of("ok", 1, 1), Item.of("monster", 4, 512)), TYPES))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("'monster'").hasMessageContaining("mem_gb").hasMessageContaining("512")
                .hasMessageContaining("'big'");
    }

    @Test
    void headroomCanMakeAnItemTooBig() {
        assertThatThrownBy(() -> PackingProblem.of(Instances.CPU_MEM, List.of(Item.of("x", 30, 1)), TYPES).withHeadroom(0.2))
                .isInstanceOf(UserError.class).hasMessageContaining("'x'").hasMessageContaining("cores")
                .hasMessageContaining("headroom");
    }

    @Test
    void pinToAMissingHost() {
        assertThatThrownBy(() -> PackingProblem.of(Instances.CPU_MEM, List.of(Item.of("x", 1, 1).withPin("host-99")), TYPES))
                .isInstanceOf(UserError.class).hasMessageContaining("'x'").hasMessageContaining("host-99");
    }

    @Test
    void moreAntiAffineReplicasThanBins() {
        List<BinType> limited = List.of(BinType.of("small", 8, 32).withAvailable(2), BinType.of("big", 32, 128).withAvailable(1));
        List<Item> items = List.of(Item.of("r1", 1, 1).withGroup("web"), Item.of("r2", 1, 1).withGroup("web"),
                Item.of("r3", 1, 1).withGroup("web"), Item.of("r4", 1, 1).withGroup("web"));
        assertThatThrownBy(() -> PackingProblem.of(Instances.CPU_MEM, items, limited))
                .isInstanceOf(UserError.class).hasMessageContaining("'web'").hasMessageContaining("4 replicas")
                .hasMessageContaining("3 bins");
    }

    @Test
    void headroomGivenAsAPercentageGetsAHint() {
        assertThatThrownBy(() -> PackingProblem.of(Instances.CPU_MEM, List.of(Item.of("x", 1, 1)), TYPES).withHeadroom(20))
                .isInstanceOf(UserError.class).hasMessageContaining("percentage");
    }

    @Test
    void negativeDemandIsRefused() {
        assertThatThrownBy(() -> PackingProblem.of(Instances.CPU_MEM, List.of(Item.of("x", -1, 1)), TYPES))
                .isInstanceOf(UserError.class).hasMessageContaining("'x'").hasMessageContaining("cores");
    }

    @Test
    void tooFewAvailableBinsForTheVolumeIsAUserError() {
        List<BinType> one = List.of(BinType.of("only", 1, 1).withAvailable(1));
        assertThatThrownBy(() -> new PackingSolver(Instances.quick(1)).solve(
                PackingProblem.of(Instances.CPU_MEM, List.of(Item.of("a", 0.6, 0.1), Item.of("b", 0.6, 0.1)), one)))
                .isInstanceOf(UserError.class).hasMessageContaining("'b'");
    }
}
