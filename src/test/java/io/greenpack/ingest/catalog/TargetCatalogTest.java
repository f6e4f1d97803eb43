package io.greenpack.ingest.catalog;

import io.greenpack.ingest.files.InputFile;
import io.greenpack.ingest.files.InputFormat;
import io.greenpack.ingest.files.InputKind;
import io.greenpack.model.TargetModel;
import io.greenpack.util.Home;
import io.greenpack.util.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

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
        TargetModel t = TargetCatalog.parse(row("model", "x", "cores", "32", "mem_gb", "256", "idle_watts", "100",
                "max_watts", "300", "available", "4"));
        assertThat(t.powerCurve().wattsAtDecile()).containsExactly(100, 120, 140, 160, 180, 200, 220, 240, 260, 280, 300);
        assertThat(t.available()).isEqualTo(4);
        assertThat(t.blade()).isFalse();
    }

    @Test
    void emptyAvailableMeansUnlimited() {
        TargetModel t = TargetCatalog.parse(row("model", "x", "cores", "32", "mem_gb", "256", "idle_watts", "100",
                "max_watts", "300", "available", ""));
        assertThat(t.available()).isEqualTo(TargetModel.UNLIMITED);
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
        TargetModel r640 = c.targets().stream().filter(t -> t.model().equals("Dell PowerEdge R640")).findFirst().orElseThrow();
        assertThat(r640.idleWatts()).isEqualTo(55.0);
        assertThat(r640.maxWatts()).isEqualTo(469.0);
        assertThat(r640.source()).contains("power_ssj2008-20170829-00781");
        assertThat(c.targets()).anySatisfy(t -> assertThat(t.blade()).isTrue());
    }

    @TempDir
    Path tmp;

    @Test
    void ownershipColumnsAreReadAndABadOneStopsTheRunNamingFileLineAndColumn() throws IOException {
        Path good = tmp.resolve("targets.csv");
        Files.writeString(good, String.join("\n",
                "model,cores,mem_gb,idle_watts,max_watts,price,form,chassis_watts,blades_per_chassis,chassis_price,support_per_year,embodied_kgco2e",
                "b1,56,512,48,420,11000,blade,650,16,24000,300,1400",
                "r1,32,256,60,300,8000,rack,,,,,"));
        TargetCatalog c = TargetCatalog.read(new InputFile(good, InputKind.TARGETS, InputFormat.CSV));
        assertThat(c.targets()).extracting(TargetModel::chassisPrice, TargetModel::supportPerYear, TargetModel::embodiedKgco2e)
                .containsExactly(tuple(24000.0, 300.0, 1400.0), tuple(0.0, 0.0, 0.0));

        for (String[] bad : new String[][]{{"chassis_price", "-1"}, {"embodied_kgco2e", "lots"}, {"price", "-8000"}}) {
            Path f = tmp.resolve("bad-" + bad[0] + ".csv");
            Files.writeString(f, "model,cores,mem_gb,idle_watts,max_watts," + bad[0] + "\nr1,32,256,60,300,1\nr2,32,256,60,300,"
                    + bad[1] + "\n");
            assertThatThrownBy(() -> TargetCatalog.read(new InputFile(f, InputKind.TARGETS, InputFormat.CSV)))
                    .isInstanceOf(UserError.class).hasMessageContaining(f.getFileName().toString())
                    .hasMessageContaining("line 3").hasMessageContaining("'" + bad[0] + "'")
                    .hasMessageContaining("expected a number >= 0, got '" + bad[1] + "'");
        }
    }
}
