package io.greenpack.correlate;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The datasets {@link Analysis} persists, until they are released. A run releases its own when it
 * is done ({@link AnalysisResult#release()}); and however many analyses one JVM runs without
 * releasing (tests run many), at most {@link #MAX_LIVE} stay persisted: the oldest is unpersisted
 * when another one is added. Unpersisting never breaks a dataset: a later query recomputes it from
 * its lineage, only slower.
 */
final class AnalysisCaches {
    /** The current run and one earlier (e.g. a shared analysis that several checks read). */
    static final int MAX_LIVE = 2;

    private static final Deque<Dataset<Row>> LIVE = new ArrayDeque<>();

    private AnalysisCaches() {
    }

    static synchronized void add(Dataset<Row> persisted) {
        LIVE.addLast(persisted);
        while (LIVE.size() > MAX_LIVE) {
            unpersistUnlessShared(LIVE.removeFirst());
        }
    }

    static synchronized void release(Dataset<Row> persisted) {
        // Identity, not equals: each analysis' dataset is accounted for on its own.
        if (LIVE.removeIf(d -> d == persisted)) {
            unpersistUnlessShared(persisted);
        }
    }

    static synchronized int live() {
        return LIVE.size();
    }

    /**
     * Spark keeps one cache entry per plan: persisting a second dataset with the same plan (the same
     * analysis again over the same ingest) shares the first one's entry, and unpersisting either
     * drops it for both. So the entry goes only when no live dataset has the same plan any more.
     */
    private static void unpersistUnlessShared(Dataset<Row> d) {
        if (stopped(d)) {
            return; // its blocks went with the context
        }
        for (Dataset<Row> other : LIVE) {
            if (!stopped(other) && other.sparkSession() == d.sparkSession()
                    && other.queryExecution().analyzed().sameResult(d.queryExecution().analyzed())) {
                return;
            }
        }
        d.unpersist(false);
    }

    private static boolean stopped(Dataset<Row> d) {
        return d.sparkSession().sparkContext().isStopped();
    }
}
