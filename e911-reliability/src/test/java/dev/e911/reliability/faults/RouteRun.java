package dev.e911.reliability.faults;

import dev.e911.api.agent.Agent;
import dev.e911.api.location.LocationSource;
import dev.e911.api.location.VerificationState;
import dev.e911.api.routing.EmergencyRoute;
import dev.e911.api.routing.RouteWarning;
import dev.e911.core.E911;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.time.Duration;

/**
 * Takes {@code n} emergency routes from several threads through a built {@link E911}, timing each
 * call, checking each answer ({@link #problems}), and running a hook once a third of them are done (to
 * inject a fault mid-run). Nothing thrown by {@code route} is swallowed: it is counted as a failure.
 */
public final class RouteRun {

  /** Codes that mean the router could not do its normal work (internal failure or an unknown agent). */
  private static final Set<RouteWarning.Code> NEVER = EnumSet.of(RouteWarning.Code.NO_LOCATION,
      RouteWarning.Code.UNKNOWN_AGENT, RouteWarning.Code.NO_CALLBACK_NUMBER);
  /**
   * One call in ten is a 911 (with its Kari's Law notification; under a notifier fault every one of them
   * logs its overflow on the calling thread, which is measured but kept from flooding the test output),
   * the rest are 933 test calls taking the same routing path.
   */
  private static final String[] DIALLED = {"911", "9911", "933", "933", "933", "933", "933", "933", "933", "933",
      "933", "933", "933", "933", "933", "933", "933", "933", "933", "933"};

  /** What a run measured. */
  /** What a run measured: all timed routes, and the 911 calls alone (which also dispatch the Kari's Law notification). */
  public record Result(int routes, Latencies latencies, Latencies emergencies, List<String> failures) {}

  private RouteRun() {}

  /**
   * Runs {@code n} routes over {@code threads} threads for the given agents (round robin with random
   * dial strings), after {@code warmup} unmeasured routes; {@code midRun} runs once, on a routing thread,
   * after a third of the measured routes.
   */
  public static Result run(E911 e911, List<String> agents, int n, int threads, int warmup, Runnable midRun) {
    return run(e911, agents, n, threads, warmup, midRun, () -> true, Duration.ZERO);
  }

  /**
   * As {@link #run(E911, List, int, int, int, Runnable)}, but routing goes on after {@code n} routes until
   * {@code until} holds (the injected fault has been met) or {@code limit} has passed; every route is checked,
   * the first {@code 4 n} are timed.
   */
  public static Result run(E911 e911, List<String> agents, int n, int threads, int warmup, Runnable midRun,
      BooleanSupplier until, Duration limit) {
    for (int i = 0; i < warmup; i++) {
      e911.router().route(agents.get(i % agents.size()), DIALLED[i % DIALLED.length], null);
    }
    long[] nanos = new long[4 * n];
    boolean[] nineOneOne = new boolean[nanos.length];
    long deadline = System.nanoTime() + limit.toNanos();
    AtomicBoolean enough = new AtomicBoolean();
    AtomicInteger next = new AtomicInteger();
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>();
    int trigger = n / 3;
    for (int t = 0; t < threads; t++) {
      SplittableRandom random = new SplittableRandom(42 + t);
      Thread w = new Thread(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          return;
        }
        for (int i; (i = next.getAndIncrement()) < n || !enough.get(); ) {
          if (i >= n && (i & 63) == 0 && (until.getAsBoolean() || System.nanoTime() > deadline)) {
            enough.set(true);
          }
          if (i == trigger && midRun != null) {
            midRun.run();
          }
          String agent = agents.get(random.nextInt(agents.size()));
          String dialled = DIALLED[random.nextInt(DIALLED.length)];
          try {
            long t0 = System.nanoTime();
            EmergencyRoute r = e911.router().route(agent, dialled, null);
            long dt = System.nanoTime() - t0;
            if (i < nanos.length) {
              nanos[i] = dt;
              nineOneOne[i] = dialled.endsWith("911");
            }
            List<String> p = problems(e911, agent, r);
            if (!p.isEmpty() && failures.size() < 20) {
              failures.add(agent + " " + dialled + ": " + p + " in " + r);
            }
          } catch (Throwable ex) {
            failures.add(agent + " " + dialled + ": threw " + ex);
          }
        }
      }, "route-" + t);
      w.start();
      workers.add(w);
    }
    start.countDown();
    for (Thread w : workers) {
      try {
        w.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    int routed = Math.min(next.get(), nanos.length);
    long[] emergencies = new long[routed];
    int e = 0;
    for (int i = 0; i < routed; i++) {
      if (nineOneOne[i]) {
        emergencies[e++] = nanos[i];
      }
    }
    return new Result(next.get(), Latencies.of(nanos, routed), Latencies.of(emergencies, e), List.copyOf(failures));
  }

  /**
   * What is wrong with one answer: it must be an emergency with a callback number, a location and a
   * PIDF-LO, none of the never-expected warnings, and the warnings its own state calls for (a site
   * default is named, an unverified claim is named, a callback other than the agent's DID is named).
   */
  public static List<String> problems(E911 e911, String agentId, EmergencyRoute route) {
    List<String> p = new ArrayList<>();
    if (!(route instanceof EmergencyRoute.Emergency e) || !route.classification().isEmergency()) {
      p.add("not an emergency");
      return p;
    }
    Set<RouteWarning.Code> codes = EnumSet.noneOf(RouteWarning.Code.class);
    e.warnings().forEach(w -> codes.add(w.code()));
    if (e.callbackNumber().isEmpty() || e.presentedNumber().isEmpty()) {
      p.add("no callback number");
    }
    if (e.location().isEmpty()) {
      p.add("no location");
    }
    if (e.pidfLoLength() == 0) {
      p.add("no PIDF-LO");
    }
    if (e.geolocation().isEmpty()) {
      p.add("no Geolocation header");
    }
    for (RouteWarning.Code c : codes) {
      if (NEVER.contains(c)) {
        p.add("warning " + c);
      }
    }
    e.location().ifPresent(l -> {
      if (!l.agentId().equals(agentId)) {
        p.add("location of " + l.agentId());
      }
      if (l.source() == LocationSource.SITE_DEFAULT && !codes.contains(RouteWarning.Code.LOCATION_FALLBACK)) {
        p.add("site default without LOCATION_FALLBACK");
      }
      if (l.source() != LocationSource.SITE_DEFAULT && l.verification() == VerificationState.UNVERIFIED
          && !codes.contains(RouteWarning.Code.LOCATION_UNVERIFIED)) {
        p.add("unverified claim without LOCATION_UNVERIFIED");
      }
    });
    Agent agent = e911.config().agent(agentId).orElse(null);
    if (agent != null && e.callbackNumber().isPresent()) {
      boolean isDid = agent.did().map(d -> d.equals(e.callbackNumber().get())).orElse(false);
      if (!isDid && !codes.contains(RouteWarning.Code.CALLBACK_FALLBACK)) {
        p.add("callback " + e.callbackNumber().get() + " is not the DID and no CALLBACK_FALLBACK");
      }
      if (agent.did().isPresent() && !isDid) {
        p.add("agent has a DID but " + e.callbackNumber().get() + " was sent");
      }
    }
    return p;
  }
}
