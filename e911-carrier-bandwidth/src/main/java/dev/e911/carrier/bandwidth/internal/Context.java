package dev.e911.carrier.bandwidth.internal;

import dev.e911.api.validation.InvalidValueException;
import dev.e911.api.validation.Violation;
import dev.e911.carrier.bandwidth.BandwidthConfig;
import dev.e911.core.http.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What both surfaces share: configuration, transport, payload codecs, failure mapping, the injected
 * clock and sleeper, and the bounded backoff used to follow asynchronous orders.
 */
public record Context(BandwidthConfig config, Transport transport, Payloads payloads, Failures failures, Clock clock,
    Sleeper sleeper) {

  /** The reasons of a violation list, as shown to users ({@code AddressLine2: ... [rule]}). */
  public static List<String> reasons(InvalidValueException e) {
    return e.violations().stream().map(Violation::toString).toList();
  }

  /** A bounded backoff for polling one order: delays grow from the initial delay, doubling, up to the cap, within the total wait. */
  public Backoff backoff() {
    return new Backoff(clock.instant());
  }

  /** The polling schedule of one order. */
  public final class Backoff {
    private final Instant start;
    private Duration next = config.pollInitialDelay();

    private Backoff(Instant start) {
      this.start = start;
    }

    /**
     * Waits before the next poll; empty when the total wait would be exceeded (or the thread was
     * interrupted), otherwise the wait done.
     */
    public Optional<Duration> await() {
      Duration elapsed = Duration.between(start, clock.instant());
      if (elapsed.plus(next).compareTo(config.pollMaxWait()) > 0) {
        return Optional.empty();
      }
      Duration wait = next;
      Duration doubled = next.isZero() ? Duration.ofMillis(1) : next.multipliedBy(2);
      next = doubled.compareTo(config.pollMaxDelay()) > 0 ? config.pollMaxDelay() : doubled;
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
      return Optional.of(wait);
    }
  }
}
