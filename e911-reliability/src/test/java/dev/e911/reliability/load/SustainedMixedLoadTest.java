package dev.e911.reliability.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.routing.EmergencyRoute;
import dev.e911.api.site.Site;
import dev.e911.api.spi.EmergencyNotification;
import dev.e911.api.spi.EmergencyNotifier;
import dev.e911.api.spi.NotificationOutcome;
import dev.e911.core.E911;
import dev.e911.core.config.ContactCenterConfig;
import dev.e911.core.store.JdbcLocationStore;
import dev.e911.reliability.Scale;
import dev.e911.reliability.faults.Centers;
import dev.e911.reliability.faults.Latencies;
import dev.e911.reliability.faults.RouteRun;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, load: a sustained mixed workload (routes, gate checks, network observations, address
 * confirmations with carrier provisioning) against {@link E911} over a generated center and a
 * {@link JdbcLocationStore} on an H2 file, for a bounded time. Reports throughput and p50/p99 per
 * operation kind, and the retained heap (used heap after forced full collections, sampled at intervals);
 * asserts every operation succeeded, every route was a usable emergency route, and the retained heap did
 * not grow in a sustained way (a generous bound).
 */
class SustainedMixedLoadTest {

  static final Duration RUN = Duration.ofSeconds(Scale.of(8, 300));
  static final Duration HEAP_EVERY = Duration.ofMillis(Scale.of(1_000, 15_000));
  static final int EXTRA_AGENTS = Scale.of(500, 20_000);
  static final int WORKERS = 3;
  static final int RING = 1 << 18;
  static final long MB = 1024 * 1024;

  enum Kind { ROUTE, GATE, OBSERVE, CONFIRM }

  /** One worker's latency samples per kind (a ring: the newest {@link #RING} of each). */
  static final class Samples {
    final long[][] nanos = new long[Kind.values().length][RING];
    final long[] counts = new long[Kind.values().length];

    void add(Kind k, long dt) {
      nanos[k.ordinal()][(int) (counts[k.ordinal()]++ & (RING - 1))] = dt;
    }
  }

  @Test
  void sustainedMixedWorkloadKeepsLatencyAndRetainedHeap() throws Exception {
    ContactCenterConfig config = Centers.generated(EXTRA_AGENTS);
    Path dir = Files.createDirectories(Path.of("target", "reliability", "load-h2-" + UUID.randomUUID()));
    JdbcLocationStore store = JdbcLocationStore.builder().url("jdbc:h2:file:" + dir.toAbsolutePath().resolve("e911") + ";CACHE_SIZE=8192")
        .clock(Clock.systemUTC()).build();
    AtomicLong notified = new AtomicLong();
    E911 e911 = E911.builder().config(config).store(store).notifier(new EmergencyNotifier() {
      @Override
      public String id() {
        return "counting";
      }

      @Override
      public NotificationOutcome send(EmergencyNotification n) {
        notified.incrementAndGet();
        return new NotificationOutcome.Delivered(n.callId());
      }
    }).build();
    List<String> agents = Centers.agentIds(config);
    List<String> remote = agents.stream().filter(id -> config.agent(id).flatMap(a -> config.site(a.siteId()))
        .map(s -> s.kind() == Site.Kind.REMOTE).orElse(false)).toList();
    List<DispatchableAddress> homes = Centers.homes();
    List<String> problems = Collections.synchronizedList(new ArrayList<>());
    // every agent signs in once before the run: per-agent state (claims, router entries, gate decisions) is then
    // all there, and what the heap samples show is growth during the run, not agents seen for the first time
    agents.parallelStream().forEach(agent -> {
      e911.locations().observe(agent, Centers.network(new Random(agent.hashCode()), Instant.now()));
      e911.gate().check(agent);
      e911.router().route(agent, "933", null);
    });
    Samples[] samples = new Samples[WORKERS];
    long end = System.nanoTime() + RUN.toNanos();
    List<Thread> workers = new ArrayList<>();
    for (int w = 0; w < WORKERS; w++) {
      Samples mine = samples[w] = new Samples();
      Random random = new Random(300 + w);
      workers.add(new Thread(() -> {
        while (System.nanoTime() < end) {
          int dice = random.nextInt(100);
          String agent = agents.get(random.nextInt(agents.size()));
          try {
            if (dice < 40) {
              String dialled = random.nextInt(10) == 0 ? "911" : "933";
              long t0 = System.nanoTime();
              EmergencyRoute r = e911.router().route(agent, dialled, null);
              mine.add(Kind.ROUTE, System.nanoTime() - t0);
              List<String> p = RouteRun.problems(e911, agent, r);
              if (!p.isEmpty() && problems.size() < 20) {
                problems.add(agent + " " + dialled + ": " + p);
              }
            } else if (dice < 70) {
              long t0 = System.nanoTime();
              e911.gate().check(agent);
              mine.add(Kind.GATE, System.nanoTime() - t0);
            } else if (dice < 95) {
              long t0 = System.nanoTime();
              e911.locations().observe(agent, Centers.network(random, Instant.now()));
              mine.add(Kind.OBSERVE, System.nanoTime() - t0);
            } else {
              String r = remote.get(random.nextInt(remote.size()));
              long t0 = System.nanoTime();
              e911.locations().confirm(r, homes.get(random.nextInt(homes.size())), r);
              mine.add(Kind.CONFIRM, System.nanoTime() - t0);
            }
          } catch (RuntimeException e) {
            if (problems.size() < 20) {
              problems.add(agent + ": threw " + e);
            }
          }
        }
      }, "load-" + w));
    }

    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    List<Long> heap = new ArrayList<>();
    long started = System.nanoTime();
    workers.forEach(Thread::start);
    while (System.nanoTime() < end) {
      Thread.sleep(Math.min(HEAP_EVERY.toMillis(), Math.max(1, (end - System.nanoTime()) / 1_000_000)));
      heap.add(retained(memory));
    }
    for (Thread t : workers) {
      t.join(60_000);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    long after = retained(memory);
    e911.close();
    store.close();

    StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "[load] %d agents, %.1f s, %d workers, H2 file store (8 MB cache), every agent signed in before the run%n",
        agents.size(), seconds, WORKERS));
    report.append("| Operation | Count | Throughput (ops/s) | p50 (µs) | p99 (µs) | max (µs) |\n|---|---:|---:|---:|---:|---:|\n");
    long total = 0;
    for (Kind k : Kind.values()) {
      long count = 0;
      long[] merged = new long[WORKERS * RING];
      int n = 0;
      for (Samples s : samples) {
        long c = s.counts[k.ordinal()];
        count += c;
        int kept = (int) Math.min(c, RING);
        System.arraycopy(s.nanos[k.ordinal()], 0, merged, n, kept);
        n += kept;
      }
      total += count;
      Latencies l = Latencies.of(merged, n);
      report.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.1f | %.1f | %.1f |%n", k.name().toLowerCase(Locale.ROOT),
          count, count / seconds, l.p50Micros(), l.p99Micros(), l.maxMicros()));
      assertThat(count).as(k + " operations").isPositive();
    }
    report.append(String.format(Locale.ROOT, "total %.0f ops/s; %d notifications delivered; retained heap (MB, after forced GC): %s; after the run %d%n",
        total / seconds, notified.get(), heap.stream().map(b -> Long.toString(b / MB)).toList(), after / MB));
    System.out.print(report);
    Path out = Path.of("target", "reliability", "load-" + (Scale.heavy() ? "heavy" : "small") + ".md");
    Files.writeString(out, report, StandardCharsets.UTF_8);

    assertThat(problems).isEmpty();
    assertThat(heap).hasSizeGreaterThanOrEqualTo(4);
    System.out.printf(Locale.ROOT, "[load] retained heap: first %d MB, last %d MB, %.2f MB/min over the run%n", heap.get(0) / MB,
        heap.get(heap.size() - 1) / MB, (heap.get(heap.size() - 1) - heap.get(0)) / (double) MB / (seconds / 60));
    // no sustained growth: the lowest retained heap of the last quarter of samples against the lowest of the
    // first half after the first sample (warm-up: caches, JIT, the dispatcher's record of recent calls)
    List<Long> warm = heap.subList(1, heap.size());
    long early = Collections.min(warm.subList(0, Math.max(1, warm.size() / 2)));
    long late = Collections.min(warm.subList(warm.size() - Math.max(1, warm.size() / 4), warm.size()));
    assertThat(late - early).as("retained heap growth over the run (bytes)").isLessThan(Math.max(32 * MB, early / 2));
  }

  private static long retained(MemoryMXBean memory) {
    System.gc();
    System.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }
}
