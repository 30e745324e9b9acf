package dev.e911.core.store;

import static dev.e911.core.store.StoreSamples.T0;
import static dev.e911.core.store.StoreSamples.atHome;
import static dev.e911.core.store.StoreSamples.atOffice;
import static dev.e911.core.store.StoreSamples.changeFor;
import static dev.e911.core.store.StoreSamples.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.e911.api.location.AgentLocation;
import dev.e911.api.spi.LocationChange;
import dev.e911.api.spi.LocationStore;
import dev.e911.api.spi.LocationStore.Change;
import dev.e911.api.spi.LocationStore.SaveResult;
import dev.e911.api.spi.LocationStore.SaveResult.Conflict;
import dev.e911.api.spi.LocationStore.SaveResult.Saved;
import dev.e911.api.spi.LocationStore.Versioned;
import dev.e911.api.spi.OutboxEntry;
import dev.e911.api.spi.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every promise of the {@link LocationStore} SPI, run against each store: extend it and supply a new,
 * empty store per test.
 */
abstract class LocationStoreContract {

  /** A new store with nothing in it. */
  protected abstract LocationStore newStore();

  /** Cleans up after a test (the store is already closed). */
  protected void cleanUp() {}

  protected LocationStore store;

  @BeforeEach
  void openStore() {
    store = newStore();
  }

  @AfterEach
  void closeStore() {
    store.close();
    cleanUp();
  }

  private Saved saved(SaveResult result) {
    assertThat(result).isInstanceOf(Saved.class);
    return (Saved) result;
  }

  private Saved save(AgentLocation location, long expected) {
    return saved(store.save(location, expected, changeFor(location, "")));
  }

  @Nested
  @DisplayName("Saving and finding")
  class SavingAndFinding {

    @Test
    @DisplayName("an agent never saved is not found")
    void unknown() {
      assertThat(store.find("nobody")).isEmpty();
    }

    @Test
    @DisplayName("a first save with expected version 0 stores version 1, found equal to what was saved")
    void firstSave() {
      AgentLocation maria = atOffice("maria", T0);
      assertThat(save(maria, 0).version()).isEqualTo(1);
      assertThat(store.find("maria")).contains(new Versioned<>(maria, 1));
    }

    @Test
    @DisplayName("a claim without location id or fingerprint comes back without them")
    void optionalFieldsAbsent() {
      AgentLocation home = atHome("maria", T0);
      save(home, 0);
      AgentLocation found = store.find("maria").orElseThrow().value();
      assertThat(found).isEqualTo(home);
      assertThat(found.locationId()).isEmpty();
      assertThat(found.fingerprint()).isEmpty();
    }

    @Test
    @DisplayName("saving at the current version writes the next version")
    void nextVersion() {
      save(atHome("maria", T0), 0);
      AgentLocation office = atOffice("maria", T0.plusSeconds(60));
      assertThat(save(office, 1).version()).isEqualTo(2);
      assertThat(store.find("maria")).contains(new Versioned<>(office, 2));
    }

    @Test
    @DisplayName("expected version 0 for an agent that exists is a conflict naming the current version, and changes nothing")
    void zeroWhenExists() {
      save(atHome("maria", T0), 0);
      save(atHome("maria", T0.plusSeconds(1)), 1);
      long sequence = store.currentSequence();
      SaveResult result = store.save(atOffice("maria", T0.plusSeconds(2)), 0, changeFor(atOffice("maria", T0), "x"),
          List.of(entry("op-1", T0)));
      assertThat(result).isEqualTo(new Conflict(2));
      assertThat(store.find("maria")).contains(new Versioned<>(atHome("maria", T0.plusSeconds(1)), 2));
      assertThat(store.history("maria", 10)).hasSize(2);
      assertThat(store.currentSequence()).isEqualTo(sequence);
      assertThat(store.due(T0.plusSeconds(3600), 10)).isEmpty();
    }

    @Test
    @DisplayName("a stale expected version is a conflict naming the current version, and changes nothing")
    void stale() {
      save(atHome("maria", T0), 0);
      save(atOffice("maria", T0.plusSeconds(1)), 1);
      assertThat(store.save(atHome("maria", T0.plusSeconds(2)), 1, changeFor(atHome("maria", T0), "")))
          .isEqualTo(new Conflict(2));
      assertThat(store.find("maria").orElseThrow().value()).isEqualTo(atOffice("maria", T0.plusSeconds(1)));
      assertThat(store.history("maria", 10)).hasSize(2);
    }

    @Test
    @DisplayName("an expected version for an agent never saved is a conflict at version 0")
    void aheadOfNothing() {
      assertThat(store.save(atHome("maria", T0), 3, changeFor(atHome("maria", T0), ""))).isEqualTo(new Conflict(0));
      assertThat(store.find("maria")).isEmpty();
      assertThat(store.currentSequence()).isZero();
    }

    @Test
    @DisplayName("an expected version ahead of the stored one is a conflict")
    void ahead() {
      save(atHome("maria", T0), 0);
      assertThat(store.save(atHome("maria", T0), 7, changeFor(atHome("maria", T0), ""))).isEqualTo(new Conflict(1));
    }

    @Test
    @DisplayName("each agent has its own version")
    void independentAgents() {
      save(atHome("maria", T0), 0);
      save(atHome("maria", T0), 1);
      assertThat(save(atHome("li", T0), 0).version()).isEqualTo(1);
      assertThat(store.find("maria").orElseThrow().version()).isEqualTo(2);
      assertThat(store.find("li").orElseThrow().version()).isEqualTo(1);
    }

    @Test
    @DisplayName("a change for another agent, a negative version or a null argument is refused and stores nothing")
    void refusesCallerMistakes() {
      AgentLocation maria = atHome("maria", T0);
      assertThatThrownBy(() -> store.save(maria, 0, changeFor(atHome("li", T0), "")))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> store.save(maria, -1, changeFor(maria, ""))).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> store.save(maria, 0, null)).isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> store.save(maria, 0, changeFor(maria, ""), List.of(entry("a", T0), entry("a", T0))))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> store.save(maria, 0, changeFor(maria, "x".repeat(4097))))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(store.find("maria")).isEmpty();
      assertThat(store.currentSequence()).isZero();
    }
  }

  @Nested
  @DisplayName("History")
  class History {

    @Test
    @DisplayName("every save writes one row equal to its change, newest first")
    void newestFirst() {
      AgentLocation a = atHome("maria", T0);
      AgentLocation b = atOffice("maria", T0.plusSeconds(60));
      AgentLocation c = atHome("maria", T0.plusSeconds(120));
      store.save(a, 0, changeFor(a, "first"));
      store.save(b, 1, changeFor(b, "subnet 10.1.3.0/24"));
      store.save(c, 2, changeFor(c, "ünïcødé ✓ evidence"));
      assertThat(store.history("maria", 10))
          .containsExactly(changeFor(c, "ünïcødé ✓ evidence"), changeFor(b, "subnet 10.1.3.0/24"), changeFor(a, "first"));
    }

    @Test
    @DisplayName("history returns at most the limit, the newest rows")
    void limit() {
      for (int i = 0; i < 5; i++) {
        save(atHome("maria", T0.plusSeconds(i)), i);
      }
      assertThat(store.history("maria", 2)).extracting(LocationChange::at)
          .containsExactly(T0.plusSeconds(4), T0.plusSeconds(3));
    }

    @Test
    @DisplayName("history is per agent, and empty for an agent never saved")
    void perAgent() {
      save(atHome("maria", T0), 0);
      save(atHome("li", T0), 0);
      assertThat(store.history("maria", 10)).extracting(LocationChange::agentId).containsExactly("maria");
      assertThat(store.history("nobody", 10)).isEmpty();
    }

    @Test
    @DisplayName("instants are kept to the microsecond")
    void microseconds() {
      AgentLocation a = atHome("maria", T0);
      LocationChange change = new LocationChange("maria", T0.plusNanos(123_456_789), "", a.source(), a.verification(),
          "", "", "");
      store.save(a, 0, change);
      assertThat(store.history("maria", 1).get(0).at()).isEqualTo(T0.plusNanos(123_456_000));
      assertThat(store.find("maria").orElseThrow().value()).isEqualTo(a);
    }

    @Test
    @DisplayName("a limit below 1 or above 10000 is refused")
    void limitRange() {
      assertThatThrownBy(() -> store.history("maria", 0)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> store.history("maria", 10_001)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  @DisplayName("The change feed")
  class ChangeFeed {

    @Test
    @DisplayName("an empty store is at sequence 0 with no changes")
    void empty() {
      assertThat(store.currentSequence()).isZero();
      assertThat(store.changesSince(0, 10)).isEmpty();
    }

    @Test
    @DisplayName("every save takes the next sequence number, which becomes the current sequence")
    void advances() {
      Saved first = save(atHome("maria", T0), 0);
      Saved second = save(atHome("li", T0), 0);
      Saved third = save(atHome("maria", T0), 1);
      assertThat(List.of(first.sequence(), second.sequence(), third.sequence())).containsExactly(1L, 2L, 3L);
      assertThat(store.currentSequence()).isEqualTo(3);
    }

    @Test
    @DisplayName("changesSince lists the saves after a sequence, oldest first, at most max")
    void since() {
      save(atHome("maria", T0), 0);
      save(atHome("li", T0), 0);
      save(atHome("maria", T0), 1);
      save(atHome("ana", T0), 0);
      assertThat(store.changesSince(0, 10)).containsExactly(new Change(1, "maria"), new Change(2, "li"),
          new Change(3, "maria"), new Change(4, "ana"));
      assertThat(store.changesSince(2, 10)).containsExactly(new Change(3, "maria"), new Change(4, "ana"));
      assertThat(store.changesSince(1, 2)).containsExactly(new Change(2, "li"), new Change(3, "maria"));
      assertThat(store.changesSince(4, 10)).isEmpty();
    }

    @Test
    @DisplayName("a conflict takes no sequence number")
    void conflictTakesNone() {
      save(atHome("maria", T0), 0);
      store.save(atHome("maria", T0), 0, changeFor(atHome("maria", T0), ""));
      assertThat(save(atHome("li", T0), 0).sequence()).isEqualTo(2);
      assertThat(store.changesSince(0, 10)).extracting(Change::sequence).containsExactly(1L, 2L);
    }

    @Test
    @DisplayName("a negative sequence or a max out of range is refused")
    void arguments() {
      assertThatThrownBy(() -> store.changesSince(-1, 10)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> store.changesSince(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  @DisplayName("The outbox")
  class Outbox {

    @Test
    @DisplayName("enqueueing a new id returns true; the same id again returns false and leaves the first entry")
    void idempotentEnqueue() {
      OutboxEntry first = entry("provision:maria:1", T0);
      assertThat(store.enqueue(first)).isTrue();
      OutboxEntry again = new OutboxEntry(first.id(), "other.kind", "li", "{\"other\":true}", 3, T0.minusSeconds(60), "x");
      assertThat(store.enqueue(again)).isFalse();
      assertThat(store.due(T0, 10)).containsExactly(first);
    }

    @Test
    @DisplayName("an entry comes back exactly as enqueued, payload included")
    void roundTrip() {
      OutboxEntry e = new OutboxEntry("assign:maria:7", "platform.assign", "maria",
          "{\"address\":\"742 Évergreen Terrace ✓\",\"n\":[1,2,3]}", 2, T0.plusMillis(1), "last time: HTTP 503");
      store.enqueue(e);
      assertThat(store.due(T0.plusSeconds(1), 10)).containsExactly(e);
    }

    @Test
    @DisplayName("due lists only what is due at now, earliest due time first, ties by id, at most max")
    void dueOrder() {
      store.enqueue(entry("c", T0.plusSeconds(20)));
      store.enqueue(entry("b", T0.plusSeconds(10)));
      store.enqueue(entry("a", T0.plusSeconds(20)));
      store.enqueue(entry("d", T0.plusSeconds(30)));
      assertThat(store.due(T0, 10)).isEmpty();
      assertThat(store.due(T0.plusSeconds(20), 10)).extracting(OutboxEntry::id).containsExactly("b", "a", "c");
      assertThat(store.due(T0.plusSeconds(60), 2)).extracting(OutboxEntry::id).containsExactly("b", "a");
      assertThat(store.due(T0.plusSeconds(10), 10)).extracting(OutboxEntry::id).containsExactly("b");
    }

    @Test
    @DisplayName("complete removes an entry, and completing it again or an unknown id is harmless")
    void complete() {
      store.enqueue(entry("a", T0));
      store.enqueue(entry("b", T0));
      store.complete("a");
      store.complete("a");
      store.complete("never-there");
      assertThat(store.due(T0, 10)).extracting(OutboxEntry::id).containsExactly("b");
    }

    @Test
    @DisplayName("after complete, the same id can be enqueued again as a new operation")
    void reenqueueAfterComplete() {
      store.enqueue(entry("a", T0));
      store.complete("a");
      assertThat(store.enqueue(entry("a", T0))).isTrue();
    }

    @Test
    @DisplayName("reschedule counts the attempt, moves the due time and records the error")
    void reschedule() {
      store.enqueue(entry("a", T0));
      store.reschedule("a", T0.plusSeconds(30), "HTTP 503 from carrier");
      assertThat(store.due(T0.plusSeconds(29), 10)).isEmpty();
      store.reschedule("a", T0.plusSeconds(90), "timeout");
      OutboxEntry e = store.due(T0.plusSeconds(90), 10).get(0);
      assertThat(e.attempts()).isEqualTo(2);
      assertThat(e.dueAt()).isEqualTo(T0.plusSeconds(90));
      assertThat(e.lastError()).isEqualTo("timeout");
      assertThat(e.payload()).isEqualTo(entry("a", T0).payload());
    }

    @Test
    @DisplayName("rescheduling an entry that is gone does nothing")
    void rescheduleGone() {
      store.reschedule("gone", T0, "error");
      assertThat(store.due(T0.plusSeconds(3600), 10)).isEmpty();
    }

    @Test
    @DisplayName("an error text longer than 2048 characters is cut, a payload over 64 KiB is refused")
    void bounds() {
      store.enqueue(entry("a", T0));
      store.reschedule("a", T0, "e".repeat(5000));
      assertThat(store.due(T0, 1).get(0).lastError()).hasSize(2048);
      OutboxEntry big = new OutboxEntry("big", "k", "maria", "x".repeat(64 * 1024 + 1), 0, T0, "");
      assertThatThrownBy(() -> store.enqueue(big)).isInstanceOf(IllegalArgumentException.class);
      assertThat(store.due(T0, 10)).extracting(OutboxEntry::id).containsExactly("a");
    }

    @Test
    @DisplayName("a save with entries records them with the state, in one step")
    void saveWithEntries() {
      AgentLocation maria = atOffice("maria", T0);
      Saved s = saved(store.save(maria, 0, changeFor(maria, ""), List.of(entry("p", T0), entry("q", T0.plusSeconds(5)))));
      assertThat(s.version()).isEqualTo(1);
      assertThat(store.due(T0.plusSeconds(5), 10)).extracting(OutboxEntry::id).containsExactly("p", "q");
    }

    @Test
    @DisplayName("a save whose entry id is already queued still saves and leaves the queued entry as it was")
    void saveWithQueuedEntry() {
      OutboxEntry queued = new OutboxEntry("p", "k", "maria", "old", 4, T0, "boom");
      store.enqueue(queued);
      AgentLocation maria = atOffice("maria", T0);
      saved(store.save(maria, 0, changeFor(maria, ""), List.of(entry("p", T0), entry("r", T0))));
      assertThat(store.due(T0, 10)).containsExactly(queued, entry("r", T0));
      assertThat(store.find("maria")).isPresent();
    }
  }

  @Nested
  @DisplayName("Concurrent writers")
  class Concurrency {

    private static final int THREADS = 4;
    private static final int SAVES_PER_THREAD = 15;

    private <T> List<T> race(int threads, Callable<T> task) throws Exception {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
          futures.add(pool.submit(() -> {
            start.await();
            return task.call();
          }));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
          results.add(f.get(2, TimeUnit.MINUTES)); // a hang guard, not a timing assertion
        }
        return results;
      } finally {
        pool.shutdownNow();
      }
    }

    @Test
    @DisplayName("read-modify-save with retry on conflict from several threads loses no update")
    void noLostUpdate() throws Exception {
      save(atHome("maria", T0), 0);
      Set<Long> versions = Collections.synchronizedSet(new HashSet<>());
      race(THREADS, () -> {
        int lost = 0;
        for (int i = 0; i < SAVES_PER_THREAD; i++) {
          while (true) {
            Versioned<AgentLocation> current = store.find("maria").orElseThrow();
            AgentLocation next = current.value().toBuilder().since(current.value().since().plusSeconds(1)).build();
            SaveResult r = store.save(next, current.version(), changeFor(next, Thread.currentThread().getName()));
            if (r instanceof Saved s) {
              assertThat(versions.add(s.version())).as("version %d handed out twice", s.version()).isTrue();
              break;
            }
            lost++;
          }
        }
        return lost;
      });
      int saves = 1 + THREADS * SAVES_PER_THREAD;
      Versioned<AgentLocation> last = store.find("maria").orElseThrow();
      assertThat(last.version()).isEqualTo(saves);
      assertThat(last.value().since()).isEqualTo(T0.plusSeconds(saves - 1));
      assertThat(store.history("maria", 1000)).hasSize(saves);
      assertThat(store.currentSequence()).isEqualTo(saves);
      assertThat(store.changesSince(0, 1000)).extracting(Change::sequence).isSorted().doesNotHaveDuplicates()
          .hasSize(saves);
    }

    @Test
    @DisplayName("of several first saves of one agent at once, exactly one wins and the others conflict at version 1")
    void oneFirstSaveWins() throws Exception {
      List<SaveResult> results = race(THREADS, () -> {
        AgentLocation a = atHome("maria", T0);
        return store.save(a, 0, changeFor(a, Thread.currentThread().getName()), List.of(entry("op", T0)));
      });
      assertThat(results).filteredOn(Saved.class::isInstance).hasSize(1);
      assertThat(results).filteredOn(Conflict.class::isInstance).containsOnly(new Conflict(1));
      assertThat(store.history("maria", 10)).hasSize(1);
      assertThat(store.due(T0, 10)).hasSize(1);
    }

    @Test
    @DisplayName("of several enqueues of one id at once, exactly one returns true")
    void oneEnqueueWins() throws Exception {
      List<Boolean> results = race(THREADS, () -> store.enqueue(entry("op", T0)));
      assertThat(results).containsOnlyOnce(true);
      assertThat(store.due(T0, 10)).hasSize(1);
    }
  }

  @Nested
  @DisplayName("Lifecycle")
  class Lifecycle {

    @Test
    @DisplayName("a closed store refuses work with a StoreException, and closing twice is harmless")
    void closed() {
      store.close();
      store.close();
      assertThatThrownBy(() -> store.find("maria")).isInstanceOf(StoreException.class);
      assertThatThrownBy(() -> store.enqueue(entry("a", T0))).isInstanceOf(StoreException.class);
    }

    @Test
    @DisplayName("a store outlives many short calls without running out of connections")
    void manyCalls() {
      for (int i = 0; i < 200; i++) {
        store.enqueue(entry("op-" + i, T0.plus(Duration.ofMillis(i))));
        store.complete("op-" + i);
      }
      assertThat(store.due(T0.plusSeconds(1), 10)).isEmpty();
    }
  }
}
