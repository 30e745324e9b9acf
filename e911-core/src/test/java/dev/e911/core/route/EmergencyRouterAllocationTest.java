package dev.e911.core.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e911.api.network.NetworkObservation;
import dev.e911.api.routing.EmergencyRoute;
import dev.e911.core.location.LocationService;
import dev.e911.core.testing.MutableClock;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Budget test of the emergency route (issue 6): bytes allocated per call by the calling thread, exact
 * ({@code ThreadMXBean}), at most the PIDF-LO document's length + 200 — the document array itself
 * (length + 16), the answer and its builder, nothing else: no {@code NetworkMatch}, no {@code Instant},
 * no per-call strings or {@code Optional}s. Counted, not timed; holds in the interpreter as well as after
 * escape analysis because the hot path no longer creates those objects at all.
 */
class EmergencyRouterAllocationTest {

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static volatile Object sink;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T14:00:00Z"));
  private final LocationService locations = LocationService.builder(EmergencyRouterTest.CONFIG).clock(clock).build();
  private final EmergencyRouter router = EmergencyRouter.create(locations, EmergencyRouterTest.CONFIG, "acme.example", e -> sink = e);

  @Test
  @DisplayName("a route allocates at most its PIDF-LO length + 200 bytes: office, remote, unverified, no claim, observed, unknown")
  void routeBudget() {
    NetworkObservation office = NetworkObservation.builder(clock.instant()).localAddress("10.20.12.40").build();
    NetworkObservation homeNetwork = NetworkObservation.builder(clock.instant()).localAddress("192.168.1.23").build();
    locations.observe("nina", office); // an office agent observed in her location's subnet: NETWORK_MATCH
    String[] agents = {"nina", "grace", "maria", "tom", "wei"};
    for (String agent : agents) {
      // an observation that agrees with the claim (her office subnet) or maps nowhere (a home network); one that
      // moves the agent to another office takes the slow path (a new claim, its fingerprint, a warning), not budgeted
      for (NetworkObservation o : agent.equals("nina") ? new NetworkObservation[] {null, office, homeNetwork}
          : new NetworkObservation[] {null, homeNetwork}) {
        String id = new String(agent.toCharArray()); // not the configured instance: the map lookup hashes and compares
        assertWithinBudget(agent + (o == null ? "" : " observed at " + o.localAddresses()), () -> router.route(id, "911", o));
      }
    }
    // an unknown agent's document is the generation's pre-rendered fallback with the id written in; its claim is
    // built per call through AgentLocation's validating builder (e911-api), which allocates ~700 B: budgeted apart
    assertWithinBudget("unknown agent", () -> router.route("ghost-17", "911", null), 1024);
  }

  private static void assertWithinBudget(String what, Supplier<EmergencyRoute> call) {
    assertWithinBudget(what, call, 200);
  }

  private static void assertWithinBudget(String what, Supplier<EmergencyRoute> call, int overhead) {
    EmergencyRoute.Emergency e = (EmergencyRoute.Emergency) call.get();
    for (int i = 0; i < 20_000; i++) {
      sink = call.get();
    }
    int n = 20_000;
    long before = THREADS.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < n; i++) {
      sink = call.get();
    }
    long perCall = (THREADS.getCurrentThreadAllocatedBytes() - before) / n;
    System.out.printf("[allocation] %-40s PIDF-LO %5d B, allocated per route %5d B (budget %d)%n", what, e.pidfLoLength(),
        perCall, e.pidfLoLength() + overhead);
    assertThat(perCall).as(what).isLessThanOrEqualTo(e.pidfLoLength() + (long) overhead);
    assertThat(perCall).as(what + ": the document itself is allocated").isGreaterThanOrEqualTo(e.pidfLoLength());
  }
}
