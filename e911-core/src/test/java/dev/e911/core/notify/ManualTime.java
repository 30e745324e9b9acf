package dev.e911.core.notify;

import dev.e911.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * A clock, a scheduler and (optionally) an executor that a test drives by hand on its own thread: timers
 * run when the test advances time, in due order, with the clock set to each timer's due time; tasks given
 * to the executor run when the test calls {@link #runReady()} (or advances). Deterministic, no real waiting.
 */
final class ManualTime implements NotificationScheduler, Executor {

  final MutableClock clock;
  private final List<Timer> timers = new ArrayList<>();
  private final ArrayDeque<Runnable> ready = new ArrayDeque<>();
  private long sequence;
  private final List<Duration> requested = new ArrayList<>();

  private static final class Timer {
    final Instant due;
    final long seq;
    final Runnable task;
    boolean cancelled;

    Timer(Instant due, long seq, Runnable task) {
      this.due = due;
      this.seq = seq;
      this.task = task;
    }
  }

  ManualTime(Instant start) {
    this.clock = new MutableClock(start);
  }

  @Override
  public synchronized Scheduled schedule(Duration delay, Runnable task) {
    requested.add(delay);
    Timer t = new Timer(clock.instant().plus(delay), sequence++, task);
    timers.add(t);
    return () -> {
      synchronized (this) {
        t.cancelled = true;
      }
    };
  }

  @Override
  public synchronized void execute(Runnable command) {
    ready.add(command);
  }

  /** Runs executor tasks until none is left (tasks may submit more). */
  void runReady() {
    while (true) {
      Runnable r;
      synchronized (this) {
        r = ready.poll();
      }
      if (r == null) {
        return;
      }
      r.run();
    }
  }

  /** Moves time forward by {@code d}, running every timer and executor task that falls due on the way. */
  void advance(Duration d) {
    runUntil(clock.instant().plus(d));
  }

  void runUntil(Instant target) {
    runReady();
    while (true) {
      Timer next;
      synchronized (this) {
        timers.removeIf(t -> t.cancelled);
        next = timers.stream().filter(t -> !t.due.isAfter(target))
            .min(Comparator.comparing((Timer t) -> t.due).thenComparingLong(t -> t.seq)).orElse(null);
        if (next != null) {
          timers.remove(next);
          if (next.due.isAfter(clock.instant())) {
            clock.advance(Duration.between(clock.instant(), next.due));
          }
        }
      }
      if (next == null) {
        break;
      }
      next.task.run();
      runReady();
    }
    synchronized (this) {
      if (target.isAfter(clock.instant())) {
        clock.advance(Duration.between(clock.instant(), target));
      }
    }
  }

  /** Timers not yet run nor cancelled. */
  synchronized int pendingTimers() {
    timers.removeIf(t -> t.cancelled);
    return timers.size();
  }

  /** Every delay ever asked for, in order. */
  synchronized List<Duration> requestedDelays() {
    return List.copyOf(requested);
  }

  Instant now() {
    return clock.instant();
  }
}
