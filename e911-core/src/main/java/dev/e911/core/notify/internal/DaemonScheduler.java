package dev.e911.core.notify.internal;

import dev.e911.core.notify.NotificationScheduler;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default scheduler: one daemon thread; cancelled tasks are removed at once. */
public final class DaemonScheduler implements NotificationScheduler, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DaemonScheduler.class);

  private final ScheduledThreadPoolExecutor executor;

  public DaemonScheduler(String threadName) {
    executor = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, threadName);
      t.setDaemon(true);
      return t;
    });
    executor.setRemoveOnCancelPolicy(true);
  }

  @Override
  public Scheduled schedule(Duration delay, Runnable task) {
    try {
      ScheduledFuture<?> f = executor.schedule(() -> {
        try {
          task.run();
        } catch (RuntimeException e) {
          LOG.error("notification timer failed", e);
        }
      }, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
      return () -> f.cancel(false);
    } catch (RejectedExecutionException closed) {
      return () -> { };
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
