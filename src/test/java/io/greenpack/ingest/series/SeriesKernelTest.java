package io.greenpack.ingest.series;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The series kernel alone, with answers worked out by hand (interval 300 s, gap limit 900 s). */
class SeriesKernelTest {
    /** A multiple of the interval. */
    private static final long B = 1_700_000_100L;
    private static final double NA = Double.NaN;

    private final TaskFindings summary = new TaskFindings();
    private final List<String> rows = new ArrayList<>();

    private SeriesKernel kernel(boolean power) {
        return new SeriesKernel(power, power ? 2 : 6, 300, 900, summary);
    }

    private void run(SeriesKernel k) {
        SeriesKernel.Output out = new SeriesKernel.Output() {
            @Override
            public void power(String host, long ts, double watts, long psus, double coverage, boolean complete) {
                rows.add(String.format(Locale.ROOT, "%s +%d %.3f W psus=%d cov=%.3f%s", host, ts - B, watts, psus, coverage,
                        complete ? "" : " incomplete"));
            }

            @Override
            public void utilization(String host, String app, long ts, double[] v, double coverage) {
                rows.add(String.format(Locale.ROOT, "%s/%s +%d cpu=%.3f mem=%.3f cov=%.3f", host, app, ts - B, v[0], v[1], coverage));
            }
        };
        while (k.nextGroup(out)) {
            // all groups
        }
    }

    private static double[] util(double cpu, double mem) {
        return new double[]{cpu, mem, NA, NA, NA, NA};
    }

    @Test
    void aSampleIsSpreadOverTheIntervalsItOverlapsByTime() {
        SeriesKernel k = kernel(false);
        // The first sample covers one nominal interval: (B-150, B+150], half in each interval.
        k.add("h", "web", "", 0, 2, B + 150, util(10, 1));
        // The next covers (B+150, B+450]: half of the interval ending B+300 and half of B+600.
        k.add("h", "web", "", 0, 3, B + 450, util(20, 1));
        run(k);
        assertThat(rows).containsExactly(
                "h/web +0 cpu=10.000 mem=1.000 cov=0.500",
                "h/web +300 cpu=15.000 mem=1.000 cov=1.000",
                "h/web +600 cpu=20.000 mem=1.000 cov=0.500");
    }

    @Test
    void rowsSortedByTimeWithTheSeriesInAChangingOrderAlignAsRowsSortedBySeries() {
        // Time-major rows (as exporters write them) in which the series order changes and a new
        // series appears part way: the kernel's guess of the next series must never mix them up.
        String[][] order = {{"a", "b", "c"}, {"a", "b", "c"}, {"c", "a", "b"}, {"c", "d", "a", "b"}, {"a", "b", "c", "d"}};
        SeriesKernel byTime = kernel(false);
        long line = 2;
        for (int t = 0; t < order.length; t++) {
            for (String app : order[t]) {
                byTime.add("h", app, "", 0, line++, B + 300L * t, util(app.charAt(0) - 'a' + t, 1 + t));
            }
        }
        run(byTime);
        List<String> timeMajor = new ArrayList<>(rows);
        rows.clear();
        SeriesKernel bySeries = kernel(false);
        for (String app : new String[]{"a", "b", "c", "d"}) {
            for (int t = 0; t < order.length; t++) {
                if (java.util.Arrays.asList(order[t]).contains(app)) {
                    bySeries.add("h", app, "", 0, line++, B + 300L * t, util(app.charAt(0) - 'a' + t, 1 + t));
                }
            }
        }
        run(bySeries);
        assertThat(timeMajor).hasSize(5 * 3 + 2).isEqualTo(rows);
        assertThat(timeMajor).contains("h/c +600 cpu=4.000 mem=3.000 cov=1.000", "h/d +900 cpu=6.000 mem=4.000 cov=1.000");
    }

    @Test
    void longInterleavedSeriesWithSomeSamplesOutOfOrderAlignSampleBySample() {
        // More samples per series than one storage chunk holds, two series interleaved, and a few
        // of one series' samples swapped: each interval gets exactly its own sample back.
        SeriesKernel k = kernel(false);
        int n = 300;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int swap : new int[]{63, 64, 150, 299 - 1}) {
            int t = order[swap];
            order[swap] = order[swap + 1];
            order[swap + 1] = t;
        }
        long line = 2;
        for (int i = 0; i < n; i++) {
            k.add("h", "a", "", 0, line++, B + 300L * order[i], util(order[i], 1));
            k.add("h", "b", "", 0, line++, B + 300L * i, util(1000 + i, 2));
        }
        run(k);
        List<String> expected = new ArrayList<>();
        for (String app : new String[]{"a", "b"}) {
            for (int i = 0; i < n; i++) {
                expected.add(String.format(Locale.ROOT, "h/%s +%d cpu=%.3f mem=%.3f cov=1.000", app, 300L * i,
                        app.equals("a") ? (double) i : 1000.0 + i, app.equals("a") ? 1.0 : 2.0));
            }
        }
        assertThat(rows).isEqualTo(expected);
    }

    @Test
    void moreSamplesThanOneStorageBlockHoldsAlignAsFew() {
        // 90 series x 1,000 samples, time-major: 90,000 samples, past the first storage block
        // (65,536). Every interval of every series must come back with its own value.
        SeriesKernel k = kernel(false);
        int series = 90;
        int samples = 1000;
        long line = 2;
        for (int t = 0; t < samples; t++) {
            for (int a = 0; a < series; a++) {
                k.add("h", String.format(Locale.ROOT, "app-%02d", a), "", 0, line++, B + 300L * t, util(a + t / 1000.0, 1));
            }
        }
        assertThat(k.size()).isEqualTo(series * samples).isGreaterThan(1 << 16);
        run(k);
        assertThat(rows).hasSize(series * samples);
        for (int a = 0; a < series; a += 17) {
            for (int t = 0; t < samples; t += 199) {
                assertThat(rows.get(a * samples + t)).isEqualTo(String.format(Locale.ROOT,
                        "h/app-%02d +%d cpu=%.3f mem=1.000 cov=1.000", a, 300L * t, a + t / 1000.0));
            }
        }
    }

    @Test
    void samplesOutOfOrderAreSortedByTimeThenLine() {
        SeriesKernel k = kernel(false);
        k.add("h", "web", "", 0, 2, B + 600, util(3, 1));
        k.add("h", "web", "", 0, 3, B + 300, util(2, 1));
        k.add("h", "web", "", 0, 4, B, util(1, 1));
        run(k);
        assertThat(rows).containsExactly(
                "h/web +0 cpu=1.000 mem=1.000 cov=1.000",
                "h/web +300 cpu=2.000 mem=1.000 cov=1.000",
                "h/web +600 cpu=3.000 mem=1.000 cov=1.000");
    }

    @Test
    void aGapIsCountedAndTheSampleAfterItCoversOneInterval() {
        SeriesKernel k = kernel(false);
        k.add("h", "web", "", 0, 2, B + 300, util(1, 1));
        k.add("h", "web", "", 0, 3, B + 1500, util(5, 1)); // 1200 s of silence > 900 s
        run(k);
        assertThat(rows).containsExactly(
                "h/web +300 cpu=1.000 mem=1.000 cov=1.000",
                "h/web +1500 cpu=5.000 mem=1.000 cov=1.000");
        assertThat(summary.gaps).singleElement().satisfies(g -> {
            assertThat(g.from()).isEqualTo(B + 300);
            assertThat(g.to()).isEqualTo(B + 1500);
            assertThat(g.series()).isEqualTo("web");
        });
        long[] c = summary.sequencing.get(SeriesKernel.group(false, "h", "web")).get(0);
        assertThat(c[TaskFindings.GAPS]).isEqualTo(1);
        assertThat(c[TaskFindings.GAP_S]).isEqualTo(1200);
    }

    @Test
    void aDuplicateIsTheSameRowAgainAConflictingDuplicateDiffers() {
        SeriesKernel k = kernel(false);
        k.add("h", "web", "", 0, 2, B, util(1, 1));
        k.add("h", "web", "", 0, 3, B, util(1, 1));
        k.add("h", "web", "", 0, 4, B + 300, util(2, 1));
        k.add("h", "web", "", 0, 5, B + 300, util(9, 1));
        run(k);
        assertThat(rows).containsExactly(
                "h/web +0 cpu=1.000 mem=1.000 cov=1.000",
                "h/web +300 cpu=2.000 mem=1.000 cov=1.000");
        assertThat(summary.rejects).extracting(TaskFindings.Reject::line, TaskFindings.Reject::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, "duplicate row"),
                        org.assertj.core.groups.Tuple.tuple(5L, "conflicting duplicate"));
    }

    @Test
    void instancesOfAnAppAreSummedAndCoverageIsTheBestInstances() {
        SeriesKernel k = kernel(false);
        k.add("h", "web", "a", 0, 2, B, util(1.5, 4));
        k.add("h", "web", "b", 0, 3, B, util(2.5, 6));
        k.add("h", "web", "a", 0, 4, B + 300, util(1.5, 4));
        k.add("h", "web", "b", 0, 5, B + 150, util(2.5, 6)); // b covers half of the second interval
        run(k);
        assertThat(rows).containsExactly(
                "h/web +0 cpu=4.000 mem=10.000 cov=1.000",
                "h/web +300 cpu=4.000 mem=10.000 cov=1.000");
    }

    private static double[] energy(double wh) {
        return new double[]{NA, wh};
    }

    @Test
    void energyCountersBecomeWattsWithResetsAndWraps() {
        SeriesKernel k = kernel(true);
        // Reset: 1000 (baseline), 1020 (20 Wh in 5 min = 240 W), 5 (counter restarted: 5 Wh = 60 W).
        k.add("r", "", "", 0, 2, B, energy(1000));
        k.add("r", "", "", 0, 3, B + 300, energy(1020));
        k.add("r", "", "", 0, 4, B + 600, energy(5));
        // Wrap of a 16-bit counter: 62000 (baseline), 65000 (36 kW), 100 (65536 - 65000 + 100 = 636 Wh = 7632 W).
        k.add("w", "", "", 0, 5, B, energy(62_000));
        k.add("w", "", "", 0, 6, B + 300, energy(65_000));
        k.add("w", "", "", 0, 7, B + 600, energy(100));
        // Jump: 10 Wh then 1e6 Wh five minutes later is 12 MW: rejected, not a reading.
        k.add("x", "", "", 0, 8, B, energy(10));
        k.add("x", "", "", 0, 9, B + 300, energy(1_000_000));
        run(k);
        assertThat(rows).containsExactly(
                "r +300 240.000 W psus=1 cov=1.000",
                "r +600 60.000 W psus=1 cov=1.000",
                "w +300 36000.000 W psus=1 cov=1.000",
                "w +600 7632.000 W psus=1 cov=1.000");
        long[] r = summary.sequencing.get("r").get(0);
        long[] w = summary.sequencing.get("w").get(0);
        assertThat(r[TaskFindings.RESETS]).isEqualTo(1);
        assertThat(r[TaskFindings.BASELINES]).isEqualTo(1);
        assertThat(w[TaskFindings.WRAPS]).isEqualTo(1);
        assertThat(w[TaskFindings.RESETS]).isZero();
        assertThat(summary.rejects).singleElement().satisfies(j -> {
            assertThat(j.reason()).isEqualTo("counter jump implausible");
            assertThat(j.line()).isEqualTo(9);
            assertThat(j.detail()).isEqualTo("energy difference gives 11999880 W");
        });
    }

    @Test
    void psusAreSummedAndAnIntervalMissingOneIsIncomplete() {
        SeriesKernel k = kernel(true);
        k.add("h", "A", "", 0, 2, B, new double[]{100, NA});
        k.add("h", "B", "", 0, 3, B, new double[]{60, NA});
        k.add("h", "A", "", 0, 4, B + 300, new double[]{100, NA});
        run(k);
        assertThat(rows).containsExactly(
                "h +0 160.000 W psus=2 cov=1.000",
                "h +300 100.000 W psus=1 cov=1.000 incomplete");
        assertThat(summary.incomplete).containsEntry("h", 1L);
    }

    @Test
    void samplesWithTheSameTimeInTwoFilesAreOrderedByFileThenLine() {
        SeriesKernel k = kernel(false);
        k.add("h", "web", "", 1, 2, B, util(2, 1));
        k.add("h", "web", "", 0, 7, B, util(1, 1));
        run(k);
        assertThat(rows).containsExactly("h/web +0 cpu=1.000 mem=1.000 cov=1.000");
        assertThat(summary.rejects).singleElement().satisfies(r -> {
            assertThat(r.file()).isEqualTo(1);
            assertThat(r.reason()).isEqualTo("conflicting duplicate");
        });
    }
}
