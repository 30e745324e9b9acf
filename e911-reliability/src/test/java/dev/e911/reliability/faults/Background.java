package dev.e911.reliability.faults;

import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.site.Site;
import dev.e911.core.E911;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * What the rest of the system does while calls are routed: agents sign in and change networks
 * (observe), confirm home addresses (carrier validation and provisioning, platform assignment), the
 * outbox is worked, the gate is checked. Every exception is counted by type (a fault is expected to
 * surface here, never on the call path).
 */
final class Background implements AutoCloseable {
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean stop;
  private final AtomicLong operations = new AtomicLong();
  private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();

  /**
   * @param pause between two operations of one thread (a sign-in storm, not a CPU hog that would only
   *     measure the test's own contention)
   */
  Background(E911 e911, List<String> agents, int threadCount, boolean confirmations, Duration pause) {
    List<DispatchableAddress> homes = Centers.homes();
    // only agents of remote sites confirm home addresses (an office agent without a DID has no callback at home)
    List<String> remote = agents.stream().filter(id -> e911.config().agent(id)
        .flatMap(a -> e911.config().site(a.siteId())).map(s -> s.kind() == Site.Kind.REMOTE).orElse(false)).toList();
    for (int t = 0; t < threadCount; t++) {
      Random random = new Random(7 + t);
      Thread th = new Thread(() -> {
        while (!stop) {
          String agent = agents.get(random.nextInt(agents.size()));
          try {
            int op = random.nextInt(10);
            if (op < 5) {
              e911.locations().observe(agent, Centers.network(random, Instant.now()));
            } else if (op < 7 && confirmations) {
              String r = remote.get(random.nextInt(remote.size()));
              e911.locations().confirm(r, homes.get(random.nextInt(homes.size())), r);
            } else if (op < 8 && confirmations) {
              e911.locations().processOutbox();
            } else {
              e911.gate().check(agent);
            }
          } catch (RuntimeException e) {
            errors.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicLong()).incrementAndGet();
          }
          operations.incrementAndGet();
          if (!pause.isZero()) {
            LockSupport.parkNanos(pause.toNanos());
          }
        }
      }, "background-" + t);
      th.setDaemon(true);
      threads.add(th);
    }
  }

  Background start() {
    threads.forEach(Thread::start);
    return this;
  }

  long operations() {
    return operations.get();
  }

  /** Exceptions the background operations met, by type. */
  Map<String, Long> errors() {
    Map<String, Long> out = new TreeMap<>();
    errors.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  /** Stops and waits (up to 30 s per thread: a remote that hangs is bounded by the adapters' timeouts). */
  @Override
  public void close() {
    stop = true;
    threads.forEach(Thread::interrupt); // a thread waiting on a hanging remote need not wait for its timeout
    for (Thread t : threads) {
      try {
        t.join(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
