package dev.e911.reliability.remote;

import dev.e911.core.http.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when someone sleeps on it: backoffs, Retry-After and order polls cost no real time. */
final class VirtualTime extends Clock implements Sleeper {

  private final Instant base = Instant.parse("2026-11-26T12:00:00Z");
  private final AtomicLong nanos = new AtomicLong();
  private final AtomicLong slept = new AtomicLong();

  @Override
  public void sleep(Duration d) {
    nanos.addAndGet(Math.max(0, d.toNanos()));
    slept.incrementAndGet();
  }

  long sleeps() {
    return slept.get();
  }

  @Override
  public Instant instant() {
    return base.plusNanos(nanos.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
