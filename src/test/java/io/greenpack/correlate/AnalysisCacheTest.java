package io.greenpack.correlate;

import io.greenpack.pipeline.AnalysisStages;
import io.greenpack.config.IdlePolicy;
import io.greenpack.config.Scenario;
import io.greenpack.ingest.IngestResult;
import io.greenpack.testing.TestSpark;
import io.greenpack.util.Progress;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The analysis' cache is released when a run is done, and bounded however many runs one JVM makes. */
class AnalysisCacheTest {
    @TempDir
    static Path tmp;
    static IngestResult ingest;

    @BeforeAll
    static void fleet() throws IOException {
        ingest = TinyFleet.ingest(tmp, List.of("h1,m1,10,100,100,300"), List.of("web,shop,4,0"), (i, power, util) -> {
            power.add("h1," + (150 + i));
            util.add("h1,web," + (1 + i % 3) + ",10");
        });
    }

    private static boolean cached(Dataset<Row> d) {
        return !d.storageLevel().equals(StorageLevel.NONE());
    }

    private static Dataset<Row> persisted(long n) {
        Dataset<Row> d = TestSpark.session().range(n).toDF().persist(StorageLevel.MEMORY_AND_DISK());
        AnalysisCaches.add(d);
        return d;
    }

    @Test
    void releaseUnpersistsAndTheDatasetsStayUsable() {
        // RESERVED gives a plan no other test's analysis has (Spark shares one cache entry per plan).
        Scenario d = Scenario.defaults();
        Scenario reserved = new Scenario("reserved", d.tariffPerKwh(), d.currency(), d.gridGco2ePerKwh(),
                d.hourlyGridGco2ePerKwh(), d.pue(), d.headroom(), d.percentile(), d.hourlySizing(), d.hypervisorCpuOverhead(),
                d.hypervisorMemGb(), d.targets(), d.horizonYears(), IdlePolicy.RESERVED, d.migrationGbps());
        AnalysisResult r = AnalysisStages.run(TestSpark.session(), ingest, reserved, Progress.SILENT);
        assertThat(r.datasets().persisted()).isNotEmpty().allMatch(AnalysisCacheTest::cached);
        long rows = r.datasets().hostIntervals().count();

        try (AnalysisResult.Releasing released = r.releasing()) {
            assertThat(r.datasets().hostIntervals().count()).as("still cached inside the block").isEqualTo(rows);
        }
        assertThat(r.datasets().persisted()).noneMatch(AnalysisCacheTest::cached);
        // Released, not broken: a late query recomputes from the lineage.
        assertThat(r.datasets().hostIntervals().count()).isEqualTo(rows);
        r.release(); // idempotent
    }

    @Test
    void atMostTwoStayCachedHoweverManyAreAdded() {
        List<Dataset<Row>> all = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            all.add(persisted(1000 + i));
            assertThat(AnalysisCaches.live()).isLessThanOrEqualTo(AnalysisCaches.MAX_LIVE);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(cached(all.get(i))).as("pushed out: %d", i).isFalse();
            assertThat(all.get(i).count()).as("still usable: %d", i).isEqualTo(1000 + i);
        }
        assertThat(cached(all.get(3))).isTrue();
        assertThat(cached(all.get(4))).isTrue();
        all.forEach(AnalysisCaches::release);
        assertThat(all).noneMatch(AnalysisCacheTest::cached);
    }

    @Test
    void aPlanSharedByTwoLiveDatasetsStaysCachedUntilBothAreReleased() {
        // Two analyses of the same ingest persist the same plan, and Spark keeps one entry for both.
        Dataset<Row> first = persisted(777);
        Dataset<Row> second = persisted(777);
        AnalysisCaches.release(first);
        assertThat(cached(second)).as("the other one still needs it").isTrue();
        AnalysisCaches.release(second);
        assertThat(cached(second)).isFalse();
    }
}
