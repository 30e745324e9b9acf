package dev.e911.core.callback;

import dev.e911.api.location.AgentLocation;
import dev.e911.api.spi.LocationChange;
import dev.e911.api.spi.LocationStore;
import dev.e911.api.spi.OutboxEntry;
import dev.e911.api.spi.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A store in front of a real one that can be taken down (every call throws {@link StoreException}) or
 * made to hang in {@code enqueue} until released, as a database that stopped answering would.
 */
final class FlakyStore implements LocationStore {

  private final LocationStore real;
  volatile boolean down;
  volatile CountDownLatch hangEnqueue;
  final CountDownLatch enqueueEntered = new CountDownLatch(1);

  FlakyStore(LocationStore real) {
    this.real = real;
  }

  private void check() {
    if (down) {
      throw new StoreException("the database does not answer (test)");
    }
  }

  @Override
  public Optional<Versioned<AgentLocation>> find(String agentId) {
    check();
    return real.find(agentId);
  }

  @Override
  public SaveResult save(AgentLocation location, long expectedVersion, LocationChange change, List<OutboxEntry> enqueue) {
    check();
    return real.save(location, expectedVersion, change, enqueue);
  }

  @Override
  public List<LocationChange> history(String agentId, int limit) {
    check();
    return real.history(agentId, limit);
  }

  @Override
  public long currentSequence() {
    check();
    return real.currentSequence();
  }

  @Override
  public List<Change> changesSince(long sequence, int max) {
    check();
    return real.changesSince(sequence, max);
  }

  @Override
  public boolean enqueue(OutboxEntry entry) {
    check();
    CountDownLatch hang = hangEnqueue;
    if (hang != null) {
      enqueueEntered.countDown();
      try {
        if (!hang.await(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS)) {
          throw new StoreException("timed out (test)");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StoreException("interrupted (test)");
      }
    }
    return real.enqueue(entry);
  }

  @Override
  public List<OutboxEntry> due(Instant now, int max) {
    check();
    return real.due(now, max);
  }

  @Override
  public void complete(String entryId) {
    check();
    real.complete(entryId);
  }

  @Override
  public void reschedule(String entryId, Instant next, String error) {
    check();
    real.reschedule(entryId, next, error);
  }
}
