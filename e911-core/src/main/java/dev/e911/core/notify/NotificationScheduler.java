package dev.e911.core.notify;

import java.time.Duration;

/**
 * Runs a task once after a delay; the dispatcher's only source of timers (retries, re-sends, escalation,
 * give-up, attempt watchdogs). The default runs on one daemon thread; tests inject a scheduler they drive
 * by hand together with a mutable {@link java.time.Clock}, so nothing waits in real time. Tasks are short
 * and never block; implementations must not run a task on the thread that calls {@link #schedule} and
 * must never throw from it.
 */
@FunctionalInterface
public interface NotificationScheduler {

  /** Runs {@code task} once, {@code delay} (never negative) from now. */
  Scheduled schedule(Duration delay, Runnable task);

  /** A scheduled task that may still be cancelled. */
  @FunctionalInterface
  interface Scheduled {
    /** Cancels the task if it has not run yet; idempotent. */
    void cancel();
  }
}
