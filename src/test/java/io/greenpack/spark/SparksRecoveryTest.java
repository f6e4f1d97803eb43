package io.greenpack.spark;

import io.greenpack.testing.TestSpark;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job that runs out of memory makes Spark stop its SparkContext; the next command (or test) in
 * the same JVM must get a working session, not the dead one. Leaves a working shared session for
 * the other tests.
 */
class SparksRecoveryTest {

    @Test
    void aStoppedContextIsReplacedByAFreshSession() {
        SparkSession before = TestSpark.session();
        assertThat(before.range(5).count()).isEqualTo(5);

        // What Spark does after a fatal error in a job (e.g. "DAGScheduler ... shutting down SparkContext").
        before.sparkContext().stop();
        assertThat(before.sparkContext().isStopped()).isTrue();

        SparkSession after = TestSpark.session();
        assertThat(after).isNotSameAs(before);
        assertThat(after.sparkContext().isStopped()).isFalse();
        assertThat(after.range(10).selectExpr("sum(id)").first().getLong(0)).isEqualTo(45L);
        // Asked again: the same, working session (no new start-up per call).
        assertThat(TestSpark.session()).isSameAs(after);
        assertThat(SparkSession.active()).isSameAs(after);
    }

    @Test
    void aContextStoppedFromAnotherThreadIsReplacedToo() throws Exception {
        SparkSession before = TestSpark.session();
        Thread stopper = new Thread(() -> before.sparkContext().stop(), "stopper");
        stopper.start();
        stopper.join();

        SparkSession after = TestSpark.session();
        assertThat(after.sparkContext().isStopped()).isFalse();
        assertThat(after.range(3).count()).isEqualTo(3);
    }
}
