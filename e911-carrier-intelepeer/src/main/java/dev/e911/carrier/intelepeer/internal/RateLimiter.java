package dev.e911.carrier.intelepeer.internal;

import dev.e911.core.http.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A client-side rate limit: hands out evenly spaced send slots ({@code 1 / requestsPerSecond}
 * apart) across all threads, and makes each caller wait for its slot with the injected
 * {@link Sleeper}, measured on the injected {@link Clock}. IntelePeer publishes no limit; the
 * reference suggests starting at 2 per second per account.
 */
public final class RateLimiter {

  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration interval;
  private Instant nextSlot;

  public RateLimiter(double requestsPerSecond, Clock clock, Sleeper sleeper) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.interval = Duration.ofNanos((long) (1_000_000_000L / requestsPerSecond));
  }

  /** Waits for the caller's slot. */
  public void acquire() throws InterruptedException {
    Duration wait;
    synchronized (this) {
      Instant now = clock.instant();
      Instant slot = nextSlot == null || nextSlot.isBefore(now) ? now : nextSlot;
      nextSlot = slot.plus(interval);
      wait = Duration.between(now, slot);
    }
    if (!wait.isZero()) {
      sleeper.sleep(wait);
    }
  }

  /** The spacing between two slots. */
  public Duration interval() {
    return interval;
  }
}
