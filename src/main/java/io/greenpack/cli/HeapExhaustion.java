package io.greenpack.cli;

/**
 * An OutOfMemoryError that ends a thread other than the command's: Spark's context cleaner or
 * listener bus can be the thread whose allocation fails. Spark then stops its context, and the
 * command's job fails as "cancelled because SparkContext was shut down", which says nothing of
 * memory. The JVM-wide handler installed here records the error (without printing a stack trace
 * to the user's terminal) so that the command's failure is reported as out of memory.
 */
final class HeapExhaustion {
    private static volatile String seen;

    private HeapExhaustion() {
    }

    /** Handles uncaught errors of every thread that has no handler of its own; others go to the previous handler. */
    static void install() {
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (e instanceof OutOfMemoryError) {
                seen = e.getMessage() == null ? "Java heap" : e.getMessage();
            } else if (previous != null) {
                previous.uncaughtException(thread, e);
            } else {
                System.err.print("Exception in thread \"" + thread.getName() + "\" ");
                e.printStackTrace(System.err);
            }
        });
    }

    /** Forgets what was seen (tests run many commands in one JVM). */
    static void forget() {
        seen = null;
    }

    /** The message of an OutOfMemoryError that ended some thread of this JVM, or null when none did. */
    static String seen() {
        return seen;
    }
}
