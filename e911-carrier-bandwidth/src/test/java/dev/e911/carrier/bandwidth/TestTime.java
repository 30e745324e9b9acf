package dev.e911.carrier.bandwidth;

import dev.e911.core.http.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that only moves when the adapter "sleeps" (or a test advances it), and the sleeper that moves it: no test waits for backoffs, polls or the rate limit. */
final class TestTime extends Clock implements Sleeper {

  static final Instant START = Instant.parse("2026-11-25T16:00:00Z");

  private final AtomicLong nanos = new AtomicLong();
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  @Override
  public void sleep(Duration duration) {
    sleeps.add(duration);
    nanos.addAndGet(duration.toNanos());
  }

  void advance(Duration d) {
    nanos.addAndGet(d.toNanos());
  }

  /** Every wait the adapter asked for, in order. */
  List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  @Override
  public Instant instant() {
    return START.plusNanos(nanos.get());
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
