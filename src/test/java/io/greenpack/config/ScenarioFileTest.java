package io.greenpack.config;

import io.greenpack.util.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScenarioFileTest {
    @TempDir
    Path dir;

    Path file(String yaml) throws IOException {
        Path f = dir.resolve("scenarios.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    static final String DESIGN_EXAMPLE = """
            base:
              tariff_per_kwh: 0.18        # currency per kWh
              currency: EUR
              grid_gco2e_per_kwh: 350
              pue: 1.6
              headroom: 0.2               # fraction of each target's capacity kept free
              percentile: 95
              hypervisor: {cpu_overhead: 0.1, mem_overhead_gb: 2}
              targets: [all]              # model names from targets.csv
              horizon_years: 3
            scenarios:
              - name: blades-only
                targets: [blade-model-name]
            sweep:
              headroom: [0.1, 0.2, 0.3, 0.4]
            """;

    @Test
    void theDesignExampleLoadsAsBaseNamedScenarioAndSweep() throws IOException {
        ScenarioSet set = ScenarioFile.load(file(DESIGN_EXAMPLE));

        assertThat(set.points()).extracting(Scenario::name).containsExactly(
                "base", "blades-only", "headroom=0.1", "headroom=0.2", "headroom=0.3", "headroom=0.4");
        assertThat(set.base().pue()).isEqualTo(1.6);
        assertThat(set.base().hypervisorMemGb()).isEqualTo(2.0);
        Scenario blades = set.points().get(1);
        assertThat(blades.targets()).containsExactly("blade-model-name");
        assertThat(blades.pue()).isEqualTo(1.6); // inherited from base
        assertThat(set.points().get(4).headroom()).isEqualTo(0.3);
        assertThat(set.points().get(4).targets()).containsExactly("all");
    }

    @Test
    void sweepIsTheCartesianProductWithTheFirstKeySlowest() throws IOException {
        ScenarioSet set = ScenarioFile.load(file("""
                sweep:
                  headroom: [0.1, 0.3]
                  pue: [1.2, 1.5, 2]
                  hypervisor.cpu_overhead: [0.05]
                """));

        assertThat(set.points()).extracting(Scenario::name).containsExactly("base",
                "headroom=0.1,pue=1.2,hypervisor.cpu_overhead=0.05",
                "headroom=0.1,pue=1.5,hypervisor.cpu_overhead=0.05",
                "headroom=0.1,pue=2,hypervisor.cpu_overhead=0.05",
                "headroom=0.3,pue=1.2,hypervisor.cpu_overhead=0.05",
                "headroom=0.3,pue=1.5,hypervisor.cpu_overhead=0.05",
                "headroom=0.3,pue=2,hypervisor.cpu_overhead=0.05");
        Scenario last = set.points().get(6);
        assertThat(last.headroom()).isEqualTo(0.3);
        assertThat(last.pue()).isEqualTo(2.0);
        assertThat(last.hypervisorCpuOverhead()).isEqualTo(0.05);
    }

    @Test
    void percentageForAFractionIsCaughtWithPathLineAndHint() throws IOException {
        Path f = file("""
                scenarios:
                  - name: a
                    headroom: 0.3
                  - name: b
                    headroom: 30
                """);
        assertThatThrownBy(() -> ScenarioFile.load(f)).isInstanceOf(UserError.class)
                .hasMessage(f + ":5: scenarios[1].headroom: expected a fraction in [0,1), got 30"
                        + " — was it a percentage? (30 % is 0.3)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            headroom: abc                  | headroom: expected a number, got 'abc'
            headroom: -0.1                 | headroom: expected a fraction in [0,1), got -0.1
            pue: 0.9                       | pue: expected a PUE in [1, 5], got 0.9
            percentile: 0.95               | percentile: expected a percentile in [1, 100], got 0.95 — was it a fraction? (p95 is 95)
            tariff_per_kwh: -1             | tariff_per_kwh: expected a price per kWh >= 0, got -1
            grid_gco2e_per_kwh: 5000       | grid_gco2e_per_kwh: expected gCO2e per kWh in [0, 2000], got 5000
            grid_gco2e_per_kwh: [1, 2]     | grid_gco2e_per_kwh: expected one number or a list of 24 numbers (hour of day 0–23, UTC), got a list of 2
            hourly_sizing: 3               | hourly_sizing: expected true or false, got 3
            horizon_years: 0               | horizon_years: expected a number of years in (0, 30], got 0
            migration_gbps: 0              | migration_gbps: expected a bandwidth in Gbit/s in (0, 1000], got 0
            idle_policy: cpu_share         | idle_policy: expected one of cpu-share, equal, reserved, unattributed, got 'cpu_share' — did you mean 'cpu-share'?
            headrom: 0.2                   | headrom: unknown key 'headrom' — did you mean 'headroom'?
            sweeps: {pue: [1.2]}           | sweeps: unknown key 'sweeps' — did you mean 'sweep'?
            tarif_per_kwh: 0.2             | tarif_per_kwh: unknown key 'tarif_per_kwh' — did you mean 'tariff_per_kwh'?
            colour: red                    | colour: unknown key 'colour' (known keys: name, tariff_per_kwh,
            hypervisor: {cpu_overheads: 1} | hypervisor.cpu_overheads: unknown key 'cpu_overheads' — did you mean 'cpu_overhead'?
            hypervisor: {cpu_overhead: 10} | hypervisor.cpu_overhead: expected a fraction in [0,1), got 10 — was it a percentage? (10 % is 0.1)
            hypervisor: 2                  | hypervisor: expected a map of key: value lines, got 2
            currency: ''                   | currency: expected a currency code or symbol (EUR, USD, €), got ''
            targets: []                    | targets: expected a list of target model names from targets.csv, or [all], got a list of 0
            pue: .nan                      | pue: expected a number, got NaN
            """)
    void eachValidationMessageNamesFieldValueAndExpectation(String yaml, String message) throws IOException {
        Path f = file(yaml + "\n");
        assertThatThrownBy(() -> ScenarioFile.loadSingle(f)).isInstanceOf(UserError.class)
                .hasMessageStartingWith(f + ":1: " + message);
    }

    @Test
    void pathsInsideBaseAndSweepAreNamed() throws IOException {
        Path f = file("base:\n  pue: 1.2\n  headroom: 1.5\n");
        assertThatThrownBy(() -> ScenarioFile.load(f)).hasMessage(
                f + ":3: base.headroom: expected a fraction in [0,1), got 1.5 — was it a percentage? (1.5 % is 0.015)");
        Path g = file("sweep:\n  headroom: [0.1, 20]\n");
        assertThatThrownBy(() -> ScenarioFile.load(g)).hasMessageStartingWith(
                g + ":2: sweep.headroom[1]: expected a fraction in [0,1), got 20");
        Path h = file("sweep:\n  headroon: [0.1]\n");
        assertThatThrownBy(() -> ScenarioFile.load(h)).hasMessage(
                h + ":2: sweep.headroon: unknown key 'headroon' — did you mean 'headroom'?");
        Path i = file("bse:\n  pue: 1.2\nsweep:\n  pue: [1.2]\n");
        assertThatThrownBy(() -> ScenarioFile.load(i)).hasMessage(i + ":1: bse: unknown key 'bse' — did you mean 'base'?");
    }

    @Test
    void namedScenariosNeedUniqueNames() throws IOException {
        Path f = file("scenarios:\n  - headroom: 0.3\n");
        assertThatThrownBy(() -> ScenarioFile.load(f)).hasMessageContaining("scenarios[0]: a named scenario needs a name:");
        Path g = file("scenarios:\n  - name: x\n  - name: x\n");
        assertThatThrownBy(() -> ScenarioFile.load(g)).hasMessage(g + ":3: scenarios[1].name: scenario name 'x' is used twice; names must be unique");
    }

    @Test
    void yamlSyntaxErrorsGiveLineAndColumn() throws IOException {
        Path f = file("base:\n  pue: 1.2\n  headroom: [0.1, 0.2\n");
        assertThatThrownBy(() -> ScenarioFile.load(f)).isInstanceOf(UserError.class)
                .hasMessageStartingWith(f + ":4:1: invalid YAML:")
                .hasMessageContaining("line 4, column 1");
        Path g = file("pue: 1.2\npue: 1.3\n");
        assertThatThrownBy(() -> ScenarioFile.loadSingle(g)).isInstanceOf(UserError.class)
                .hasMessageContaining(":2:").hasMessageContaining("duplicate key pue");
    }

    @Test
    void theSafeLoaderRefusesArbitraryTypes() throws IOException {
        Path f = file("""
                base: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://127.0.0.1:1/"]]]]
                """);
        assertThatThrownBy(() -> ScenarioFile.load(f)).isInstanceOf(UserError.class)
                .hasMessageContaining(f + ":1:")
                .hasMessageContaining("tag is not allowed").hasMessageContaining("only plain values")
                .hasMessageContaining("javax.script.ScriptEngineManager");
    }

    @Test
    void singleScenarioFromFlatKeysOrBaseAndEmptyFileIsTheDefaults() throws IOException {
        assertThat(ScenarioFile.loadSingle(file("headroom: 0.25\ncurrency: USD\n")).headroom()).isEqualTo(0.25);
        assertThat(ScenarioFile.loadSingle(file("base:\n  pue: 1.3\n")).pue()).isEqualTo(1.3);
        assertThat(ScenarioFile.loadSingle(file("# nothing\n"))).isEqualTo(Scenario.defaults());
        Path f = file("base: {pue: 1.3}\nsweep: {pue: [1.2]}\n");
        assertThatThrownBy(() -> ScenarioFile.loadSingle(f)).hasMessageContaining("'sweep' is for what-if runs");
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> ScenarioFile.loadSingle(missing)).hasMessage(missing + ": scenario file not found");
    }

    @Test
    void hourlyGridProfileAndIdlePolicyAreRead() throws IOException {
        StringBuilder hours = new StringBuilder("[");
        for (int h = 0; h < 24; h++) {
            hours.append(h < 12 ? "100" : "500").append(h < 23 ? ", " : "]");
        }
        Scenario s = ScenarioFile.loadSingle(file("grid_gco2e_per_kwh: " + hours + "\nidle_policy: unattributed\n"));
        assertThat(s.hourlyGridGco2ePerKwh()).hasSize(24);
        assertThat(s.gridGco2ePerKwhAt(13)).isEqualTo(500.0);
        assertThat(s.gridGco2ePerKwh()).isEqualTo(300.0); // the mean, for places that show one number
        assertThat(s.idlePolicy()).isEqualTo(IdlePolicy.UNATTRIBUTED);
    }

    @Test
    void toMapUsesSnakeCaseKeysAndLoadsBackToTheSameScenario() throws IOException {
        Scenario s = new Scenario("round-trip", 0.25, "USD", 420, List.of(), 1.4, 0.3, 90, true, 0.05, 4,
                List.of("a", "b"), 5, IdlePolicy.EQUAL, 25).withCosts(new OwnershipCosts(12, 300, 150));
        assertThat(s.toMap().keySet()).containsExactly("name", "tariff_per_kwh", "currency", "grid_gco2e_per_kwh",
                "pue", "headroom", "percentile", "hourly_sizing", "hypervisor", "targets", "horizon_years",
                "idle_policy", "migration_gbps", "licence_per_core", "licence_per_socket", "cost_per_move");
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        String yaml = new Yaml(o).dump(s.toMap());

        assertThat(ScenarioFile.loadSingle(file(yaml))).isEqualTo(s);
    }

    @Test
    void licenceAndMoveCostsAreScenarioKeysAndANegativeOneIsRefused() throws IOException {
        Scenario s = ScenarioFile.loadSingle(file("licence_per_core: 25\nlicence_per_socket: 400\ncost_per_move: 150\n"));
        assertThat(s.costs()).isEqualTo(new OwnershipCosts(25, 400, 150));
        assertThat(s.costs().licencePerYear(16, 2)).isEqualTo(16 * 25 + 2 * 400);
        assertThat(Scenario.defaults().costs()).isEqualTo(OwnershipCosts.none());
        assertThatThrownBy(() -> ScenarioFile.loadSingle(file("cost_per_move: -3\n")))
                .isInstanceOf(UserError.class).hasMessageContaining("cost_per_move");
    }
}
