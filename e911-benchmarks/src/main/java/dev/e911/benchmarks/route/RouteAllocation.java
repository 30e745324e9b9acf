package dev.e911.benchmarks.route;

import com.sun.management.ThreadMXBean;
import dev.e911.api.network.NetworkObservation;
import dev.e911.api.routing.EmergencyRoute;
import dev.e911.core.E911;
import dev.e911.core.network.NetworkLocator;
import dev.e911.core.route.EmergencyRouter;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * Where the bytes of one route go, exactly (load-independent, unlike the timings): bytes allocated
 * per call by the calling thread ({@code ThreadMXBean.getThreadAllocatedBytes}) after warm-up, for
 * the route with and without an observation, for {@code NetworkLocator.locate} and
 * {@code NetworkObservation.fingerprint()} alone, and for a repeated {@code LocationService.observe}, per agent
 * kind of a 10 000-agent {@link SyntheticContactCenter}.
 * Run: {@code java -cp e911-benchmarks/target/benchmarks.jar dev.e911.benchmarks.route.RouteAllocation}.
 */
public final class RouteAllocation {

  private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static Object sink;
  private static int intSink;

  private RouteAllocation() {}

  public static void main(String[] args) {
    Clock clock = Clock.systemUTC();
    SyntheticContactCenter cc = SyntheticContactCenter.generate(10_000, clock.instant());
    E911 e911 = E911.builder().config(cc.config).clock(clock).entityDomain("contact.example.com").build();
    EmergencyRouter router = e911.router();
    NetworkLocator locator = e911.locations().locator();
    byte[] buffer = new byte[4096];
    System.out.printf(Locale.ROOT, "%-14s %10s %14s %14s %10s %12s %14s %12s%n", "agent kind", "PIDF-LO B", "route+obs B", "route, no obs B",
        "locate B", "bestEntry B", "fingerprint B", "observe B");
    for (SyntheticContactCenter.Kind kind : SyntheticContactCenter.Kind.values()) {
      int first = 0;
      while (cc.kinds[first] != kind) {
        first++;
      }
      String id = cc.agentIds[first];
      NetworkObservation o = cc.observations[first];
      int length = ((EmergencyRoute.Emergency) router.route(id, "911", o)).pidfLoLength();
      long withObs = perCall(i -> {
        EmergencyRoute.Emergency e = (EmergencyRoute.Emergency) router.route(id, "911", o);
        e.writePidfLo(buffer, 0);
        sink = e;
      });
      long noObs = perCall(i -> sink = router.route(id, "911", null));
      long locate = perCall(i -> sink = locator.locate(o));
      long best = perCall(i -> intSink += locator.bestEntry(o)); // no boxing
      long fingerprint = perCall(i -> sink = o.fingerprint());
      long observe = perCall(i -> sink = e911.locations().observe(id, o)); // after the first call: no change
      System.out.printf(Locale.ROOT, "%-14s %10d %14d %14d %10d %12d %14d %12d%n", kind, length, withObs, noObs, locate, best, fingerprint,
          observe);
    }
    long unknown = perCall(i -> sink = router.route("ghost-1", "911", null));
    int unknownLength = ((EmergencyRoute.Emergency) router.route("ghost-1", "911", null)).pidfLoLength();
    long normal = perCall(i -> sink = router.route(cc.agentIds[0], "5125550123", cc.observations[0]));
    System.out.printf(Locale.ROOT, "unknown agent, no observation: %d B (PIDF-LO %d B); a normal number: %d B%n", unknown, unknownLength,
        normal);
  }

  private static long perCall(IntConsumer call) {
    for (int i = 0; i < 200_000; i++) {
      call.accept(i);
    }
    int n = 100_000;
    long tid = Thread.currentThread().getId();
    long before = THREADS.getThreadAllocatedBytes(tid);
    for (int i = 0; i < n; i++) {
      call.accept(i);
    }
    return Math.round((THREADS.getThreadAllocatedBytes(tid) - before) / (double) n);
  }
}
