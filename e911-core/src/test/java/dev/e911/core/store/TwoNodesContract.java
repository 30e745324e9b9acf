package dev.e911.core.store;

import static dev.e911.core.store.StoreSamples.T0;
import static dev.e911.core.store.StoreSamples.atHome;
import static dev.e911.core.store.StoreSamples.atOffice;
import static dev.e911.core.store.StoreSamples.changeFor;
import static dev.e911.core.store.StoreSamples.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.e911.api.location.AgentLocation;
import dev.e911.api.spi.LocationStore;
import dev.e911.api.spi.LocationStore.Change;
import dev.e911.api.spi.LocationStore.SaveResult;
import dev.e911.api.spi.LocationStore.SaveResult.Conflict;
import dev.e911.api.spi.LocationStore.SaveResult.Saved;
import dev.e911.api.spi.LocationStore.Versioned;
import dev.e911.api.spi.OutboxEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Two nodes, each with its own {@link JdbcLocationStore}, on one database. */
abstract class TwoNodesContract {

  /** A store on the shared database, as a node would open it. Called twice per test. */
  protected abstract LocationStore newNode();

  protected void cleanUp() {}

  private LocationStore a;
  private LocationStore b;

  @BeforeEach
  void openNodes() {
    a = newNode();
    b = newNode();
  }

  @AfterEach
  void closeNodes() {
    a.close();
    b.close();
    cleanUp();
  }

  @Test
  @DisplayName("two nodes starting at once on an empty database both come up on one schema")
  void startTogether() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Long>> futures = new ArrayList<>();
      for (LocationStore node : List.of(a, b)) {
        futures.add(pool.submit(() -> {
          start.await();
          return node.currentSequence();
        }));
      }
      start.countDown();
      for (Future<Long> f : futures) {
        assertThat(f.get(2, TimeUnit.MINUTES)).isZero();
      }
    } finally {
      pool.shutdownNow();
    }
    AgentLocation maria = atHome("maria", T0);
    a.save(maria, 0, changeFor(maria, ""));
    assertThat(b.find("maria")).isPresent();
  }

  @Test
  @DisplayName("a change saved on node A is seen by node B's change feed and find")
  void bSeesA() {
    long seen = b.currentSequence();
    AgentLocation maria = atOffice("maria", T0);
    Saved saved = (Saved) a.save(maria, 0, changeFor(maria, "confirmed on A"));
    assertThat(b.changesSince(seen, 100)).containsExactly(new Change(saved.sequence(), "maria"));
    assertThat(b.find("maria")).contains(new Versioned<>(maria, 1));
    assertThat(b.history("maria", 10)).containsExactly(changeFor(maria, "confirmed on A"));
    assertThat(b.currentSequence()).isEqualTo(saved.sequence());
  }

  @Test
  @DisplayName("a node polling the feed from its last sequence sees every change of the other node once, in order")
  void polling() {
    long seen = b.currentSequence();
    List<Change> observed = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String agent = i % 2 == 0 ? "maria" : "li";
      AgentLocation loc = atHome(agent, T0.plusSeconds(i));
      a.save(loc, i / 2, changeFor(loc, ""));
      if (i % 3 == 2) {
        List<Change> batch = b.changesSince(seen, 100);
        observed.addAll(batch);
        seen = batch.isEmpty() ? seen : batch.get(batch.size() - 1).sequence();
      }
    }
    assertThat(observed).extracting(Change::agentId).containsExactly("maria", "li", "maria", "li", "maria", "li");
    assertThat(observed).extracting(Change::sequence).isSorted().doesNotHaveDuplicates();
  }

  @Test
  @DisplayName("both nodes saving from the same version: one is saved, the other gets a conflict")
  void conflictAcrossNodes() {
    AgentLocation first = atHome("maria", T0);
    a.save(first, 0, changeFor(first, ""));
    long versionOnA = a.find("maria").orElseThrow().version();
    long versionOnB = b.find("maria").orElseThrow().version();
    AgentLocation fromA = atOffice("maria", T0.plusSeconds(1));
    AgentLocation fromB = atHome("maria", T0.plusSeconds(2));
    SaveResult ra = a.save(fromA, versionOnA, changeFor(fromA, "A"));
    SaveResult rb = b.save(fromB, versionOnB, changeFor(fromB, "B"));
    assertThat(ra).isEqualTo(new Saved(2, 2));
    assertThat(rb).isEqualTo(new Conflict(2));
    assertThat(b.find("maria")).contains(new Versioned<>(fromA, 2));
    assertThat(a.history("maria", 10)).extracting(c -> c.evidence()).containsExactly("A", "");
  }

  @Test
  @DisplayName("both nodes saving the same agent at once, with retries, lose no update")
  void concurrentNodes() throws Exception {
    AgentLocation first = atHome("maria", T0);
    a.save(first, 0, changeFor(first, ""));
    int perNode = 10;
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> futures = new ArrayList<>();
      for (LocationStore node : List.of(a, b)) {
        futures.add(pool.submit(() -> {
          start.await();
          int conflicts = 0;
          for (int i = 0; i < perNode; i++) {
            while (true) {
              Versioned<AgentLocation> current = node.find("maria").orElseThrow();
              AgentLocation next = current.value().toBuilder().since(current.value().since().plusSeconds(1)).build();
              if (node.save(next, current.version(), changeFor(next, "")) instanceof Saved) {
                break;
              }
              conflicts++;
            }
          }
          return conflicts;
        }));
      }
      start.countDown();
      for (Future<Integer> f : futures) {
        f.get(2, TimeUnit.MINUTES); // a hang guard, not a timing assertion
      }
    } finally {
      pool.shutdownNow();
    }
    int saves = 1 + 2 * perNode;
    assertThat(a.find("maria").orElseThrow().version()).isEqualTo(saves);
    assertThat(b.history("maria", 1000)).hasSize(saves);
    assertThat(a.changesSince(0, 1000)).hasSize(saves);
  }

  @Test
  @DisplayName("the outbox is shared: enqueued on A, refused as a duplicate on B, due on B, completed on B, gone on A")
  void sharedOutbox() {
    OutboxEntry op = entry("provision:maria:1", T0);
    assertThat(a.enqueue(op)).isTrue();
    assertThat(b.enqueue(op)).isFalse();
    assertThat(b.due(T0, 10)).containsExactly(op);
    b.complete(op.id());
    assertThat(a.due(T0, 10)).isEmpty();
  }
}
