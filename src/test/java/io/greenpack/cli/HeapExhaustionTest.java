package io.greenpack.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An OutOfMemoryError that ends another thread is remembered for the command's message, and not printed. */
class HeapExhaustionTest {
    @Test
    void anotherThreadsOutOfMemoryErrorIsRememberedAndOtherFailuresGoToThePreviousHandler() throws Exception {
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        java.util.List<Throwable> passedOn = new java.util.ArrayList<>();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> passedOn.add(e));
        try {
            HeapExhaustion.install();
            assertThat(HeapExhaustion.seen()).isNull();
            Thread cleaner = new Thread(() -> {
                throw new OutOfMemoryError("Java heap space");
            }, "Spark Context Cleaner");
            cleaner.start();
            cleaner.join();
            assertThat(HeapExhaustion.seen()).isEqualTo("Java heap space");
            assertThat(passedOn).isEmpty();

            Thread other = new Thread(() -> {
                throw new IllegalStateException("not about memory");
            });
            other.start();
            other.join();
            assertThat(passedOn).singleElement().isInstanceOf(IllegalStateException.class);
        } finally {
            HeapExhaustion.forget();
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
    }
}
