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
}
