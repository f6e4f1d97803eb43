package io.greenpack.ingest;

import io.greenpack.testing.TestSpark;
import io.greenpack.util.Progress;
import io.greenpack.util.UserError;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IngestTest {
    @TempDir
    Path tmp;

    static IngestResult ingest(Path dir) {
        return Ingest.run(TestSpark.session(), dir, new IngestOptions(300, 900, Instant.parse("2026-11-01T00:00:00Z")),
                Progress.to(new java.io.PrintWriter(System.out, true)));
    }

    @Test
    void cleanFixtureIsKeptWholeAndAligned() throws Exception {
        long t0 = System.nanoTime();
        IngestResult r = ingest(Fixture.write(tmp, Fixture.hosts(), Fixture.power(), Fixture.utilization()));
        System.out.printf("ingest took %.1f s%n", (System.nanoTime() - t0) / 1e9);
        assertThat(r.rejects()).isEmpty();
        assertThat(r.power().count()).isEqualTo(2L * Fixture.SAMPLES);
        List<Row> h1 = r.power().filter("host = 'h1'").orderBy("ts").collectAsList();
        assertThat(h1.get(0).<Double>getAs("watts")).isEqualTo(151.0);
        assertThat(h1.get(Fixture.SAMPLES - 1).<Double>getAs("watts")).isEqualTo(150.0 + Fixture.SAMPLES);
        assertThat(r.utilization().count()).isEqualTo(2L * Fixture.SAMPLES);
        assertThat(r.gapCount()).isZero();
        assertThat(r.first()).isEqualTo(Instant.parse(Fixture.ts(1)));
    }

    @Test
    void secondRunTiming() throws Exception {
        long t0 = System.nanoTime();
        IngestResult r = ingest(Fixture.write(tmp, Fixture.hosts(), Fixture.power(), Fixture.utilization()));
        System.out.printf("ingest 2 took %.1f s%n", (System.nanoTime() - t0) / 1e9);
        assertThat(r.rejects()).isEmpty();
    }

    @Test
    void emptyHostsFileIsAUserErrorNamingTheFile() throws Exception {
        Fixture.write(tmp, List.of(), Fixture.power(), Fixture.utilization());
        assertThatThrownBy(() -> ingest(tmp)).isInstanceOf(UserError.class)
                .hasMessageContaining("hosts.csv").hasMessageContaining("empty");
    }
}
