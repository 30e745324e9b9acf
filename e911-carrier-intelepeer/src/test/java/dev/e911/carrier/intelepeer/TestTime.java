package dev.e911.carrier.intelepeer;

import dev.e911.core.http.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A test clock that only moves when the adapter "sleeps": the sleeper records every wait asked for and
 * advances the clock by it instead of blocking, so backoffs, Retry-After, rate limiting and order
 * waits are observable and instant. HTTP attempt timeouts still run on real time.
 */
final class TestTime extends Clock implements Sleeper {

  private Instant now = Instant.parse("2026-11-25T16:00:00Z");
  private final List<Duration> sleeps = new ArrayList<>();

  @Override
  public synchronized Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException();
  }

  @Override
  public synchronized void sleep(Duration duration) {
    sleeps.add(duration);
    now = now.plus(duration);
  }

  synchronized void advance(Duration d) {
    now = now.plus(d);
  }

  synchronized List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  synchronized void clearSleeps() {
    sleeps.clear();
  }
}
