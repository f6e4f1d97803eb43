package io.greenpack.optimize;

/**
 * How long to search and with which seed.
 *
 * <p>Determinism: the search is a pure function of (problem, seed, number of iterations). It stops
 * at {@code maxIterations}, when a proven optimum is reached, or when {@code timeLimitSeconds} has
 * passed — the clock is only read every {@value PackingSolver#CLOCK_CHECK_EVERY} iterations, and a
 * plan records how many iterations it ran and why it stopped. Two runs with the same seed give the
 * same plan whenever both stop for a reason other than the clock; on a slow or busy machine the
 * clock may cut the search earlier and the plan can differ (Plan.stoppedBy says "time-limit").
 * For strict reproducibility give a generous time limit and bound the work with maxIterations.
 */
public record SolverSettings(long seed, double timeLimitSeconds, long maxIterations) implements java.io.Serializable {

    public static final double DEFAULT_TIME_LIMIT_SECONDS = 5.0;
    public static final long DEFAULT_MAX_ITERATIONS = 200_000;

    public static SolverSettings defaults() {
        return new SolverSettings(1, DEFAULT_TIME_LIMIT_SECONDS, DEFAULT_MAX_ITERATIONS);
    }

    public SolverSettings withSeed(long s) {
        return new SolverSettings(s, timeLimitSeconds, maxIterations);
    }

    public SolverSettings withTimeLimit(double seconds) {
        return new SolverSettings(seed, seconds, maxIterations);
    }

    public SolverSettings withMaxIterations(long n) {
        return new SolverSettings(seed, timeLimitSeconds, n);
    }
}
