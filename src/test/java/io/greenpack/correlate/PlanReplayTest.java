package io.greenpack.correlate;

import io.greenpack.testing.TestSpark;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PlanReplayTest {
    private static final StructType UTIL = new StructType().add("host", DataTypes.StringType)
            .add("app", DataTypes.StringType).add("ts", DataTypes.TimestampType)
            .add("cpu_cores", DataTypes.DoubleType).add("mem_gb", DataTypes.DoubleType);

    @Test
    void countsIntervalsWhereCoHostedDemandExceedsCapacity() {
        // Two apps moved onto one 10-core, 100 GB host. Over 4 intervals their CPU sums to
        // 6, 9, 12, 8 cores: one interval (25 %) over, by 20 %. Memory is never over.
        double[] a = {3, 4, 7, 4};
        double[] b = {3, 5, 5, 4};
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Timestamp ts = Timestamp.valueOf("2026-10-05 00:0" + (5 + i) + ":00");
            rows.add(RowFactory.create("old1", "a", ts, a[i], 30.0));
            rows.add(RowFactory.create("old2", "b", ts, b[i], 40.0));
        }
        Dataset<Row> util = TestSpark.session().createDataFrame(rows, UTIL);
        List<PlanReplay.HostRisk> risk = PlanReplay.replay(util,
                List.of(new PlanReplay.Placement("old1", "a", "new1", 1.0, 0), new PlanReplay.Placement("old2", "b", "new1", 1.0, 0)),
                List.of(new PlanReplay.Capacity("new1", 10, 100)));
        assertThat(risk).hasSize(1);
        PlanReplay.HostRisk r = risk.get(0);
        assertThat(r.intervals()).isEqualTo(4);
        assertThat(r.cpuOverIntervals()).isEqualTo(1);
        assertThat(r.memOverIntervals()).isZero();
        assertThat(r.overShare()).isEqualTo(0.25);
        assertThat(r.worstCpuExcess()).isCloseTo(0.2, within(1e-12));
        assertThat(r.peakMemFraction()).isCloseTo(0.7, within(1e-12));

        // The hypervisor's cost counts: 20 % more CPU and 2 GB per VM push a second interval over.
        List<PlanReplay.HostRisk> vm = PlanReplay.replay(util,
                List.of(new PlanReplay.Placement("old1", "a", "new1", 1.2, 2), new PlanReplay.Placement("old2", "b", "new1", 1.2, 2)),
                List.of(new PlanReplay.Capacity("new1", 10, 100)));
        assertThat(vm.get(0).cpuOverIntervals()).isEqualTo(2);
        assertThat(vm.get(0).peakMemFraction()).isCloseTo(0.74, within(1e-12));
    }

    /** Nearest-rank percentile p ∈ (0, 100] of {@code v}. */
    private static double percentile(double[] v, double p) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        int rank = (int) Math.ceil(p / 100.0 * s.length);
        return s[Math.max(0, rank - 1)];
    }

    /**
     * The percentile version of the sizing/replay monotonicity: every app sized at its p-th
     * percentile of CPU, each target host exactly as big as its apps' sizes together (no headroom).
     * A higher percentile never shows more replayed contention, and at p100 none at all.
     */
    @Test
    void replayedRiskNeverRisesWithTheSizingPercentile() {
        int intervals = 48;
        String[][] hostsApps = {{"a1", "a2"}, {"b1", "b2", "b3"}, {"c1", "c2"}};
        for (long seed = 1; seed <= 2; seed++) {
            java.util.Random r = new java.util.Random(seed);
            java.util.Map<String, double[]> cpu = new java.util.LinkedHashMap<>();
            List<Row> rows = new ArrayList<>();
            List<PlanReplay.Placement> placements = new ArrayList<>();
            for (int h = 0; h < hostsApps.length; h++) {
                for (String app : hostsApps[h]) {
                    double[] c = new double[intervals];
                    double peakAt = r.nextInt(intervals);
                    for (int i = 0; i < intervals; i++) {
                        double bump = Math.exp(-Math.pow((i - peakAt) / 6.0, 2));
                        c[i] = Math.round((0.5 + 4 * bump + r.nextDouble()) * 1000) / 1000.0;
                        Timestamp ts = new Timestamp(java.time.Instant.parse("2026-10-05T00:05:00Z")
                                .plusSeconds(300L * i).toEpochMilli());
                        rows.add(RowFactory.create("old-" + app, app, ts, c[i], 1.0));
                    }
                    cpu.put(app, c);
                    placements.add(new PlanReplay.Placement("old-" + app, app, "new" + h, 1.0, 0));
                }
            }
            Dataset<Row> util = TestSpark.session().createDataFrame(rows, UTIL);
            double previous = Double.POSITIVE_INFINITY;
            List<String> trace = new ArrayList<>();
            for (double p : new double[]{50, 75, 90, 95, 100}) {
                List<PlanReplay.Capacity> caps = new ArrayList<>();
                for (int h = 0; h < hostsApps.length; h++) {
                    double cores = 0;
                    for (String app : hostsApps[h]) {
                        cores += percentile(cpu.get(app), p);
                    }
                    // A hair over the sum, so that adding the same numbers in another order cannot tip p100 over.
                    caps.add(new PlanReplay.Capacity("new" + h, cores * (1 + 1e-9), 1000));
                }
                double share = PlanReplay.overShare(PlanReplay.replay(util, placements, caps));
                trace.add("p" + (int) p + ": " + share);
                assertThat(share).as("seed %d, %s", seed, trace).isLessThanOrEqualTo(previous);
                previous = share;
            }
            assertThat(previous).as("p100 sizes every app at its peak: never over").isZero();
        }
    }
}
