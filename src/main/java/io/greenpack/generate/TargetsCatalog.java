package io.greenpack.generate;

import java.util.List;

/**
 * The consolidation catalog written to targets.csv. The 11-point curves (watts at active idle,
 * 10 %, ..., 100 % target load) of the rack servers are the "Average Active Power" columns of
 * published SPECpower_ssj2008 results, cited by result id in {@code source}. Cores and memory
 * are the configuration we assume one would buy; the result page lists the configuration that
 * was measured. Prices are rough list-price estimates, not quotes. The blade entry is
 * illustrative (no published single-blade curve was at hand) and says so in its source.
 */
public final class TargetsCatalog {
    private TargetsCatalog() {
    }

    public static final String HEADER = "model,cores,mem_gb,idle_watts,max_watts,w0,w10,w20,w30,w40,w50,w60,w70,"
            + "w80,w90,w100,price,rack_units,form,chassis_watts,blades_per_chassis,available,source";

    /** One catalog row; {@code available} null = unlimited, chassis fields null for rack servers. */
    public record Entry(String model, int cores, int memGb, double[] curveWatts, int price, double rackUnits,
                        String form, Integer chassisWatts, Integer bladesPerChassis, Integer available,
                        String source) {
        public Entry {
            if (curveWatts.length != 11) {
                throw new IllegalArgumentException(model + ": need 11 curve points");
            }
            if (source.contains(",") || source.contains("\"")) {
                throw new IllegalArgumentException(model + ": keep the source free of commas and quotes");
            }
        }

        public double idleWatts() {
            return curveWatts[0];
        }

        public double maxWatts() {
            return curveWatts[10];
        }
    }

    public static List<Entry> entries() {
        return List.of(
                new Entry("Dell PowerEdge R640", 56, 384,
                        new double[]{55, 125, 151, 176, 202, 232, 261, 301, 357, 421, 469},
                        14_000, 1, "rack", null, null, null,
                        "SPECpower_ssj2008 result power_ssj2008-20170829-00781 (Dell Inc. PowerEdge R640; "
                                + "published 2017 Q3) https://www.spec.org/power_ssj2008/results/res2017q3/"
                                + "power_ssj2008-20170829-00781.html"),
                new Entry("Dell PowerEdge R740", 56, 768,
                        new double[]{52.3, 129, 147, 170, 195, 224, 255, 292, 344, 408, 457},
                        17_000, 2, "rack", null, null, null,
                        "SPECpower_ssj2008 result power_ssj2008-20170829-00780 (Dell Inc. PowerEdge R740; "
                                + "published 2017 Q3) https://www.spec.org/power_ssj2008/results/res2017q3/"
                                + "power_ssj2008-20170829-00780.html"),
                new Entry("Dell PowerEdge R940", 112, 1536,
                        new double[]{106, 245, 292, 336, 383, 437, 502, 583, 694, 820, 915},
                        48_000, 3, "rack", null, null, null,
                        "SPECpower_ssj2008 result power_ssj2008-20171010-00789 (Dell Inc. PowerEdge R940; "
                                + "published 2017 Q4) https://www.spec.org/power_ssj2008/results/res2017q4/"
                                + "power_ssj2008-20171010-00789.html"),
                new Entry("Fujitsu PRIMERGY RX300 S7", 16, 128,
                        new double[]{53.1, 74.9, 85.3, 94.9, 105, 117, 134, 156, 187, 217, 245},
                        3_000, 2, "rack", null, null, 10,
                        "SPECpower_ssj2008 result power_ssj2008-20120305-00429 (Fujitsu PRIMERGY RX300 S7; "
                                + "published 2012 Q1) https://www.spec.org/power_ssj2008/results/res2012q1/"
                                + "power_ssj2008-20120305-00429.html"),
                new Entry("Dell PowerEdge R620", 16, 128,
                        new double[]{54.1, 78.4, 88.5, 99.5, 115, 126, 143, 165, 196, 226, 243},
                        2_500, 1, "rack", null, null, 12,
                        "SPECpower_ssj2008 result power_ssj2008-20120306-00434 (Dell Inc. PowerEdge R620; "
                                + "published 2012 Q1) https://www.spec.org/power_ssj2008/results/res2012q1/"
                                + "power_ssj2008-20120306-00434.html"),
                new Entry("blade-2s-56c (illustrative)", 56, 512,
                        new double[]{48, 110, 134, 158, 183, 210, 238, 274, 322, 378, 420},
                        11_000, 0.625, "blade", 650, 16, null,
                        "illustrative; not a published result (per-blade curve shaped like the 2017 "
                                + "2-socket results above; chassis_watts is the enclosure's fans and "
                                + "management; rack_units is the per-blade share of a 10U chassis of 16 blades)"));
    }
}
