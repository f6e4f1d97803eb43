package io.greenpack.consolidate;

import io.greenpack.config.IdlePolicy;
import io.greenpack.config.Scenario;
import io.greenpack.model.TargetModel;
import io.greenpack.model.PowerCurve;
import io.greenpack.optimize.SolverSettings;
import io.greenpack.savings.MeasuredHost;
import io.greenpack.savings.PlanOption;
import io.greenpack.savings.Scope;
import io.greenpack.savings.Verdict;
import io.greenpack.savings.VerdictRule;
import io.greenpack.model.AppDemandVector;
import io.greenpack.util.UserError;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Hand-computed fleets of three to five hosts whose answer is known. The data window is one year
 * (8,760 h), so a host's measured kWh is its mean watts × 8.76; hypervisor overhead is 0 so the
 * arithmetic in the comments is the whole story. "After" power is each kept host's curve at its
 * apps' mean CPU.
 */
class FleetOptionsTest {
    static final double YEAR_HOURS = 8760;
    static final SolverSettings SOLVER = new SolverSettings(3, 600, 5_000);

    static Scenario scenario(double tariff) {
        // PUE 1.5, 20 % headroom, 3-year horizon, no hypervisor overhead.
        return new Scenario("hand", tariff, "EUR", 400, List.of(), 1.5, 0.2, 95, false, 0, 0, List.of("all"), 3,
                IdlePolicy.CPU_SHARE, 10);
    }

    /** An app sized at {@code sizedCores}, running at {@code meanCores} on average, 4 GB, sharing the OS (no overhead). */
    static AppDemandVector app(String id, String host, double sizedCores, double meanCores) {
        return new AppDemandVector(id, id, host, 95, sizedCores, 4, null, null, sizedCores, 4, meanCores, null, null,
                false, true, "balanced");
    }

    static AppDemandVector pinned(String id, String host, double sizedCores, double meanCores) {
        AppDemandVector a = app(id, host, sizedCores, meanCores);
        return new AppDemandVector(id, id, host, 95, sizedCores, 4, null, null, sizedCores, 4, meanCores, null, host,
                false, true, a.workloadClass());
    }

    static AppDemandVector dedicated(String id, String host, double sizedCores, double meanCores) {
        return new AppDemandVector(id, id, host, 95, sizedCores, 4, null, null, sizedCores, 4, meanCores, null, null,
                true, false, "io-bound");
    }

    /** A 10-core, 100 GB host, power linear from idle to max watts. */
    static ExistingHost host(String name, double idleWatts, double maxWatts, boolean comatose, boolean physical) {
        return new ExistingHost(name, "old", 10, 100, 2, physical, 1, 0, PowerCurve.linear(idleWatts, maxWatts), comatose);
    }

    static MeasuredHost measured(String name, double meanWatts) {
        return new MeasuredHost(name, "old", meanWatts * YEAR_HOURS / 1000, YEAR_HOURS, 1, null);
    }

    static TargetModel target(String model, double cores, double idleWatts, double maxWatts, double price) {
        return TargetModel.rack(model, cores, 400, PowerCurve.linear(idleWatts, maxWatts), price, TargetModel.UNLIMITED, 1);
    }

    static List<OptionPlan> options(List<AppDemandVector> apps, List<ExistingHost> hosts, List<MeasuredHost> measured,
                                    List<TargetModel> targets, Set<String> physical, Scenario s) {
        FleetInputs in = new FleetInputs(apps, measured, targets, YEAR_HOURS, 0.05, Map.of(), Map.of());
        return new FleetOptions(in, hosts, physical, s, SOLVER, 0).plan();
    }

    static Verdict verdict(List<OptionPlan> plans, Scenario s) {
        return VerdictRule.decide(plans.stream().map(OptionPlan::row).toList(), new Scope(3, 3, 0, 0, List.of()),
                s.horizonYears(), s.currency());
    }

    static OptionPlan named(List<OptionPlan> plans, String name) {
        return plans.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    /** Three apps per host (more than decommission's few), 0.6 cores sized, 1/3 core on average. */
    static List<AppDemandVector> threeLightHosts() {
        List<AppDemandVector> apps = new ArrayList<>();
        for (String h : List.of("h1", "h2", "h3")) {
            for (int i = 1; i <= 3; i++) {
                apps.add(app(h + "-a" + i, h, 0.6, 1.0 / 3));
            }
        }
        return apps;
    }

    @Test
    void reuseWinsWhenNewHardwareCostsMoreThanItSavesOverTheHorizon() {
        Scenario s = scenario(0.20);
        List<ExistingHost> hosts = List.of(host("h1", 100, 200, false, false), host("h2", 100, 200, false, false),
                host("h3", 100, 200, false, false));
        List<MeasuredHost> measured = List.of(measured("h1", 110), measured("h2", 110), measured("h3", 110));
        List<OptionPlan> plans = options(threeLightHosts(), hosts, measured,
                List.of(target("new-16c", 16, 20, 120, 5000)), Set.of(), s);
        Verdict v = verdict(plans, s);

        // reuse: all nine apps (9 × 0.6 = 5.4 of 8 usable cores) on one host, two hosts off.
        // Before IT = 3 × 110 W × 8,760 h = 2,890.8 kWh. After: one host at 9 × 1/3 = 3 cores of 10,
        // 100 + 0.3 × 100 = 130 W → 1,138.8 kWh. Saved facility = (2,890.8 − 1,138.8) × 1.5 = 2,628 kWh,
        // × 0.20 = 525.60 EUR/year; nothing bought: payback 0; TCO = 1,138.8 × 1.5 × 0.20 × 3 = 1,024.92 EUR.
        PlanOption reuse = named(plans, PlanOption.REUSE).row();
        assertThat(reuse.hostsAfter()).isEqualTo(1);
        assertThat(reuse.serversFreed()).isEqualTo(2);
        assertThat(reuse.moves()).isEqualTo(6);
        assertThat(reuse.kwhSavedPerYear()).isCloseTo(2628, within(1e-6));
        assertThat(reuse.moneySavedPerYear()).isCloseTo(525.60, within(1e-6));
        assertThat(reuse.capex()).isZero();
        assertThat(reuse.paybackMonths()).isEqualTo(0.0);
        assertThat(reuse.tcoOverHorizon()).isCloseTo(1024.92, within(1e-6));

        // refresh: one new 16-core server at 3/16 load: 20 + 0.1875 × 100 = 38.75 W → 339.45 kWh.
        // Saved = (2,890.8 − 339.45) × 1.5 × 0.20 = 765.405 EUR/year; payback = 5,000 ÷ (765.405 ÷ 12)
        // = 78.39 months, beyond 36; TCO = 339.45 × 1.5 × 0.20 × 3 + 5,000 = 5,305.505 EUR.
        PlanOption refresh = named(plans, PlanOption.REFRESH).row();
        assertThat(refresh.capex()).isEqualTo(5000);
        assertThat(refresh.moneySavedPerYear()).isCloseTo(765.405, within(1e-6));
        assertThat(refresh.paybackMonths()).isCloseTo(5000 / (765.405 / 12), within(1e-6));
        assertThat(refresh.tcoOverHorizon()).isCloseTo(5305.505, within(1e-6));

        assertThat(v.recommendedOption()).isEqualTo(PlanOption.REUSE);
        assertThat(v.sentence()).startsWith("Reuse 1 of your servers and switch off 2: saves 526 EUR/year, nothing to buy")
                .contains("buying new hardware would pay back in 6.5 years");
        assertThat(named(plans, PlanOption.DECOMMISSION).planned()).isFalse();
        assertThat(named(plans, PlanOption.DECOMMISSION).row().reason()).contains("nothing comatose");
    }

    @Test
    void refreshWinsWhenOldHostsAreInefficientAndTheTariffHigh() {
        Scenario s = scenario(0.50);
        List<ExistingHost> hosts = List.of(host("h1", 400, 600, false, false), host("h2", 400, 600, false, false),
                host("h3", 400, 600, false, false));
        List<MeasuredHost> measured = List.of(measured("h1", 500), measured("h2", 500), measured("h3", 500));
        List<AppDemandVector> apps = new ArrayList<>();
        for (String h : List.of("h1", "h2", "h3")) {
            for (int i = 1; i <= 3; i++) {
                apps.add(app(h + "-a" + i, h, 2.5, 1.5)); // 7.5 of 8 usable cores: no old host can take more
            }
        }
        List<OptionPlan> plans = options(apps, hosts, measured, List.of(target("new-48c", 48, 50, 250, 3000)), Set.of(), s);
        Verdict v = verdict(plans, s);

        // Before IT = 3 × 500 W × 8,760 h = 13,140 kWh. refresh: all nine apps (22.5 of 38.4 usable cores)
        // on one new server at 13.5/48 = 0.28125 load: 50 + 0.28125 × 200 = 106.25 W → 930.75 kWh.
        // Saved = (13,140 − 930.75) × 1.5 × 0.50 = 9,156.9375 EUR/year; payback = 3,000 ÷ (9,156.9375 ÷ 12)
        // = 3.93 months; TCO = 930.75 × 1.5 × 0.50 × 3 + 3,000 = 5,094.1875 EUR.
        PlanOption refresh = named(plans, PlanOption.REFRESH).row();
        assertThat(refresh.hostsAfter()).isEqualTo(1);
        assertThat(refresh.moneySavedPerYear()).isCloseTo(9156.9375, within(1e-6));
        assertThat(refresh.paybackMonths()).isCloseTo(3000 / (9156.9375 / 12), within(1e-6));
        assertThat(refresh.tcoOverHorizon()).isCloseTo(5094.1875, within(1e-6));
        // reuse cannot free a host: every old host is full, so its plan is today's fleet. That is no
        // option to weigh (its row would be zeros), and the table says why.
        PlanOption reuse = named(plans, PlanOption.REUSE).row();
        assertThat(reuse.planned()).isFalse();
        assertThat(reuse.reason()).startsWith("nothing to switch off: every app stays where it runs");

        assertThat(v.recommendedOption()).isEqualTo(PlanOption.REFRESH);
        assertThat(v.recommended().orElseThrow().capex()).isEqualTo(3000);
        assertThat(v.sentence()).startsWith("Buy 1 new server and switch off 3: saves 9,157 EUR/year for 3,000 EUR");
    }

    @Test
    void decommissionFreesExactlyTheComatoseHosts() {
        Scenario s = scenario(0.20);
        List<ExistingHost> hosts = List.of(host("h1", 100, 200, false, false), host("h2", 100, 200, false, false),
                host("h3", 100, 200, true, false), host("h4", 100, 200, true, false));
        List<MeasuredHost> measured = List.of(measured("h1", 150), measured("h2", 150), measured("h3", 100),
                measured("h4", 100));
        List<AppDemandVector> apps = new ArrayList<>();
        for (String h : List.of("h1", "h2")) {
            for (int i = 1; i <= 3; i++) {
                apps.add(app(h + "-a" + i, h, 2.5, 1.5)); // full: h1 and h2 cannot merge
            }
        }
        apps.add(app("idle-job", "h4", 0.1, 0.01));
        List<OptionPlan> plans = options(apps, hosts, measured, List.of(), Set.of(), s);
        OptionPlan d = named(plans, PlanOption.DECOMMISSION);

        assertThat(d.planned()).isTrue();
        assertThat(d.plan().hosts()).extracting(h -> h.host()).containsExactlyInAnyOrder("h1", "h2");
        assertThat(d.row().serversFreed()).isEqualTo(2);
        assertThat(d.moves()).extracting(m -> m.app()).containsExactly("idle-job");
        // Before IT = (150 + 150 + 100 + 100) W × 8,760 h = 4,380 kWh. After: h1 and h2 keep their apps
        // and draw their measured 150 W (their curve gives 145 W at 4.5 cores: anchored, +5 W); the one
        // that takes the idle job (0.01 cores) draws 0.1 W more → (150 + 150.1) × 8.76 = 2,628.876 kWh.
        // Saved = (4,380 − 2,628.876) × 1.5 × 0.20 = 525.3372 EUR/year.
        assertThat(d.row().moneySavedPerYear()).isCloseTo(525.3372, within(1e-6));
        assertThat(named(plans, PlanOption.REFRESH).planned()).isFalse();
        assertThat(named(plans, PlanOption.REFRESH).row().reason()).contains("no targets.csv");
    }

    @Test
    void aPinnedAppsHostTakesOtherAppsAndMovesOffAPhysicalHostAreP2v() {
        Scenario s = scenario(0.20);
        List<ExistingHost> hosts = List.of(host("h1", 100, 200, false, false), host("h2", 100, 200, false, true),
                host("h3", 100, 200, false, true));
        List<MeasuredHost> measured = List.of(measured("h1", 110), measured("h2", 110), measured("h3", 110));
        List<AppDemandVector> apps = new ArrayList<>(threeLightHosts());
        apps.set(0, pinned("h1-a1", "h1", 0.6, 1.0 / 3));
        FleetInputs in = new FleetInputs(apps, measured, List.of(), YEAR_HOURS, 0.05, Map.of(), Map.of());
        FleetOptions fleet = new FleetOptions(in, hosts, Set.of("h2", "h3"), s, SOLVER, 0);
        OptionPlan reuse = named(fleet.plan(), PlanOption.REUSE);

        // The pinned app keeps h1 on; the cheapest plan puts everything there.
        assertThat(reuse.plan().hosts()).hasSize(1);
        assertThat(reuse.plan().hosts().get(0).host()).isEqualTo("h1");
        assertThat(reuse.plan().hosts().get(0).apps()).hasSize(9);
        // Six apps leave h2 and h3, whose role is physical: six P2V conversions.
        assertThat(reuse.row().moves()).isEqualTo(6);
        assertThat(reuse.row().p2vMoves()).isEqualTo(6);
        Scope scope = fleet.scope(3);
        assertThat(scope.keptOn()).containsExactly(new Scope.KeptHost("h1", "pinned: h1-a1"));
        assertThat(scope.appsCovered()).isEqualTo(8);
        assertThat(scope.appsTotal()).isEqualTo(9);
    }

    @Test
    void aDedicatedAppsHostTakesNoOtherApp() {
        Scenario s = scenario(0.20);
        List<ExistingHost> hosts = List.of(host("h1", 100, 200, false, false), host("h2", 100, 200, false, false),
                host("h3", 100, 200, false, false));
        List<MeasuredHost> measured = List.of(measured("h1", 110), measured("h2", 110), measured("h3", 110));
        List<AppDemandVector> apps = new ArrayList<>(threeLightHosts());
        apps.set(0, dedicated("h1-a1", "h1", 0.6, 1.0 / 3));
        for (OptionPlan p : options(apps, hosts, measured, List.of(), Set.of(), s)) {
            if (!p.planned()) {
                continue;
            }
            var h1 = p.plan().hosts().stream().filter(h -> h.host().equals("h1")).findFirst().orElseThrow();
            assertThat(h1.apps()).as(p.name()).containsExactly("h1-a1");
        }
        OptionPlan reuse = named(options(apps, hosts, measured, List.of(), Set.of(), s), PlanOption.REUSE);
        // h1 alone with its dedicated app; the other eight apps (4.8 of 8 usable cores) on one more host.
        assertThat(reuse.row().hostsAfter()).isEqualTo(2);
    }

    @Test
    void anAppLargerThanEveryHostAndEveryTargetNamesTheAppAndTheDimension() {
        Scenario s = scenario(0.20);
        List<AppDemandVector> apps = List.of(app("small", "h1", 1, 0.5), app("huge", "h1", 40, 20));
        assertThatThrownBy(() -> options(apps, List.of(host("h1", 100, 200, false, false)), List.of(measured("h1", 110)),
                List.of(target("new-16c", 16, 20, 120, 5000)), Set.of(), s))
                .isInstanceOf(UserError.class).hasMessageContaining("'huge'").hasMessageContaining("cpu_cores");
    }

    @Test
    void aDedicatedAppAboveItsHostsHeadroomLineStaysThereAlone() {
        Scenario s = scenario(0.20);
        // 9.5 of 10 cores: above the 8-core line, but it runs there today and keeps the host to itself.
        List<AppDemandVector> apps = List.of(dedicated("big", "h1", 9.5, 6), app("a", "h1", 1, 0.5), app("b", "h2", 1, 0.5));
        List<OptionPlan> plans = options(apps, List.of(host("h1", 100, 200, false, false), host("h2", 100, 200, false, false)),
                List.of(measured("h1", 170), measured("h2", 110)), List.of(), Set.of(), s);
        OptionPlan reuse = named(plans, PlanOption.REUSE);
        assertThat(reuse.plan().hosts()).extracting(h -> h.host() + "=" + h.apps())
                .containsExactlyInAnyOrder("h1=[big]", "h2=[a, b]");
    }

    @Test
    void anAppThatRunsOnItsHostButFitsNothingAtTheHeadroomStaysThereAlone() {
        Scenario s = scenario(0.20);
        // 9.5 of h1's 10 cores: it runs there today, but 9.5 > 10 × 0.8 = 8 and the 8-core model holds
        // 6.4: no host or model holds it at the headroom. Not dedicated: it keeps h1 to itself anyway,
        // and the run goes on (an app larger than its own host too stops the run, as the test above shows).
        List<AppDemandVector> apps = List.of(app("busy", "h1", 9.5, 6), app("a", "h1", 1, 0.5), app("b", "h2", 1, 0.5));
        List<OptionPlan> plans = options(apps, List.of(host("h1", 100, 200, false, false), host("h2", 100, 200, false, false)),
                List.of(measured("h1", 170), measured("h2", 110)), List.of(target("new-8c", 8, 20, 120, 5000)), Set.of(), s);
        OptionPlan reuse = named(plans, PlanOption.REUSE);
        assertThat(reuse.plan().hosts()).extracting(h -> h.host() + "=" + h.apps())
                .containsExactlyInAnyOrder("h1=[busy]", "h2=[a, b]");
    }

    @Test
    void reuseSaysUpFrontWhenTheServersYouHaveCannotHoldTheAppsAtTheHeadroom() {
        Scenario s = scenario(0.20);
        // Five apps of 6 sized cores on three 10-core hosts (no headroom kept today): 30 cores needed,
        // 3 × 10 × 0.8 = 24 on offer. No packing helps; refresh onto a 64-core model does.
        List<AppDemandVector> apps = List.of(app("a", "h1", 6, 3), app("b", "h1", 6, 3), app("c", "h2", 6, 3),
                app("d", "h2", 6, 3), app("e", "h3", 6, 3));
        List<ExistingHost> hosts = List.of(host("h1", 100, 200, false, false), host("h2", 100, 200, false, false),
                host("h3", 100, 200, false, false));
        List<OptionPlan> plans = options(apps, hosts, List.of(measured("h1", 150), measured("h2", 150), measured("h3", 150)),
                List.of(target("new-64c", 64, 100, 400, 9000)), Set.of(), s);
        OptionPlan reuse = named(plans, PlanOption.REUSE);
        assertThat(reuse.planned()).isFalse();
        assertThat(reuse.row().reason()).contains("the servers you have cannot hold every app within the 20 % headroom")
                .contains("the apps need 30.0 cores").contains("your 3 servers offer 24.0");
        assertThat(named(plans, PlanOption.REFRESH).planned()).isTrue();
    }

    @Test
    void decommissionKeepsAComatoseHostOnWhenItsAppsFitNowhereElse() {
        Scenario s = scenario(0.20);
        // h1 holds 7 of its 8 usable cores; h2 and h3 are comatose with an app sized at 2 cores each. Without
        // them nothing can take those apps; offered again, one of them takes both and the other goes off.
        List<AppDemandVector> apps = List.of(app("busy", "h1", 7, 5), app("z2", "h2", 2, 0.01), app("z3", "h3", 2, 0.01));
        List<ExistingHost> hosts = List.of(host("h1", 100, 200, false, false), host("h2", 100, 200, true, false),
                host("h3", 100, 200, true, false));
        OptionPlan decommission = named(options(apps, hosts, List.of(measured("h1", 170), measured("h2", 100),
                measured("h3", 100)), List.of(), Set.of(), s), PlanOption.DECOMMISSION);
        assertThat(decommission.planned()).as(decommission.row().reason()).isTrue();
        assertThat(decommission.row().hostsAfter()).isEqualTo(2);
        assertThat(decommission.row().reason()).contains("comatose hosts whose apps fit nowhere else stay on");
    }

    @Test
    void anAppNoExistingHostHoldsAtTheHeadroomStaysAloneWithoutNewHardwareAndMovesToALargerModel() {
        Scenario s = scenario(0.20);
        // big: 9 of h1's 10 cores, over every existing host's 8-core line, within the 32-core model's 25.6.
        List<AppDemandVector> apps = List.of(app("big", "h1", 9, 6), app("a", "h2", 1, 0.5), app("b", "h3", 1, 0.5));
        List<ExistingHost> hosts = List.of(host("h1", 100, 200, false, false), host("h2", 100, 200, false, false),
                host("h3", 100, 200, false, false));
        List<OptionPlan> plans = options(apps, hosts, List.of(measured("h1", 170), measured("h2", 110), measured("h3", 110)),
                List.of(target("new-32c", 32, 60, 300, 4000)), Set.of(), s);
        OptionPlan reuse = named(plans, PlanOption.REUSE);
        assertThat(reuse.planned()).as(reuse.row().reason()).isTrue();
        assertThat(reuse.plan().hosts()).extracting(h -> h.host() + "=" + h.apps()).contains("h1=[big]");
        assertThat(reuse.row().reason()).contains("1 app that no server of yours holds within the headroom stays alone");
        OptionPlan refresh = named(plans, PlanOption.REFRESH);
        assertThat(refresh.plan().hosts()).anyMatch(h -> h.model().equals("new-32c") && h.apps().contains("big"));
    }

    @Test
    void aHostThatKeepsItsAppsDrawsWhatItDrewTodayWhateverItsCurveSays() {
        Scenario s = scenario(0.20);
        // h1 measured 500 W, its curve says 490 W at its app's mean load (4.5 of 10 cores); a1 is pinned
        // there. h2 runs one light app that moves to h1. After: h1 draws 500 W + the curve's 0.5 core ×
        // 20 W/core = 510 W; h2 is off.
        List<ExistingHost> hosts = List.of(host("h1", 400, 600, false, false), host("h2", 100, 200, false, false));
        List<AppDemandVector> apps = List.of(pinned("a1", "h1", 6, 4.5), app("b1", "h2", 1, 0.5));
        OptionPlan reuse = named(options(apps, hosts, List.of(measured("h1", 500), measured("h2", 130)), List.of(),
                Set.of(), s), PlanOption.REUSE);
        assertThat(reuse.plan().hosts()).extracting(h -> h.host()).containsExactly("h1");
        // Saved = (500 + 130 − 510) W = 120 W × 8,760 h = 1,051.2 kWh a year, × PUE 1.5 × 0.20 EUR/kWh.
        assertThat(reuse.row().moneySavedPerYear()).isCloseTo(1051.2 * 1.5 * 0.20, within(1e-6));
    }
}
