package dev.e911.testkit.store;

import dev.e911.api.location.AgentLocation;
import dev.e911.api.spi.LocationChange;
import dev.e911.api.spi.LocationStore;
import dev.e911.api.spi.OutboxEntry;
import dev.e911.api.spi.StoreException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link LocationStore} in front of another that throws {@link StoreException} on every call while
 * it is switched down — the "database unavailable" fault for tests and drills (the reliability suite,
 * {@code e911 chaos}). The message never names anything but the injected fault. Thread-safe.
 */
public final class FailingLocationStore implements LocationStore {
  private final LocationStore delegate;
  private volatile boolean down;
  private final AtomicLong refused = new AtomicLong();

  private FailingLocationStore(LocationStore delegate) {
    this.delegate = java.util.Objects.requireNonNull(delegate, "delegate");
  }

  /** A store in front of {@code delegate}, up until {@link #down(boolean)} says otherwise. */
  public static FailingLocationStore over(LocationStore delegate) {
    return new FailingLocationStore(delegate);
  }

  /** Switches the fault on ({@code true}: every call throws) or off. */
  public void down(boolean down) {
    this.down = down;
  }

  /** Whether the fault is on. */
  public boolean isDown() {
    return down;
  }

  /** How many calls were refused so far. */
  public long refused() {
    return refused.get();
  }

  private void check() {
    if (down) {
      refused.incrementAndGet();
      throw new StoreException("location store unavailable (injected fault)");
    }
  }

  @Override
  public Optional<Versioned<AgentLocation>> find(String agentId) {
    check();
    return delegate.find(agentId);
  }

  @Override
  public SaveResult save(AgentLocation location, long expectedVersion, LocationChange change, List<OutboxEntry> enqueue) {
    check();
    return delegate.save(location, expectedVersion, change, enqueue);
  }

  @Override
  public List<LocationChange> history(String agentId, int limit) {
    check();
    return delegate.history(agentId, limit);
  }

  @Override
  public long currentSequence() {
    check();
    return delegate.currentSequence();
  }

  @Override
  public List<Change> changesSince(long sequence, int max) {
    check();
    return delegate.changesSince(sequence, max);
  }

  @Override
  public boolean enqueue(OutboxEntry entry) {
    check();
    return delegate.enqueue(entry);
  }

  @Override
  public List<OutboxEntry> due(Instant now, int max) {
    check();
    return delegate.due(now, max);
  }

  @Override
  public void complete(String entryId) {
    check();
    delegate.complete(entryId);
  }

  @Override
  public void reschedule(String entryId, Instant next, String error) {
    check();
    delegate.reschedule(entryId, next, error);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
