package io.greenpack.savings;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Today's figures say "modelled (no meter)" as soon as one of today's hosts has no meter. */
class TodayProvenanceTest {
    private static final List<String> TODAY = List.of("servers_before", "it_kwh_before_per_year",
            "facility_kwh_before_per_year", "money_before_per_year", "co2e_before_per_year");

    private static SavingsResult compute(List<MeasuredHost> today) {
        return Savings.compute(SavingsInput.of(today, SavingsTest.plan(), List.of(SavingsTest.NEWBOX),
                SavingsTest.scenario(), 168, 0.05));
    }

    @Test
    void meteredFleetKeepsItsProvenance() {
        SavingsResult r = compute(SavingsTest.today());
        assertThat(r.figure("servers_before").provenance()).isEqualTo(Provenance.MEASURED);
        assertThat(r.figure("money_before_per_year").provenance()).isEqualTo(Provenance.MEASURED_TIMES_FACTOR);
    }

    @Test
    void oneHostWithoutAMeterMakesTodaysFiguresModelledNoMeter() {
        // old-2's 400 W is modelled from its utilization: the energy counts the same, its origin is said.
        SavingsResult r = compute(List.of(new MeasuredHost("old-1", "OldBox", 84, 168, 2, "web"),
                new MeasuredHost("old-2", "OldBox", 67.2, 168, 2, "data", false)));
        assertThat(r.beforeItKwhPerYear()).isCloseTo(4380 + 3504, within(1e-9));
        for (String key : TODAY) {
            assertThat(r.figure(key).provenance()).as(key).isEqualTo(Provenance.MODELLED_NO_METER);
            assertThat(r.figure(key).provenance().label()).isEqualTo("modelled (no meter)");
            assertThat(r.figure(key).modelled()).isTrue();
        }
        assertThat(r.figure("servers_freed").provenance()).isEqualTo(Provenance.MODELLED);
    }
}
