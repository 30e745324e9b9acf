package dev.e911.reliability.faults;

import dev.e911.api.location.AgentLocation;
import dev.e911.api.spi.LocationChange;
import dev.e911.api.spi.LocationStore;
import dev.e911.api.spi.OutboxEntry;
import dev.e911.api.spi.StoreException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** A {@link LocationStore} over another that throws {@link StoreException} on every call while it is down. */
final class FailingStore implements LocationStore {
  private final LocationStore delegate;
  private volatile boolean down;
  private final AtomicLong refused = new AtomicLong();

  FailingStore(LocationStore delegate) {
    this.delegate = delegate;
  }

  void down(boolean down) {
    this.down = down;
  }

  long refused() {
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
}
