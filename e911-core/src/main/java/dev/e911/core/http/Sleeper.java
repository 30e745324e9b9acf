package dev.e911.core.http;

import java.time.Duration;

/**
 * Waits between attempts. Production code uses {@link #system()}; tests inject a sleeper that
 * records the requested waits (and perhaps advances a test clock) instead of really sleeping.
 */
@FunctionalInterface
public interface Sleeper {

    /**
     * Waits for {@code duration} (never negative).
     *
     * @throws InterruptedException if the waiting thread is interrupted
     */
    void sleep(Duration duration) throws InterruptedException;

    /** A sleeper that blocks the calling thread with {@link Thread#sleep(long, int)}. */
    static Sleeper system() {
        return duration -> {
            if (!duration.isNegative() && !duration.isZero()) {
                Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
            }
        };
    }
}
