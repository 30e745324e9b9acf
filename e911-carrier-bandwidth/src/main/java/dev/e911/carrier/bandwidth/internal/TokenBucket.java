package dev.e911.carrier.bandwidth.internal;

import dev.e911.core.http.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * A client-side token bucket (Bandwidth asks for at most 3 requests per second per account): a burst
 * of up to {@code rate} requests (at least one), refilled continuously. {@link #acquire()} reserves
 * the next slot under a lock and then waits outside it with the injected {@link Sleeper}, timed by
 * the injected {@link Clock}, so tests neither wait nor depend on the machine's speed.
 */
public final class TokenBucket {

  private final Clock clock;
  private final Sleeper sleeper;
  private final long intervalNanos;
  private final long burstNanos;
  private long nextFreeNanos;
  private boolean started;

  /** A bucket of {@code ratePerSecond} tokens per second. */
  public TokenBucket(double ratePerSecond, Clock clock, Sleeper sleeper) {
    if (!(ratePerSecond > 0)) {
      throw new IllegalArgumentException("rate must be positive");
    }
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.intervalNanos = Math.max(1, (long) (1_000_000_000L / ratePerSecond));
    this.burstNanos = intervalNanos * Math.max(1, (long) Math.floor(ratePerSecond));
  }

  /** Reserves the next request slot and returns how long to wait for it (zero when a token is free). */
  public synchronized Duration reserve() {
    long now = nanos();
    if (!started) {
      nextFreeNanos = now - burstNanos;
      started = true;
    }
    // unused capacity accumulates up to the burst size
    long earliest = Math.max(nextFreeNanos, now - burstNanos);
    long slot = earliest + intervalNanos;
    nextFreeNanos = slot;
    return slot <= now ? Duration.ZERO : Duration.ofNanos(slot - now);
  }

  /**
   * Waits for a token.
   *
   * @throws InterruptedException if interrupted while waiting
   */
  public void acquire() throws InterruptedException {
    Duration wait = reserve();
    if (!wait.isZero()) {
      sleeper.sleep(wait);
    }
  }

  private long nanos() {
    java.time.Instant i = clock.instant();
    return i.getEpochSecond() * 1_000_000_000L + i.getNano();
  }
}
