package io.greenpack.ingest.series;

import io.greenpack.testing.TestSpark;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Aligned blocks as Spark reads them: every column, nulls for missing values, skipped groups. */
class AlignedBlockTest {
    private static final UTF8String H1 = UTF8String.fromString("h1");
    private static final UTF8String H2 = UTF8String.fromString("h2");
    private static final UTF8String A = UTF8String.fromString("a");

    private static AlignedBlock utilization() {
        AlignedBlock b = new AlignedBlock(false);
        double nan = Double.NaN;
        b.addUtilization(H1, A, 1_000_000L, new double[]{1.5, 2.0, 10, nan, 3.5, nan}, 1.0);
        b.addUtilization(H2, A, 2_000_000L, new double[]{0.5, nan, nan, 4.0, nan, 50}, 0.5);
        return b.finish(null);
    }

    private static List<InternalRow> copies(Iterator<InternalRow> rows) {
        List<InternalRow> out = new ArrayList<>();
        rows.forEachRemaining(r -> out.add(r.copy()));
        return out;
    }

    @Test
    void utilizationRowsHoldEveryColumnAndNullWhereThereIsNoValue() {
        List<InternalRow> rows = copies(AlignedBlock.rows(List.of(utilization()).iterator(), false, Set.of()));
        assertThat(rows).hasSize(2);
        InternalRow r = rows.get(1);
        assertThat(r.numFields()).isEqualTo(AlignedBlock.UTILIZATION_SCHEMA.size());
        assertThat(r.getUTF8String(0).toString()).isEqualTo("h2");
        assertThat(r.getUTF8String(1).toString()).isEqualTo("a");
        assertThat(r.getLong(2)).isEqualTo(2_000_000L);
        assertThat(r.getDouble(3)).isEqualTo(0.5);
        assertThat(r.isNullAt(4)).isTrue();
        assertThat(r.isNullAt(5)).isTrue();
        assertThat(r.getDouble(6)).isEqualTo(4.0);
        assertThat(r.getDouble(8)).isEqualTo(50.0);
        assertThat(r.getDouble(9)).isEqualTo(0.5);
    }

    @Test
    void aColumnWithoutValuesAndFullCoverageHoldNoArrayUntilTheirFirstValue() {
        double nan = Double.NaN;
        AlignedBlock b = new AlignedBlock(false);
        for (int r = 0; r < 3; r++) {
            b.addUtilization(H1, A, r, new double[]{1.0 + r, 2.0, nan, nan, nan, nan}, 1.0);
        }
        assertThat(b.columnsHeld()).as("cpu and memory only").isEqualTo(2);
        b.addUtilization(H1, A, 3, new double[]{4.0, 2.0, nan, nan, nan, 75}, 0.25);
        assertThat(b.columnsHeld()).as("gpu and coverage added").isEqualTo(4);
        b.finish(null);
        List<InternalRow> rows = copies(AlignedBlock.rows(List.of(b).iterator(), false, Set.of()));
        // Rows before a column's first value read as before: no value, whole interval covered.
        assertThat(rows.get(2).isNullAt(8)).isTrue();
        assertThat(rows.get(2).getDouble(9)).isEqualTo(1.0);
        assertThat(rows.get(2).isNullAt(6)).isTrue();
        assertThat(rows.get(3).getDouble(8)).isEqualTo(75.0);
        assertThat(rows.get(3).getDouble(9)).isEqualTo(0.25);
        assertThat(rows.get(3).getDouble(3)).isEqualTo(4.0);
        assertThat(b.estimatedSize()).as("one run; 4 rows of time and 4 value columns")
                .isEqualTo(256 + 12 + 4 * (8 + 8 * 4));
    }

    @Test
    void hostAndAppAreKeptAsRunsAndFoundFromAnyRow() {
        UTF8String b2 = UTF8String.fromString("b");
        String[][] series = {{"h1", "a"}, {"h1", "a"}, {"h1", "b"}, {"h2", "b"}, {"h2", "b"}, {"h2", "b"}, {"h1", "a"}};
        AlignedBlock b = new AlignedBlock(false);
        for (int r = 0; r < series.length; r++) {
            UTF8String h = series[r][0].equals("h1") ? H1 : H2;
            b.addUtilization(h, series[r][1].equals("a") ? A : b2, r, new double[]{r, 1, 0, 0, 0, 0}, 1.0);
        }
        b.finish(null);
        List<InternalRow> rows = copies(AlignedBlock.rows(List.of(b).iterator(), false, Set.of()));
        for (int r = 0; r < series.length; r++) {
            assertThat(rows.get(r).getUTF8String(0).toString() + "/" + rows.get(r).getUTF8String(1))
                    .as("row %d", r).isEqualTo(series[r][0] + "/" + series[r][1]);
            assertThat(rows.get(r).getDouble(3)).isEqualTo(r);
        }
        // Any row from any hint (the view's hint is the last row's run; a skip can jump).
        int[] runOfRow = {0, 0, 1, 2, 2, 2, 3};
        for (int hint = -1; hint <= 4; hint++) {
            for (int r = 0; r < series.length; r++) {
                assertThat(b.run(r, hint)).as("row %d from hint %d", r, hint).isEqualTo(runOfRow[r]);
            }
        }
        assertThat(copies(AlignedBlock.rows(List.of(b).iterator(), false, Set.of(SeriesKernel.group(false, "h2", "b")))))
                .extracting(r -> r.getUTF8String(0) + "/" + r.getUTF8String(1)).containsExactly("h1/a", "h1/a", "h1/b", "h1/a");
    }

    @Test
    void aRowViewIsReadOnlyAndNamesAColumnReadAsTheWrongType() {
        InternalRow view = AlignedBlock.rows(List.of(utilization()).iterator(), false, Set.of()).next();
        assertThatThrownBy(() -> view.setNullAt(3)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> view.getLong(3)).hasMessageContaining("column 3").hasMessageContaining("long");
        assertThatThrownBy(() -> view.getUTF8String(2)).hasMessageContaining("string");
    }

    @Test
    void skippedGroupsAreLeftOut() {
        List<InternalRow> rows = copies(AlignedBlock.rows(List.of(utilization()).iterator(), false,
                Set.of(SeriesKernel.group(false, "h1", "a"))));
        assertThat(rows).extracting(r -> r.getUTF8String(0).toString()).containsExactly("h2");
    }

    @Test
    void sparkReadsPowerAndUtilizationBlocksThroughTheView() {
        SparkSession spark = TestSpark.session();
        AlignedBlock p = new AlignedBlock(true);
        p.addPower(H1, 1_000_000L, 250.0, 2, 1.0, true);
        p.addPower(H1, 2_000_000L, 260.0, 1, 0.5, false);
        p.finish(null);
        List<AlignedBlock> blocks = List.of(p);
        org.apache.spark.api.java.JavaRDD<InternalRow> rdd = org.apache.spark.api.java.JavaSparkContext
                .fromSparkContext(spark.sparkContext()).parallelize(blocks, 1)
                .mapPartitions(it -> AlignedBlock.rows(it, true, Set.of()));
        List<Row> power = ((org.apache.spark.sql.classic.SparkSession) spark)
                .internalCreateDataFrame(rdd.rdd(), AlignedBlock.POWER_SCHEMA, false).orderBy("ts").collectAsList();
        assertThat(power).hasSize(2);
        assertThat(power.get(0).getDouble(2)).isEqualTo(250.0);
        assertThat(power.get(0).getLong(3)).isEqualTo(2L);
        assertThat(power.get(1).getBoolean(5)).isFalse();
        assertThat(power.get(1).getTimestamp(1).getTime()).isEqualTo(2_000L);

        List<AlignedBlock> util = List.of(utilization());
        org.apache.spark.api.java.JavaRDD<InternalRow> urdd = org.apache.spark.api.java.JavaSparkContext
                .fromSparkContext(spark.sparkContext()).parallelize(util, 1)
                .mapPartitions(it -> AlignedBlock.rows(it, false, Set.of()));
        Row agg = ((org.apache.spark.sql.classic.SparkSession) spark)
                .internalCreateDataFrame(urdd.rdd(), AlignedBlock.UTILIZATION_SCHEMA, false)
                .agg(sum(col("cpu_cores")), sum(col("mem_gb")), max(col("gpu_pct")), sum(col("disk_mbps"))).first();
        assertThat(agg.getDouble(0)).isEqualTo(2.0);
        assertThat(agg.getDouble(1)).isEqualTo(2.0);
        assertThat(agg.getDouble(2)).isEqualTo(50.0);
        assertThat(agg.getDouble(3)).isEqualTo(4.0);
    }
}
