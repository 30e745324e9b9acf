package dev.e911.core.notify.internal;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * One notifier's lane onto the shared worker pool: at most {@code limit} of its attempts run at once, the
 * rest wait here in order. A notifier that hangs therefore holds at most {@code limit} workers, and the
 * other notifiers keep their share of the pool.
 */
public final class Lane {

  private final Executor executor;
  private final int limit;
  private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
  private int running;

  public Lane(Executor executor, int limit) {
    this.executor = executor;
    this.limit = limit;
  }

  /** Runs {@code task} on the pool now if the lane has room, else when an earlier task of the lane ends. */
  public void submit(Runnable task) {
    synchronized (this) {
      if (running >= limit) {
        waiting.add(task);
        return;
      }
      running++;
    }
    start(task);
  }

  /** Tasks waiting for the lane (not counting the running ones). */
  public synchronized int waiting() {
    return waiting.size();
  }

  /** Tasks running now. */
  public synchronized int running() {
    return running;
  }

  private void start(Runnable task) {
    try {
      executor.execute(() -> {
        try {
          task.run();
        } finally {
          next();
        }
      });
    } catch (RejectedExecutionException closed) {
      synchronized (this) {
        running--;
        waiting.clear();
      }
    }
  }

  private void next() {
    Runnable task;
    synchronized (this) {
      task = waiting.poll();
      if (task == null) {
        running--;
        return;
      }
    }
    start(task);
  }
}
