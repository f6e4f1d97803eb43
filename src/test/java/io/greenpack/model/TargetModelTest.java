package io.greenpack.model;

import io.greenpack.util.UserError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The one target-hardware record: what it refuses, and what one server costs the total-cost objective. */
class TargetModelTest {
    private static final PowerCurve CURVE = PowerCurve.linear(50, 250);

    @Test
    void capacityMustBePositive() {
        assertThatThrownBy(() -> TargetModel.rack("x", 0, 256, CURVE, 1000, TargetModel.UNLIMITED, 1))
                .isInstanceOf(UserError.class)
                .hasMessage("target x: cores and mem_gb must be > 0, got 0.0 and 256.0");
        assertThatThrownBy(() -> TargetModel.existingHost("h1", 16, Double.NaN, CURVE, 1, 0, 2))
                .isInstanceOf(UserError.class)
                .hasMessage("target h1: cores and mem_gb must be > 0, got 16.0 and NaN");
    }

    @Test
    void moneyAndSpaceMustNotBeNegative() {
        assertThatThrownBy(() -> TargetModel.rack("x", 32, 256, CURVE, -1, TargetModel.UNLIMITED, 1))
                .isInstanceOf(UserError.class)
                .hasMessage("target x: price, rack_units and chassis price must be >= 0");
        assertThatThrownBy(() -> TargetModel.rack("x", 32, 256, CURVE, 1000, TargetModel.UNLIMITED, -2))
                .hasMessage("target x: price, rack_units and chassis price must be >= 0");
        assertThatThrownBy(() -> TargetModel.rack("x", 32, 256, CURVE, 1000, TargetModel.UNLIMITED, 0.625)
                .asBlade(650, 16, -3000))
                .hasMessage("target x: price, rack_units and chassis price must be >= 0");
    }

    @Test
    void aBladeNeedsAChassis() {
        TargetModel rack = TargetModel.rack("b", 32, 256, CURVE, 5000, TargetModel.UNLIMITED, 0.625);
        assertThatThrownBy(() -> rack.asBlade(650, 0, 3000))
                .isInstanceOf(UserError.class)
                .hasMessage("target b is a blade: it needs chassis_watts >= 0 and blades_per_chassis >= 1, got 650.0 and 0");
        assertThatThrownBy(() -> rack.asBlade(-1, 16, 3000))
                .hasMessage("target b is a blade: it needs chassis_watts >= 0 and blades_per_chassis >= 1, got -1.0 and 16");
    }

    @Test
    void totalCostCountsTheChassisShareSupportAndLicenceOverTheHorizon() {
        // blade 5000 + chassis 3000 / 16 = 187.5; support 300 + licence 200 a year over 3 years (26,280 h) = 1500
        TargetModel blade = new TargetModel("b", 32, 256, CURVE, 5000, TargetModel.UNLIMITED, 0.625, true, 650, 16, 3000,
                300, 0, 1400, 2, false, "").withLicencePerYear(200);
        assertThat(blade.chassisPriceShare()).isEqualTo(187.5);
        assertThat(blade.costPerYear()).isEqualTo(500);
        assertThat(blade.costOver(3 * 8760)).isCloseTo(5000 + 187.5 + 1500, within(1e-9));
        // an existing host: nothing to buy, only its support
        assertThat(TargetModel.existingHost("h1", 16, 128, CURVE, 1, 400, 2).costOver(8760)).isEqualTo(400);
    }
}
