package io.greenpack.correlate;

import io.greenpack.model.HostSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The order in which a host without a meter gets its curve (DESIGN §2): hosts.csv → targets.csv → default by cores. */
class PublishedCurvesTest {
    private static final FittedCurve R640 = FittedCurve.piecewise(new double[]{55, 125, 151, 176, 202, 232, 261, 301, 357, 421, 469});
    private static final Map<String, FittedCurve> CATALOG = Map.of("Dell PowerEdge R640", R640);

    private static HostSpec host(String name, String model, double cores, Double idle, Double max) {
        return new HostSpec(name, model, 2, cores, 256, "hypervisor", null, 1.0, idle, max);
    }

    @Test
    void nameplateWattsOfTheHostComeFirst() {
        PublishedCurves.Published p = PublishedCurves.forHost(host("a", "Dell PowerEdge R640", 56, 80.0, 400.0), CATALOG);
        assertThat(p.origin()).isEqualTo(PublishedCurves.Origin.NAMEPLATE);
        assertThat(p.curve()).isEqualTo(FittedCurve.linear(80, 400));
        assertThat(p.description()).contains("hosts.csv");
    }

    @Test
    void thenTheCurveOfItsModelInTargetsCsvMatchedByName() {
        assertThat(PublishedCurves.forHost(host("b", "Dell PowerEdge R640", 56, null, null), CATALOG).curve()).isEqualTo(R640);
        // The same name with other case and spacing, as inventories export it.
        PublishedCurves.Published loose = PublishedCurves.forHost(host("c", " dell poweredge  r640", 56, null, null), CATALOG);
        assertThat(loose.origin()).isEqualTo(PublishedCurves.Origin.CATALOG);
        assertThat(loose.curve()).isEqualTo(R640);
        // Nameplate watts that cannot be physical (max below idle) do not count.
        assertThat(PublishedCurves.forHost(host("d", "Dell PowerEdge R640", 56, 300.0, 100.0), CATALOG).origin())
                .isEqualTo(PublishedCurves.Origin.CATALOG);
    }

    @Test
    void elseTheDefaultCurveScaledByItsCores() {
        PublishedCurves.Published p = PublishedCurves.forHost(host("e", "unknown-16c", 16, null, null), CATALOG);
        assertThat(p.origin()).isEqualTo(PublishedCurves.Origin.DEFAULT);
        assertThat(p.description()).contains("SPECpower_ssj2008", "16 cores");
        // Least squares over the five cited results: idle 37.87 + 0.512 × 16 = 46.1 W, full load 112.72 + 6.896 × 16 = 223.1 W.
        assertThat(p.curve().idleWatts()).isCloseTo(46.1, within(0.1));
        assertThat(p.curve().maxWatts()).isCloseTo(223.1, within(0.1));
        assertThat(DefaultPowerCurve.forCores(112).maxWatts()).isCloseTo(885.1, within(0.1));
        assertThat(DefaultPowerCurve.forCores(32).watts(0.5)).isGreaterThan(DefaultPowerCurve.forCores(16).watts(0.5));
    }

    @Test
    void defaultCurveIsPhysicalForAnyCoreCount() {
        for (double cores : new double[]{0, 1, 2, 4, 8, 24, 64, 128, 256, 1024}) {
            double[] w = DefaultPowerCurve.forCores(cores).elevenPoints();
            assertThat(w[0]).as(cores + " cores idle").isGreaterThanOrEqualTo(0);
            for (int i = 1; i < w.length; i++) {
                assertThat(w[i]).as(cores + " cores w" + 10 * i).isGreaterThanOrEqualTo(w[i - 1]);
            }
        }
    }

    @Test
    void aHardwareModelFallsBackInTheSameOrder() {
        List<HostSpec> hosts = List.of(host("p1", "plated", 16, 90.0, 300.0), host("p2", "plated", 16, 110.0, 340.0),
                host("c1", "Dell PowerEdge R640", 56, null, null), host("x1", "unknown", 8, null, null),
                host("x2", "unknown", 24, null, null));
        Map<String, PublishedCurves.Published> m = PublishedCurves.forModels(hosts, CATALOG);
        assertThat(m.get("plated").curve()).isEqualTo(FittedCurve.linear(100, 320)); // medians of the hosts' nameplates
        assertThat(m.get("Dell PowerEdge R640").curve()).isEqualTo(R640);
        assertThat(m.get("unknown").curve()).isEqualTo(DefaultPowerCurve.forCores(16)); // median cores of 8 and 24
    }
}
