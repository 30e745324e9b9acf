package dev.e911.reliability.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e911.api.spi.EmergencyNotification;
import dev.e911.api.spi.EmergencyNotifier;
import dev.e911.api.spi.NotificationOutcome;
import dev.e911.api.spi.Secret;
import dev.e911.carrier.bandwidth.BandwidthCarrier;
import dev.e911.carrier.bandwidth.BandwidthConfig;
import dev.e911.core.E911;
import dev.e911.core.config.ContactCenterConfig;
import dev.e911.core.store.InMemoryLocationStore;
import dev.e911.core.store.JdbcLocationStore;
import dev.e911.genesys.FakeGenesys;
import dev.e911.genesys.GenesysPlatform;
import dev.e911.reliability.Scale;
import dev.e911.testkit.http.StubHttpServer;
import dev.e911.testkit.http.StubResponse;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The emergency guarantee (issue 10): the system built as an integrator builds it ({@link E911} over
 * {@code examples/contact-center.json}), one fault class at a time (and all at once), while agents keep
 * signing in, confirming and being gated on other threads; {@code route} is called {@code N} times from
 * several threads and every answer must be an emergency with a callback number, a location, a PIDF-LO and
 * the warnings its state calls for. Nothing may throw. Latency is recorded (p50/p99/max) and only generous
 * bounds are asserted: a route that waited on any injected remote would take at least a second.
 */
class EmergencyGuaranteeUnderFaultsTest {

  static final int ROUTES = Scale.of(10_000, 500_000);
  static final int ROUTE_THREADS = 4;
  static final int WARMUP = Scale.of(10_000, 200_000);
  /** Every injected hang or remote timeout is at least this long; no route may take this long. */
  static final Duration REMOTE_WAIT = Duration.ofSeconds(2);
  static final double MAX_MICROS = REMOTE_WAIT.toNanos() / 1e3;
  /**
   * Generous: the shared 2-core machine ran at a load average of 17 while this was written, and a route
   * thread descheduled for a few scheduler quanta shows up at p99 (typical p99 on a quiet machine is
   * well under a millisecond).
   */
  static final double P99_MICROS = 50_000;

  record Row(String fault, String injected, int routes, Latencies latencies, Latencies emergencies, int failures, String background) {}

  static final List<Row> TABLE = new ArrayList<>();

  /** What one scenario adds to the integrator's build and does during the run. */
  static final class Scenario {
    final String name;
    final String injected;
    final List<Consumer<E911.Builder>> wiring = new ArrayList<>();
    final List<Runnable> midRun = new ArrayList<>();
    final List<Runnable> cleanup = new ArrayList<>();
    final List<Consumer<E911>> during = new ArrayList<>();
    boolean confirmations = true;
    /** Whether the scenario wires its own (broken) notifier; otherwise a counting one that always delivers is used. */
    boolean brokenNotifier;
    /** Evidence that the fault was really met during the run (by name). */
    final Map<String, Predicate<Background>> exercised = new LinkedHashMap<>();

    void confirmationsAttempted() {
      exercised.put("confirmations were attempted", bg -> bg.operations() > 0);
    }

    Scenario(String name, String injected) {
      this.name = name;
      this.injected = injected;
    }
  }

  // ------------------------------------------------------------------------------------------ scenarios

  @Test
  void noFaultBaseline() {
    run(new Scenario("none (baseline)", "healthy in-memory store, reference carrier, counting notifier"));
  }

  @Test
  void storeThrows() {
    Scenario s = new Scenario("store down (SPI)", "LocationStore throwing StoreException on every call from 1/3 of the run");
    storeThrows(s);
    run(s);
  }

  @Test
  void h2ShutDownMidRun() {
    Scenario s = new Scenario("store down (H2)", "JdbcLocationStore over H2; SHUTDOWN of the database at 1/3 of the run");
    String url = "jdbc:h2:mem:rel-faults-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    JdbcLocationStore store = JdbcLocationStore.builder().url(url).clock(Clock.systemUTC()).build();
    s.wiring.add(b -> b.store(store));
    s.midRun.add(() -> {
      try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
        st.execute("SHUTDOWN");
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    });
    s.cleanup.add(store::close);
    s.exercised.put("sign-ins met StoreException after the shutdown", bg -> bg.errors().containsKey("StoreException"));
    run(s);
  }

  @Test
  void carrierAnswers503() {
    Scenario s = new Scenario("carrier down (503)", "Bandwidth adapter against a loopback server answering 503 to everything");
    carrier503(s);
    run(s);
  }

  @Test
  void carrierRefusesConnections() throws IOException {
    Scenario s = new Scenario("carrier down (refused)", "Bandwidth adapter against a closed loopback port");
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    s.wiring.add(b -> b.carrier(bandwidth(URI.create("http://127.0.0.1:" + port + "/api"))));
    s.confirmationsAttempted();
    run(s);
  }

  @Test
  void carrierHangs() {
    Scenario s = new Scenario("carrier hangs", "Bandwidth adapter against a loopback server that never answers (2 s attempt timeout)");
    StubHttpServer server = StubHttpServer.start();
    for (String m : List.of("GET", "POST", "PUT", "PATCH", "DELETE")) {
      server.on(m, "/**").respond(StubResponse.status(200).delayHeaders(Duration.ofSeconds(120)));
    }
    s.wiring.add(b -> b.carrier(bandwidth(server.uri("/api"))));
    s.cleanup.add(server::close);
    s.exercised.put("the hanging carrier was called", bg -> server.requestCount() > 0);
    run(s);
  }

  @Test
  void platformStoppedMidRun() {
    Scenario s = new Scenario("platform down", "Genesys adapter on FakeGenesys, the fake stopped at 1/3 of the run");
    FakeGenesys genesys = new FakeGenesys().cleanOrg();
    GenesysPlatform platform = genesys.platform().build();
    InMemoryLocationStore store = InMemoryLocationStore.create();
    s.wiring.add(b -> b.platform(platform).store(store));
    s.midRun.add(genesys::close);
    s.cleanup.add(genesys::close);
    s.exercised.put("a platform assignment failed after the stop and waits in the outbox", bg -> store
        .due(Instant.now().plus(Duration.ofDays(3650)), 1000).stream().anyMatch(e -> e.kind().equals("platform.assign")));
    run(s);
  }

  @Test
  void platformHangs() {
    Scenario s = new Scenario("platform hangs", "Genesys adapter against a loopback server that never answers (2 s request timeout)");
    platformHangs(s);
    run(s);
  }

  @Test
  void notifierHangsForever() {
    Scenario s = new Scenario("notifier hangs", "Kari's Law notifier blocking forever in send (queue fills, overflow path)");
    notifierHangs(s);
    run(s);
  }

  @Test
  void notifierThrows() {
    Scenario s = new Scenario("notifier throws", "Kari's Law notifier throwing from every send");
    AtomicLong thrown = new AtomicLong();
    s.brokenNotifier = true;
    s.wiring.add(b -> b.notifier(new EmergencyNotifier() {
      @Override
      public String id() {
        return "throwing";
      }

      @Override
      public NotificationOutcome send(EmergencyNotification n) {
        thrown.incrementAndGet();
        throw new IllegalStateException("notifier broken (injected fault)");
      }
    }));
    s.exercised.put("the notifier threw", bg -> thrown.get() > 0);
    run(s);
  }

  @Test
  void snapshotSwapStorm() {
    Scenario s = new Scenario("snapshot swap storm", "configuration republished continuously from another thread; observations streaming");
    swapStorm(s);
    run(s);
  }

  @Test
  void everythingAtOnce() {
    Scenario s = new Scenario("all of the above", "store throwing, carrier 503, platform hanging, notifier hanging, swap storm");
    storeThrows(s);
    carrier503(s);
    platformHangs(s);
    notifierHangs(s);
    swapStorm(s);
    // the store and the carrier fail first: a confirmation never gets as far as the platform
    s.exercised.remove("the hanging platform was called");
    run(s);
  }

  // ------------------------------------------------------------------------------------------ fault parts

  private static void storeThrows(Scenario s) {
    dev.e911.testkit.store.FailingLocationStore store = dev.e911.testkit.store.FailingLocationStore.over(InMemoryLocationStore.create());
    s.wiring.add(b -> b.store(store));
    s.midRun.add(() -> store.down(true));
    s.exercised.put("the store refused calls", bg -> store.refused() > 0);
  }

  private static void carrier503(Scenario s) {
    StubHttpServer server = StubHttpServer.start();
    for (String m : List.of("GET", "POST", "PUT", "PATCH", "DELETE")) {
      server.on(m, "/**").respond(StubResponse.text(503, "Service Unavailable"));
    }
    s.wiring.add(b -> b.carrier(bandwidth(server.uri("/api"))));
    s.cleanup.add(server::close);
    s.exercised.put("the carrier answered 503", bg -> server.requestCount() > 0);
  }

  private static void platformHangs(Scenario s) {
    StubHttpServer server = StubHttpServer.start();
    for (String m : List.of("GET", "POST", "PUT", "PATCH", "DELETE")) {
      server.on(m, "/**").respond(StubResponse.status(200).delayHeaders(Duration.ofSeconds(120)));
    }
    GenesysPlatform platform = GenesysPlatform.builder().apiBase(server.baseUri()).loginBase(server.baseUri())
        .clientId(FakeGenesys.CLIENT_ID).clientSecret(FakeGenesys.SECRET).requestTimeout(REMOTE_WAIT).maxAttempts(2)
        .backoff(Duration.ofMillis(5), Duration.ofMillis(20)).retryLimits(Duration.ofSeconds(1), Duration.ofSeconds(3))
        .httpClient(FakeGenesys.CLIENT).build();
    s.wiring.add(b -> b.platform(platform));
    s.cleanup.add(server::close);
    s.exercised.put("the hanging platform was called", bg -> server.requestCount() > 0);
  }

  private static void notifierHangs(Scenario s) {
    s.brokenNotifier = true;
    CountDownLatch release = new CountDownLatch(1);
    AtomicLong entered = new AtomicLong();
    s.wiring.add(b -> b.notifier(new EmergencyNotifier() {
      @Override
      public String id() {
        return "hanging";
      }

      @Override
      public NotificationOutcome send(EmergencyNotification n) {
        entered.incrementAndGet();
        while (release.getCount() > 0) {
          try {
            release.await();
          } catch (InterruptedException e) {
            // hangs "forever": ignores interrupts until the test releases it
          }
        }
        return new NotificationOutcome.Delivered("late");
      }
    }));
    s.cleanup.add(release::countDown);
    s.exercised.put("the notifier hung", bg -> entered.get() > 0);
  }

  private static void swapStorm(Scenario s) {
    ContactCenterConfig copy = Centers.example(); // equal content, a distinct instance: every publish is a new generation
    AtomicLong publishes = new AtomicLong();
    s.during.add(e911 -> {
      Thread storm = new Thread(() -> {
        ContactCenterConfig[] configs = {e911.config(), copy};
        while (!Thread.currentThread().isInterrupted()) {
          e911.router().publish(configs[(int) (publishes.incrementAndGet() & 1)], "e911.invalid");
        }
      }, "swap-storm");
      storm.setDaemon(true);
      storm.start();
      s.exercised.put("configurations were republished", bg -> publishes.get() > 10);
      s.cleanup.add(0, () -> {
        storm.interrupt();
        try {
          storm.join(10_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        System.out.println("[faults] " + s.name + ": " + publishes.get() + " configuration publishes during the run");
      });
    });
  }

  private static BandwidthCarrier bandwidth(URI base) {
    BandwidthConfig config = BandwidthConfig.builder(BandwidthConfig.Mode.DASHBOARD).baseUrl(base).accountId("9900123")
        .basic(Secret.of("e911-api-user"), Secret.of("pw-never-print")).attemptTimeout(REMOTE_WAIT)
        .connectTimeout(REMOTE_WAIT).maxAttempts(2).retryInitialBackoff(Duration.ofMillis(10))
        .retryMaxBackoff(Duration.ofMillis(50)).build();
    return BandwidthCarrier.builder(config).build();
  }

  /** A notifier that delivers at once (an integrator's webhook that works), so the baseline logs nothing per call. */
  private static final EmergencyNotifier COUNTING = new EmergencyNotifier() {
    @Override
    public String id() {
      return "counting";
    }

    @Override
    public NotificationOutcome send(EmergencyNotification n) {
      return new NotificationOutcome.Delivered(n.callId());
    }
  };

  // ------------------------------------------------------------------------------------------ the run

  private static void run(Scenario s) {
    E911.Builder b = E911.builder().config(Centers.example());
    s.wiring.forEach(w -> w.accept(b));
    if (!s.brokenNotifier) {
      b.notifier(COUNTING);
    }
    E911 e911 = b.build();
    List<String> agents = Centers.agentIds(e911.config());
    RouteRun.Result result;
    Background background = new Background(e911, agents, 2, s.confirmations, Duration.ofMillis(1)).start();
    try {
      s.during.forEach(d -> d.accept(e911));
      // routing goes on until the fault has really been met by the rest of the system (bounded)
      result = RouteRun.run(e911, agents, ROUTES, ROUTE_THREADS, WARMUP, () -> s.midRun.forEach(Runnable::run),
          () -> s.exercised.values().stream().allMatch(check -> check.test(background)), Duration.ofSeconds(20));
    } finally {
      background.close();
      s.cleanup.forEach(Runnable::run);
      e911.close();
    }
    s.exercised.forEach((what, check) -> assertThat(check.test(background)).as(s.name + ": " + what).isTrue());
    String bg = background.operations() + " ops, errors " + background.errors();
    TABLE.add(new Row(s.name, s.injected, result.routes(), result.latencies(), result.emergencies(), result.failures().size(), bg));
    System.out.println("[faults] " + s.name + ": " + result.routes() + " routes, " + result.latencies() + "; 911 only "
        + result.emergencies() + "; failures " + result.failures().size() + "; background " + bg);
    assertThat(result.failures()).as(s.name).isEmpty();
    assertThat(result.routes()).isGreaterThanOrEqualTo(ROUTES);
    // a broken notifier sends every 911 down the overflow path, which logs on the calling thread (see docs/notifications.md)
    double p99Bound = s.brokenNotifier ? 2 * P99_MICROS : P99_MICROS;
    assertThat(result.latencies().p99Micros()).as(s.name + " p99 (µs)").isLessThanOrEqualTo(p99Bound);
    assertThat(result.latencies().maxMicros()).as(s.name + " max (µs): no route waited on a remote").isLessThan(MAX_MICROS);
  }

  @AfterAll
  static void table() throws IOException {
    StringBuilder t = new StringBuilder("| Fault class | Injected | Routes | p50 (µs) | p99 (µs) | max (µs) | 911 p50 / p99 (µs) | Failures |\n"
        + "|---|---|---:|---:|---:|---:|---:|---:|\n");
    for (Row r : TABLE) {
      t.append(String.format(Locale.ROOT, "| %s | %s | %d | %.1f | %.1f | %.1f | %.1f / %.1f | %d |%n", r.fault(), r.injected(),
          r.routes(), r.latencies().p50Micros(), r.latencies().p99Micros(), r.latencies().maxMicros(),
          r.emergencies().p50Micros(), r.emergencies().p99Micros(), r.failures()));
    }
    System.out.println(t);
    Path out = Path.of("target", "reliability", "faults-" + (Scale.heavy() ? "heavy" : "small") + ".md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, t, StandardCharsets.UTF_8);
  }
}
