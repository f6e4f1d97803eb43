package io.greenpack.savings;

import io.greenpack.config.IdlePolicy;
import io.greenpack.config.Scenario;
import io.greenpack.optimize.AppDemand;
import io.greenpack.optimize.ConsolidationPlan;
import io.greenpack.optimize.ConsolidationRequest;
import io.greenpack.optimize.Consolidator;
import io.greenpack.optimize.HostPlan;
import io.greenpack.optimize.HypervisorOverhead;
import io.greenpack.optimize.Objective;
import io.greenpack.model.PowerCurve;
import io.greenpack.optimize.SolverSettings;
import io.greenpack.model.TargetModel;
import io.greenpack.util.UserError;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The small fleet, computed by hand:
 *
 * <pre>
 * today   old-1 (2U, owner "web"):  84   kWh over 168 h = 500 W → 500 × 8760 / 1000 = 4380 kWh/year
 *         old-2 (2U, owner "data"): 67.2 kWh over 168 h = 400 W → 3504 kWh/year
 *         apps a (6 cores, 16 GB) and b (2 cores, 64 GB) on old-1; c (2 cores, 8 GB) on old-2
 * plan    one "NewBox": 32 cores, 256 GB, linear 100 W idle … 300 W at 100 %, price 8000, 1U
 *         hypervisor overhead 10 % CPU, 2 GB per VM →
 *         cores (6 + 2 + 2) × 1.1 = 11, memory 16 + 64 + 8 + 3 × 2 = 94 GB
 *         load 11 / 32 = 0.34375 → 100 + 200 × 0.34375 = 168.75 W → 168.75 × 8.76 = 1478.25 kWh/year
 * scenario PUE 1.5, tariff 0.20 EUR/kWh, 400 gCO2e/kWh, headroom 0.2, 10 Gbit/s, model error 5 %
 * </pre>
 */
class SavingsTest {
    static final double EPS = 1e-9;

    static Scenario scenario() {
        return new Scenario("test", 0.20, "EUR", 400, List.of(), 1.5, 0.2, 95, false, 0.1, 2.0,
                List.of("all"), 3, IdlePolicy.CPU_SHARE, 10);
    }

    static final TargetModel NEWBOX = TargetModel.rack("NewBox", 32, 256,
            PowerCurve.linear(100, 300), 8000, TargetModel.UNLIMITED, 1);

    static List<MeasuredHost> today() {
        return List.of(new MeasuredHost("old-1", "OldBox", 84, 168, 2, "web"),
                new MeasuredHost("old-2", "OldBox", 67.2, 168, 2, "data"));
    }

    static List<PlannedHost> plan() {
        return List.of(PlannedHost.flat("NewBox-1", "NewBox", List.of("a", "b", "c"), 11, 94));
    }

    static SavingsInput input() {
        return SavingsInput.of(today(), plan(), List.of(NEWBOX), scenario(), 168, 0.05)
                .withPlacements(List.of(new VmPlacement("a", "old-1", 16), new VmPlacement("b", "old-1", 64),
                        new VmPlacement("c", "old-2", 8)));
    }

    @Test
    void energyBeforeIsMeasuredScaledToAYearAndAfterFollowsThePowerCurve() {
        SavingsResult r = Savings.compute(input());

        assertThat(r.beforeItKwhPerYear()).isCloseTo(4380 + 3504, within(EPS)); // 7884
        assertThat(r.afterItKwhPerYear()).isCloseTo(1478.25, within(EPS));
        assertThat(r.afterChassisKwhPerYear()).isZero();
        // facility = IT × 1.5: 11826 before, 2217.375 after, 9608.625 saved
        assertThat(r.beforeFacilityKwhPerYear()).isCloseTo(11826, within(EPS));
        assertThat(r.afterFacilityKwhPerYear()).isCloseTo(2217.375, within(EPS));
        assertThat(r.facilityKwhSavedPerYear()).isCloseTo(9608.625, within(EPS));
        // ± 5 % on after: 1478.25 × 1.05 = 1552.1625 → (7884 − 1552.1625) × 1.5 = 9497.75625
        //                 1478.25 × 0.95 = 1404.3375 → (7884 − 1404.3375) × 1.5 = 9719.49375
        assertThat(r.facilityKwhSavedLow()).isCloseTo(9497.75625, within(EPS));
        assertThat(r.facilityKwhSavedHigh()).isCloseTo(9719.49375, within(EPS));
        assertThat(r.figure("facility_kwh_saved_low").value()).isCloseTo(9497.75625, within(EPS));
    }

    @Test
    void moneyCarbonAndPayback() {
        SavingsResult r = Savings.compute(input());

        // money: 11826 × 0.2 = 2365.2 before, 2217.375 × 0.2 = 443.475 after, 1921.725 saved per year
        assertThat(r.beforeMoneyPerYear()).isCloseTo(2365.2, within(EPS));
        assertThat(r.afterMoneyPerYear()).isCloseTo(443.475, within(EPS));
        assertThat(r.moneySavedPerYear()).isCloseTo(1921.725, within(EPS));
        // CO2e: 9608.625 kWh × 400 g = 3843.45 kg = 3.84345 t
        assertThat(r.co2eKgSavedPerYear()).isCloseTo(3843.45, within(EPS));
        assertThat(r.figure("co2e_saved_per_year").value()).isCloseTo(3.84345, within(EPS));
        // hardware: one NewBox, 8000; monthly saving 1921.725 / 12 = 160.14375; 8000 / 160.14375 = 49.955… months
        assertThat(r.hardwareCost()).isEqualTo(8000);
        assertThat(r.paybackMonths()).isCloseTo(8000 / 160.14375, within(EPS));
        assertThat(r.paybackMonths()).isCloseTo(49.9551, within(1e-4));
        assertThat(r.figure("payback_months").formatted()).isEqualTo("50.0 months");
        assertThat(r.netSavingsAfterMonths(12)).isCloseTo(1921.725 - 8000, within(EPS));
    }

    @Test
    void serversAndRackUnitsFreedAndEveryFigureHasAProvenance() {
        SavingsResult r = Savings.compute(input());

        assertThat(r.serversFreed()).isEqualTo(1);
        assertThat(r.rackUnitsFreed()).isEqualTo(3); // 2 + 2 − 1
        assertThat(r.figure("it_kwh_before_per_year").modelled()).isFalse();
        assertThat(r.figure("it_kwh_after_per_year").modelled()).isTrue();
        assertThat(r.figure("money_saved_per_year").unit()).isEqualTo("EUR/year");
        assertThat(r.keyFigures()).extracting(Figure::formatted)
                .containsExactly("1", "9,609 kWh/year", "1,922 EUR/year", "3.8 t CO2e/year", "50.0 months");
    }

    @Test
    void harvestIsCapacityAfterHeadroomLessDemandLessTheBatchVmOverhead() {
        SavingsResult r = Savings.compute(input());

        // cores: 32 × 0.8 − 11 = 14.6, a batch VM gets 14.6 / 1.1 = 13.2727…
        // memory: 256 × 0.8 − 94 = 110.8, less 2 GB for the batch VM = 108.8
        assertThat(r.harvest()).hasSize(24);
        for (HarvestHour h : r.harvest()) {
            assertThat(h.freeCpuCores()).isCloseTo(14.6 / 1.1, within(EPS));
            assertThat(h.freeMemGb()).isCloseTo(108.8, within(EPS));
        }
    }

    @Test
    void migrationEmptiesTheSmallestHostFirstThenBiggestVmFirst() {
        SavingsResult r = Savings.compute(input());

        // old-2 has 8 GB to move, old-1 80 GB: old-2 first. Seconds = GB × 8 / (10 × 0.7) × 1.2
        // c: 64 / 7 × 1.2 = 10.9714…, b: 512 / 7 × 1.2 = 87.7714…, a: 128 / 7 × 1.2 = 21.9428…
        assertThat(r.migration()).extracting(MigrationMove::app).containsExactly("c", "b", "a");
        assertThat(r.migration()).extracting(MigrationMove::freesHost).containsExactly("old-2", null, "old-1");
        assertThat(r.migration()).allMatch(m -> m.toHost().equals("NewBox-1"));
        assertThat(r.migration().get(0).seconds()).isCloseTo(64.0 / 7 * 1.2, within(EPS));
        assertThat(r.migration().get(1).seconds()).isCloseTo(512.0 / 7 * 1.2, within(EPS));
        assertThat(r.migration().get(2).cumulativeSeconds()).isCloseTo(704.0 / 7 * 1.2, within(EPS));
    }

    @Test
    void aServerThePlanKeepsUsingIsNeverSwitchedOffAndItsMovesComeLast() {
        // old-1 is reused (the plan calls it by its own name) and keeps app a; b leaves it for
        // NewBox-1 and c leaves old-2. old-2 ends up empty, old-1 stays on.
        List<PlannedHost> plan = List.of(PlannedHost.flat("old-1", "NewBox", List.of("a"), 6.6, 18),
                PlannedHost.flat("NewBox-1", "NewBox", List.of("b", "c"), 4.4, 76));
        SavingsResult r = Savings.compute(SavingsInput.of(today(), plan, List.of(NEWBOX), scenario(), 168, 0.05)
                .withPlacements(List.of(new VmPlacement("b", "old-1", 64), new VmPlacement("c", "old-2", 8))));

        // Moving b off old-1 frees no server, so it is never named as switched off.
        assertThat(r.migration()).extracting(MigrationMove::app).containsExactly("c", "b");
        assertThat(r.migration()).extracting(MigrationMove::freesHost).containsExactly("old-2", null);
    }

    @Test
    void movesOffAKeptServerComeAfterTheMovesThatEmptyServers() {
        // old-1 is emptied (a and b go to old-2); old-2 stays on and gives c to NewBox-1.
        List<PlannedHost> plan = List.of(PlannedHost.flat("old-2", "NewBox", List.of("a", "b"), 8.8, 84),
                PlannedHost.flat("NewBox-1", "NewBox", List.of("c"), 2.2, 10));
        SavingsResult r = Savings.compute(SavingsInput.of(today(), plan, List.of(NEWBOX), scenario(), 168, 0.05)
                .withPlacements(List.of(new VmPlacement("a", "old-1", 16), new VmPlacement("b", "old-1", 64),
                        new VmPlacement("c", "old-2", 8))));

        // old-2 has the least memory to move (8 GB) but stays on, so old-1's moves go first.
        assertThat(r.migration()).extracting(MigrationMove::app).containsExactly("b", "a", "c");
        assertThat(r.migration()).extracting(MigrationMove::freesHost).containsExactly(null, "old-1", null);
    }

    @Test
    void showbackPerOwnerIsMeasuredFacilityEnergy() {
        SavingsResult r = Savings.compute(input());

        // data: 3504 × 1.5 = 5256 kWh, 1051.2 EUR, 2102.4 kg; web: 4380 × 1.5 = 6570 kWh
        assertThat(r.showback()).extracting(OwnerShare::owner).containsExactly("data", "web");
        OwnerShare data = r.showback().get(0);
        assertThat(data.facilityKwhPerYear()).isCloseTo(5256, within(EPS));
        assertThat(data.money()).isCloseTo(1051.2, within(EPS));
        assertThat(data.co2eKg()).isCloseTo(2102.4, within(EPS));
        assertThat(r.showback().get(1).facilityKwhPerYear()).isCloseTo(6570, within(EPS));
    }

    @Test
    void noSavingsMeansPaybackNever() {
        // today's two hosts draw 100 W together; the NewBox draws at least its 100 W idle
        List<MeasuredHost> frugal = List.of(new MeasuredHost("old-1", "OldBox", 8.4, 168, 2, null),
                new MeasuredHost("old-2", "OldBox", 8.4, 168, 2, null));
        SavingsResult r = Savings.compute(SavingsInput.of(frugal, plan(), List.of(NEWBOX), scenario(), 168, 0.05));

        assertThat(r.moneySavedPerYear()).isNegative();
        assertThat(r.paybackNever()).isTrue();
        assertThat(r.figure("payback_months").formatted()).isEqualTo("never");
        assertThat(r.showback()).extracting(OwnerShare::owner).containsExactly("unassigned");
    }

    @Test
    void bladeChassisIsCountedOncePerChassis() {
        // 20 blades, 16 per chassis → 2 chassis of 650 W: 1300 × 8.76 = 11388 kWh/year;
        // rack space 2 chassis × 16 slots × 0.625 U = 20 U; price 20 × 5000 + 2 × 3000 = 106000
        TargetModel blade = TargetModel.rack("Blade", 32, 256, PowerCurve.linear(50, 250), 5000, TargetModel.UNLIMITED, 0.625)
                .asBlade(650, 16, 3000);
        List<PlannedHost> blades = new java.util.ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            blades.add(PlannedHost.flat("Blade-" + i, "Blade", List.of("app" + i), 0, 10));
        }
        SavingsResult r = Savings.compute(SavingsInput.of(today(), blades, List.of(blade), scenario(), 168, 0));

        assertThat(r.chassis()).isEqualTo(2);
        assertThat(r.afterChassisKwhPerYear()).isCloseTo(11388, within(EPS));
        assertThat(r.afterHostsKwhPerYear()).isCloseTo(20 * 50 * 8.76, within(EPS)); // idle blades, 8760 kWh
        assertThat(r.rackUnitsAfter()).isCloseTo(20, within(EPS));
        assertThat(r.hardwareCost()).isEqualTo(106000);
        // all after hours carry the chassis power once: 20 × 50 + 1300 = 2300 W
        assertThat(r.afterWattsByHour()).containsOnly(2300.0);
        // 16 blades fit one chassis exactly
        SavingsResult full = Savings.compute(SavingsInput.of(today(), blades.subList(0, 16), List.of(blade),
                scenario(), 168, 0));
        assertThat(full.chassis()).isEqualTo(1);
    }

    @Test
    void hourlyGridProfileWeightsEachSideByWhenItDrawsPower() {
        // intensity 100 g at night (hours 0–11), 500 g by day (12–23)
        List<Double> profile = new java.util.ArrayList<>(Collections.nCopies(12, 100.0));
        profile.addAll(Collections.nCopies(12, 500.0));
        Scenario sc = new Scenario("hourly", 0.20, "EUR", 400, profile, 1.5, 0.2, 95, false, 0.1, 2.0,
                List.of("all"), 3, IdlePolicy.CPU_SHARE, 10);
        // today the fleet draws all its energy by day → 500 g; after flat → mean 300 g
        double[] byDay = new double[24];
        for (int h = 12; h < 24; h++) {
            byDay[h] = 1;
        }
        SavingsResult r = Savings.compute(new SavingsInput(today(), plan(), List.of(NEWBOX), List.of(), sc, 168, 0.05, byDay));

        assertThat(r.beforeCo2eKgPerYear()).isCloseTo(11826 * 0.5, within(EPS));
        assertThat(r.afterCo2eKgPerYear()).isCloseTo(2217.375 * 0.3, within(EPS));
    }

    @Test
    void plannedHostsFromAConsolidatorPlanReproduceItsPredictedWatts() {
        TargetModel box = TargetModel.rack("NewBox", 32, 256, PowerCurve.linear(100, 300), 8000, TargetModel.UNLIMITED, 1);
        double[] hourlyCpu = new double[24];
        double[] hourlyMem = new double[24];
        for (int h = 0; h < 24; h++) {
            hourlyCpu[h] = h < 12 ? 2 : 8;
            hourlyMem[h] = 20;
        }
        List<AppDemand> apps = List.of(AppDemand.of("a", 6, 16), AppDemand.of("b", 2, 64),
                new AppDemand("c", 8, 20, hourlyCpu, hourlyMem, null, null, false, false));
        ConsolidationPlan plan = Consolidator.plan(new ConsolidationRequest(apps, List.of(box), 0.2,
                new HypervisorOverhead(0.1, 2), Objective.energy(8760), SolverSettings.defaults()));
        List<PlannedHost> hosts = PlannedHost.from(plan);
        SavingsResult r = Savings.compute(SavingsInput.of(today(), hosts, List.of(box),
                scenario(), 168, 0));

        assertThat(hosts).hasSize(plan.hosts().size());
        double predicted = plan.hosts().stream().mapToDouble(HostPlan::predictedWatts).sum();
        assertThat(r.afterHostsKwhPerYear()).isCloseTo(predicted * 8.76, within(1e-6));
        // the hourly profile reaches the after power: day hours draw more than night hours
        assertThat(r.afterWattsByHour()[20]).isGreaterThan(r.afterWattsByHour()[3]);
    }

    @Test
    void inconsistentInputIsRefusedWithAMessage() {
        assertThatThrownBy(() -> Savings.compute(SavingsInput.of(today(),
                List.of(PlannedHost.flat("X-1", "Unknown", List.of("a"), 1, 1)), List.of(NEWBOX), scenario(), 168, 0)))
                .isInstanceOf(UserError.class).hasMessageContaining("\"Unknown\"");
        assertThatThrownBy(() -> SavingsInput.of(today(), plan(), List.of(NEWBOX), scenario(), 168, 5))
                .isInstanceOf(UserError.class).hasMessageContaining("percentage");
        assertThatThrownBy(() -> Savings.compute(SavingsInput.of(today(), plan(), List.of(NEWBOX), scenario(), 100, 0)))
                .isInstanceOf(UserError.class).hasMessageContaining("longer than the data window");
        assertThatThrownBy(() -> Savings.compute(input().withPlacements(List.of(new VmPlacement("zzz", "old-1", 1)))))
                .isInstanceOf(UserError.class).hasMessageContaining("zzz");
    }
}
