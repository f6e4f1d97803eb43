package io.greenpack.spark;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The choices Sparks makes before a session exists, and the settings the shared session runs with. */
class SparksTest {

    @Test
    void masterFromOptionElseFromSparkSubmitElseLocal() {
        String before = System.getProperty("spark.master");
        try {
            System.clearProperty("spark.master");
            assertThat(Sparks.resolveMaster(null)).isEqualTo("local[*]");
            assertThat(Sparks.resolveMaster(" ")).isEqualTo("local[*]");
            // spark-submit passes its --master as this system property; Builder.master() would override it.
            System.setProperty("spark.master", "spark://10.0.0.5:7077");
            assertThat(Sparks.resolveMaster(null)).isEqualTo("spark://10.0.0.5:7077");
            assertThat(Sparks.resolveMaster("local[2]")).as("an explicit --master wins").isEqualTo("local[2]");
        } finally {
            if (before == null) {
                System.clearProperty("spark.master");
            } else {
                System.setProperty("spark.master", before);
            }
        }
    }

    @Test
    void localMastersAreRecognised() {
        assertThat(Sparks.isLocal("local")).isTrue();
        assertThat(Sparks.isLocal("local[*]")).isTrue();
        assertThat(Sparks.isLocal("local[2,3]")).isTrue();
        assertThat(Sparks.isLocal("spark://127.0.0.1:7077")).isFalse();
        assertThat(Sparks.isLocal("local-cluster[1,1,1024]")).as("separate executor JVMs").isFalse();
    }

    @Test
    void executorJvmOptionsComeFromThePomList() {
        // The filtered resource carries the pom's spark.jvm.opts; no copy of the list in Java.
        assertThat(Sparks.jvmOptions()).contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED")
                .doesNotContain("${");
    }

    @Test
    void theSessionHasTheSettingsMeasuredForOneShotQueries() {
        org.apache.spark.sql.RuntimeConfig conf = io.greenpack.testing.TestSpark.session().conf();
        // DESIGN §9 and bench ingest: each measured to cost less in a fresh process.
        assertThat(conf.get("spark.sql.execution.useObjectHashAggregateExec")).isEqualTo("false");
        assertThat(conf.get("spark.sql.codegen.aggregate.map.twolevel.enabled")).isEqualTo("false");
        assertThat(conf.get("spark.sql.session.timeZone")).isEqualTo("UTC");
        assertThat(conf.get("spark.ui.enabled")).isEqualTo("false");
    }
}
