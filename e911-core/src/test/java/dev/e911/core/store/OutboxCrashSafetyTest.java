package dev.e911.core.store;

import static dev.e911.core.store.StoreSamples.T0;
import static dev.e911.core.store.StoreSamples.atOffice;
import static dev.e911.core.store.StoreSamples.changeFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.e911.api.location.AgentLocation;
import dev.e911.api.spi.LocationStore;
import dev.e911.api.spi.OutboxEntry;
import dev.e911.api.spi.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The location-engine issue: "a process killed between 'user confirmed' and 'carrier provisioned'
 * resumes on restart and neither loses nor duplicates the operation". The work is run one step at a
 * time on an H2 file database and killed at every point: between every pair of steps, and inside
 * every transaction (the database goes down just before the commit). A new store on the same file
 * then resumes. Each operation must have been carried out exactly once by the idempotent remote, and
 * only an operation that was in flight when the process died may have been attempted twice.
 */
@DisplayName("The outbox survives a process killed at any step")
class OutboxCrashSafetyTest {

  private static final String PROVISION = "carrier.provision:maria:1";
  private static final String ASSIGN = "platform.assign:maria:1";

  @TempDir
  Path dir;

  /** A carrier or platform: idempotent by operation id, as their APIs are. Counts every call. */
  static final class Remote {
    final Map<String, Integer> calls = new LinkedHashMap<>();
    final List<String> applied = new ArrayList<>();

    void perform(OutboxEntry e) {
      calls.merge(e.id(), 1, Integer::sum);
      if (!applied.contains(e.id())) {
        applied.add(e.id());
      }
    }
  }

  /** Thrown at the step where the process dies. */
  static final class Killed extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  /** The work from "user confirmed" to "everything provisioned", counting its steps. */
  static final class Worker {
    final LocationStore store;
    final Remote remote;
    final int killAfter;
    final List<String> steps;
    /** Operations performed whose completion is not recorded yet. */
    final Set<String> inFlight = new LinkedHashSet<>();

    Worker(LocationStore store, Remote remote, int killAfter, List<String> steps) {
      this.steps = steps;
      this.store = store;
      this.remote = remote;
      this.killAfter = killAfter;
    }

    private void step(String name, Runnable work) {
      if (steps.size() == killAfter) {
        throw new Killed();
      }
      steps.add(name);
      work.run();
    }

    /** The agent confirms: the location and the operations it calls for, in one transaction. */
    void confirm() {
      AgentLocation maria = atOffice("maria", T0);
      step("save the confirmed location with its operations", () -> store.save(maria, 0, changeFor(maria, "confirmed"),
          List.of(new OutboxEntry(PROVISION, "carrier.provision", "maria", "{\"elin\":\"+14155550142\"}", 0, T0, ""),
              new OutboxEntry(ASSIGN, "platform.assign", "maria", "{\"location\":\"hq-3\"}", 0, T0, ""))));
    }

    /** Works the outbox until nothing is due. */
    void drain() {
      while (true) {
        List<List<OutboxEntry>> due = new ArrayList<>();
        step("read what is due", () -> due.add(store.due(T0.plusSeconds(60), 10)));
        if (due.get(0).isEmpty()) {
          return;
        }
        for (OutboxEntry e : due.get(0)) {
          step("perform " + e.id(), () -> {
            remote.perform(e);
            inFlight.add(e.id());
          });
          step("complete " + e.id(), () -> {
            store.complete(e.id());
            inFlight.remove(e.id());
          });
        }
      }
    }
  }

  /** The first process: confirm and drain, dying at step {@code killAfter} (never, if out of range). */
  private static Set<String> firstRun(LocationStore store, Remote remote, int killAfter, List<String> stepsTaken) {
    Worker w = new Worker(store, remote, killAfter, stepsTaken);
    try {
      w.confirm();
      w.drain();
    } catch (Killed | StoreException e) {
      // the process dies here: nothing after this line of work runs
    }
    return w.inFlight;
  }

  /** The restarted process: the agent is prompted again if no confirmation survived; the outbox is drained. */
  private static void resume(LocationStore store, Remote remote) {
    Worker w = new Worker(store, remote, Integer.MAX_VALUE, new ArrayList<>());
    if (store.find("maria").isEmpty()) {
      w.confirm();
    }
    w.drain();
  }

  private static void assertExactlyOnce(LocationStore store, Remote remote, Set<String> inFlight) {
    assertThat(remote.applied).containsExactlyInAnyOrder(PROVISION, ASSIGN);
    for (String op : List.of(PROVISION, ASSIGN)) {
      assertThat(remote.calls.get(op)).as("calls of %s (in flight when killed: %s)", op, inFlight)
          .isEqualTo(inFlight.contains(op) ? 2 : 1);
    }
    assertThat(store.due(T0.plusSeconds(3600), 10)).isEmpty();
    assertThat(store.find("maria").orElseThrow().version()).isEqualTo(1);
    assertThat(store.history("maria", 10)).hasSize(1);
  }

  @TestFactory
  @DisplayName("killed between two steps")
  Stream<DynamicTest> killedBetweenSteps() {
    List<String> allSteps = new ArrayList<>();
    try (LocationStore store = TestDatabases.h2(TestDatabases.h2File(newDir("dry-run"))).build()) {
      firstRun(store, new Remote(), Integer.MAX_VALUE, allSteps);
    }
    assertThat(allSteps).hasSize(7);
    return IntStream.rangeClosed(0, allSteps.size()).mapToObj(n -> DynamicTest.dynamicTest(
        n == 0 ? "before the confirmation is saved" : "after: " + allSteps.get(n - 1), () -> {
          String url = TestDatabases.h2File(newDir("between-" + n));
          Remote remote = new Remote();
          Set<String> inFlight;
          LocationStore first = TestDatabases.h2(url).build();
          inFlight = firstRun(first, remote, n, new ArrayList<>());
          TestDatabases.killH2(url);
          first.close();
          try (LocationStore restarted = TestDatabases.h2(url).build()) {
            resume(restarted, remote);
            assertExactlyOnce(restarted, remote, inFlight);
          }
        }));
  }

  @TestFactory
  @DisplayName("killed inside a transaction, just before its commit")
  Stream<DynamicTest> killedInsideATransaction() {
    String dryUrl = TestDatabases.h2File(newDir("dry-run-commits"));
    List<String> steps = new ArrayList<>();
    KillableDataSource dry = new KillableDataSource(dryUrl, Integer.MAX_VALUE);
    dry.onCommit = () -> steps.isEmpty() ? "creating the schema" : steps.get(steps.size() - 1);
    try (dry; LocationStore store = JdbcLocationStore.builder().dataSource(dry).clock(TestDatabases.CLOCK).build()) {
      firstRun(store, new Remote(), Integer.MAX_VALUE, steps);
    }
    List<String> commits = dry.committed;
    assertThat(commits).as("commits in a full run").contains("save the confirmed location with its operations",
        "complete " + PROVISION, "complete " + ASSIGN);
    return IntStream.rangeClosed(1, commits.size()).mapToObj(k -> DynamicTest.dynamicTest(
        "while committing: " + commits.get(k - 1) + " (commit " + k + " of " + commits.size() + ")",
        () -> {
          String url = TestDatabases.h2File(newDir("commit-" + k));
          KillableDataSource ds = new KillableDataSource(url, k);
          Remote remote = new Remote();
          Set<String> inFlight;
          try (ds; LocationStore first = JdbcLocationStore.builder().dataSource(ds).clock(TestDatabases.CLOCK).build()) {
            inFlight = firstRun(first, remote, Integer.MAX_VALUE, new ArrayList<>());
          }
          assertThat(ds.killed).as("the database was killed").isTrue();
          try (LocationStore restarted = TestDatabases.h2(url).build()) {
            resume(restarted, remote);
            assertExactlyOnce(restarted, remote, inFlight);
          }
        }));
  }

  private Path newDir(String name) {
    try {
      return Files.createDirectories(dir.resolve(name));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * H2 connections whose {@code k}-th commit kills the database instead (files closed without
   * writing pending work), as if the process died just before committing.
   */
  static final class KillableDataSource implements DataSource, AutoCloseable {
    private final JdbcDataSource h2 = new JdbcDataSource();
    private final String url;
    private final int killAtCommit;
    int commits;
    boolean killed;
    private Connection keepOpen;
    java.util.function.Supplier<String> onCommit = () -> "";
    final List<String> committed = new ArrayList<>();

    KillableDataSource(String url, int killAtCommit) {
      this.url = url;
      this.killAtCommit = killAtCommit;
      h2.setURL(url);
      h2.setUser("sa");
    }

    @Override
    public Connection getConnection() throws SQLException {
      if (killed) {
        throw new SQLException("the process is dead", "08001");
      }
      if (keepOpen == null) {
        keepOpen = h2.getConnection(); // keeps the file database open between the store's calls, as a pool would
      }
      Connection real = h2.getConnection();
      return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
          (proxy, method, args) -> {
            if (method.getName().equals("commit")) {
              committed.add(onCommit.get());
            }
            if (method.getName().equals("commit") && ++commits == killAtCommit) {
              killed = true;
              TestDatabases.killH2(url);
              throw new SQLException("killed before commit", "08006");
            }
            try {
              return method.invoke(real, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          });
    }

    @Override
    public void close() {
      try {
        if (keepOpen != null && !keepOpen.isClosed()) {
          keepOpen.close();
        }
      } catch (SQLException e) {
        // a killed database took it down already
      }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
      return false;
    }
  }
}
