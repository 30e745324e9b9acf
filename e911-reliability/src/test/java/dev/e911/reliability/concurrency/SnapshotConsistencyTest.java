package dev.e911.reliability.concurrency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.e911.api.location.AgentLocation;
import dev.e911.api.location.Location;
import dev.e911.api.routing.EmergencyRoute;
import dev.e911.api.spi.EmergencyNotification;
import dev.e911.api.spi.EmergencyNotifier;
import dev.e911.api.spi.NotificationOutcome;
import dev.e911.core.E911;
import dev.e911.core.config.ContactCenterConfig;
import dev.e911.core.location.ObserveOutcome;
import dev.e911.core.pidf.PidfLoReader;
import dev.e911.core.pidf.PidfReadResult;
import dev.e911.core.store.InMemoryLocationStore;
import dev.e911.reliability.Scale;
import dev.e911.reliability.faults.Centers;
import dev.e911.reliability.faults.Latencies;
import dev.e911.reliability.faults.RouteRun;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, concurrency: many agents change networks (and are assigned by an administrator) while routes
 * are taken and the configuration snapshot is republished continuously, for a bounded time, on several
 * threads. Invariants: every route is one consistent snapshot (its PIDF-LO names the calling agent and
 * carries the address of the route's location); after the run every agent's current claim, stored claim
 * and routed location equal the last change accepted for it (no lost update); the run ends within its
 * timeout (a watchdog prints every thread's stack on a deadlock).
 */
class SnapshotConsistencyTest {

  static final String DOMAIN = "e911.invalid";
  static final Duration RUN = Duration.ofSeconds(Scale.of(4, 120));
  static final Duration ROUND = Duration.ofMillis(100);
  static final int MOVERS = 2;
  static final int ROUTERS = 2;

  /** The example's 20 agents: every agent changes many times a second, so races on one agent are likely. */
  @Test
  void exampleCenterUnderContention() {
    assertTimeoutPreemptively(RUN.plusSeconds(90), () -> run(0), SnapshotConsistencyTest::threadDump);
  }

  /** A generated larger center: publishes take longer, so routes meet entries of an older generation. */
  @Test
  void generatedCenter() {
    assertTimeoutPreemptively(RUN.plusSeconds(90), () -> run(Scale.of(400, 2_000)), SnapshotConsistencyTest::threadDump);
  }

  private void run(int extraAgents) throws InterruptedException {
    ContactCenterConfig config = Centers.generated(extraAgents);
    ContactCenterConfig copy = Centers.generated(extraAgents);
    InMemoryLocationStore store = InMemoryLocationStore.create();
    E911 e911 = E911.builder().config(config).store(store).entityDomain(DOMAIN).notifier(new Quiet()).build();
    List<String> agents = Centers.agentIds(config);
    List<String> locationIds = config.locations().stream().map(Location::id).toList();
    Map<String, AgentLocation> lastAccepted = new ConcurrentHashMap<>();
    List<String> problems = Collections.synchronizedList(new ArrayList<>());
    AtomicLong changes = new AtomicLong();
    AtomicLong routes = new AtomicLong();
    AtomicLong documentsRead = new AtomicLong();
    AtomicLong publishes = new AtomicLong();
    long[][] nanos = new long[ROUTERS][1 << 20];
    int[] counts = new int[ROUTERS];
    long runEnd = System.nanoTime() + RUN.toNanos();
    List<String> lost = new ArrayList<>();
    int rounds = 0;
    // short rounds, each ending quiesced and checked: one long run would only check the very last change of each
    // agent, while a lost update needs a change racing a publish to be seen
    while (System.nanoTime() < runEnd && lost.isEmpty()) {
      rounds++;
      int round = rounds;
      long deadline = Math.min(runEnd, System.nanoTime() + ROUND.toNanos());
      CountDownLatch start = new CountDownLatch(1);
      List<Thread> threads = new ArrayList<>();

      for (int m = 0; m < MOVERS; m++) {
        int me = m;
        Random random = new Random(100 + m + 1000L * round);
        // each agent is moved by one thread only, so "the last accepted change" is well defined
        List<String> mine = new ArrayList<>();
        for (int i = me; i < agents.size(); i += MOVERS) {
          mine.add(agents.get(i));
        }
        threads.add(new Thread(() -> {
          await(start);
          while (System.nanoTime() < deadline) {
            String agent = mine.get(random.nextInt(mine.size()));
            try {
              if (random.nextInt(8) == 0) {
                lastAccepted.put(agent, e911.locations().adminAssign(agent, locationIds.get(random.nextInt(locationIds.size())),
                    "admin", "concurrency test"));
              } else {
                ObserveOutcome o = e911.locations().observe(agent, Centers.network(random, Instant.now()));
                o.location().ifPresent(l -> lastAccepted.put(agent, l));
              }
              changes.incrementAndGet();
            } catch (RuntimeException e) {
              problems.add("mover " + me + " " + agent + ": " + e);
            }
          }
        }, "mover-" + m));
      }
      for (int r = 0; r < ROUTERS; r++) {
        int me = r;
        Random random = new Random(200 + r + 1000L * round);
        PidfLoReader reader = PidfLoReader.standard();
        threads.add(new Thread(() -> {
          await(start);
          while (System.nanoTime() < deadline) {
            String agent = agents.get(random.nextInt(agents.size()));
            long t0 = System.nanoTime();
            EmergencyRoute route = e911.router().route(agent, "933", null);
            long dt = System.nanoTime() - t0;
            if (counts[me] < nanos[me].length) {
              nanos[me][counts[me]++] = dt;
            }
            routes.incrementAndGet();
            List<String> p = new ArrayList<>(RouteRun.problems(e911, agent, route));
            if (p.isEmpty() && (routes.get() & 7) == 0) {
              p.addAll(documentMatches(reader, agent, (EmergencyRoute.Emergency) route));
              documentsRead.incrementAndGet();
            }
            if (!p.isEmpty() && problems.size() < 50) {
              problems.add(agent + ": " + p + " in " + route);
            }
          }
        }, "router-" + r));
      }
      threads.add(new Thread(() -> {
        await(start);
        ContactCenterConfig[] configs = {config, copy};
        while (System.nanoTime() < deadline) {
          e911.router().publish(configs[(int) (publishes.incrementAndGet() & 1)], DOMAIN);
        }
      }, "swap-storm"));

      threads.forEach(Thread::start);
      start.countDown();
      for (Thread t : threads) {
        t.join();
      }

      // quiesced: no lost update anywhere
      for (String agent : agents) {
        AgentLocation expected = lastAccepted.get(agent);
        if (expected == null) {
          continue;
        }
        AgentLocation current = e911.locations().current(agent).orElse(null);
        AgentLocation stored = store.find(agent).map(v -> v.value()).orElse(null);
        AgentLocation routed = ((EmergencyRoute.Emergency) e911.router().route(agent, "933", null)).location().orElseThrow();
        if (!expected.equals(current) || !expected.equals(stored) || !expected.equals(routed)) {
          lost.add(agent + ": last accepted " + expected + "; current " + current + "; stored " + stored + "; routed " + routed);
        }
      }
    }
    e911.close();

    long[] all = new long[counts[0] + counts[1]];
    System.arraycopy(nanos[0], 0, all, 0, counts[0]);
    System.arraycopy(nanos[1], 0, all, counts[0], counts[1]);
    Latencies latencies = Latencies.of(all, all.length);
    System.out.printf("[concurrency] %d agents, %s in %d rounds: %d changes, %d routes (%d PIDF-LO documents read back), %d publishes;"
        + " route %s; %d problems, %d lost updates%n", agents.size(), RUN, rounds, changes.get(), routes.get(), documentsRead.get(),
        publishes.get(), latencies, problems.size(), lost.size());
    assertThat(problems).isEmpty();
    assertThat(lost).as("agents whose last accepted change was lost").isEmpty();
    assertThat(changes.get()).isPositive();
    assertThat(routes.get()).isPositive();
    assertThat(documentsRead.get()).isPositive();
    assertThat(publishes.get()).isGreaterThan(1);
  }

  /** The PIDF-LO is the route's: its entity is the calling agent and its civic address is the route's location. */
  static List<String> documentMatches(PidfLoReader reader, String agent, EmergencyRoute.Emergency route) {
    List<String> p = new ArrayList<>();
    PidfReadResult read = reader.read(route.pidfLo());
    if (!(read instanceof PidfReadResult.Located located)) {
      p.add("PIDF-LO not readable: " + read);
      return p;
    }
    if (!located.entity().equals("pres:" + agent + "@" + DOMAIN)) {
      p.add("PIDF-LO entity " + located.entity());
    }
    String sent = located.address().map(a -> a.withoutValidation().oneLine()).orElse("(none)");
    String routed = route.location().map(l -> l.address().withoutValidation().oneLine()).orElse("(none)");
    if (!sent.equals(routed)) {
      p.add("PIDF-LO address " + sent + " but route location " + routed);
    }
    return p;
  }

  private static void await(CountDownLatch start) {
    try {
      start.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Every thread's stack (printed when the run does not finish in time: a deadlock or a livelock). */
  static String threadDump() {
    StringBuilder b = new StringBuilder("the run did not finish in time; threads:\n");
    for (ThreadInfo t : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
      b.append(t);
    }
    long[] deadlocked = ManagementFactory.getThreadMXBean().findDeadlockedThreads();
    b.append("deadlocked: ").append(deadlocked == null ? "none" : deadlocked.length + " threads");
    System.out.println(b);
    return b.toString();
  }

  /** Delivers at once (nothing logged per call). */
  static final class Quiet implements EmergencyNotifier {
    @Override
    public String id() {
      return "quiet";
    }

    @Override
    public NotificationOutcome send(EmergencyNotification n) {
      return new NotificationOutcome.Delivered(n.callId());
    }
  }

}
