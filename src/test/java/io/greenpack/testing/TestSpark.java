package io.greenpack.testing;

import io.greenpack.spark.Sparks;
import org.apache.spark.sql.SparkSession;

/**
 * The one SparkSession of a test run (surefire runs every test class in one JVM). Starting a
 * session costs seconds, so it is never stopped between classes; the JVM exit ends it.
 */
public final class TestSpark {
    private TestSpark() {
    }

    public static SparkSession session() {
        return Sparks.session("local[2]");
    }
}
