package io.greenpack.ingest;

import io.greenpack.model.TargetSpec;
import io.greenpack.util.Home;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TargetCatalogTest {
    private static Map<String, String> row(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void idleAndMaxBecomeALinearElevenPointCurve() {
        TargetSpec t = TargetCatalog.parse(row("model", "x", "cores", "32", "mem_gb", "256", "idle_watts", "100",
                "max_watts", "300", "available", "4"));
        assertThat(t.curveWatts()).containsExactly(100, 120, 140, 160, 180, 200, 220, 240, 260, 280, 300);
        assertThat(t.available()).isEqualTo(4);
        assertThat(t.form()).isEqualTo("rack");
    }

    @Test
    void emptyAvailableMeansUnlimited() {
        TargetSpec t = TargetCatalog.parse(row("model", "x", "cores", "32", "mem_gb", "256", "idle_watts", "100",
                "max_watts", "300", "available", ""));
        assertThat(t.available()).isNull();
    }

    @Test
    void badRowsNameTheColumnAndValue() {
        assertThatThrownBy(() -> TargetCatalog.parse(row("model", "x", "cores", "many", "mem_gb", "1")))
                .hasMessage("cores not a number: cores = 'many'");
        assertThatThrownBy(() -> TargetCatalog.parse(row("model", "x", "cores", "8", "mem_gb", "1",
                "idle_watts", "300", "max_watts", "100"))).hasMessageStartingWith("idle_watts not below max_watts");
        assertThatThrownBy(() -> TargetCatalog.parse(row("model", "x", "cores", "8", "mem_gb", "1", "form", "tower",
                "idle_watts", "1", "max_watts", "2"))).hasMessageContaining("expected rack or blade");
        assertThatThrownBy(() -> TargetCatalog.parse(row("model", "x", "cores", "8", "mem_gb", "1", "form", "blade",
                "idle_watts", "1", "max_watts", "2"))).hasMessageStartingWith("blade without blades_per_chassis");
    }

    @Test
    void decreasingSpecPowerCurveIsRefused() {
        Map<String, String> r = row("model", "x", "cores", "8", "mem_gb", "64");
        for (int i = 0; i <= 10; i++) {
            r.put("w" + i * 10, String.valueOf(50 + 10 * i));
        }
        r.put("w50", "10");
        assertThatThrownBy(() -> TargetCatalog.parse(r)).hasMessageStartingWith("power curve decreasing: w50 = 10.0");
    }

    @Test
    void bundledCatalogReadsWithPublishedCurves() {
        InputFile f = new InputFile(Home.sampleData().resolve("targets.csv"), InputKind.TARGETS, InputFormat.CSV);
        TargetCatalog c = TargetCatalog.read(f);
        assertThat(c.rejects()).isEmpty();
        assertThat(c.targets()).hasSizeGreaterThanOrEqualTo(3);
        TargetSpec r640 = c.targets().stream().filter(t -> t.model().equals("Dell PowerEdge R640")).findFirst().orElseThrow();
        assertThat(r640.curveWatts()[0]).isEqualTo(55.0);
        assertThat(r640.curveWatts()[10]).isEqualTo(469.0);
        assertThat(r640.source()).contains("power_ssj2008-20170829-00781");
        assertThat(c.targets()).anySatisfy(t -> assertThat(t.blade()).isTrue());
    }
}
