package dev.e911.core.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.location.Location;
import dev.e911.api.routing.EmergencyRoute;
import dev.e911.core.config.ContactCenterConfig;
import dev.e911.core.location.LocationService;
import dev.e911.core.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Routes from several threads while configurations are swapped continuously: every answer is internally consistent. */
class EmergencyRouterConcurrencyTest {

  /** The example with every location's street renamed, so each generation is recognisable in the PIDF-LO. */
  private static ContactCenterConfig generation(String street) {
    ContactCenterConfig c = EmergencyRouterTest.CONFIG;
    List<Location> renamed = new ArrayList<>();
    for (Location l : c.locations()) {
      DispatchableAddress a = l.address().toBuilder().streetName(street).build();
      renamed.add(new Location(l.id(), l.name(), a, l.elins()));
    }
    return new ContactCenterConfig(c.name(), c.defaultRegion(), c.outsideLinePrefix(), c.policies(), c.carriers(), c.sites(),
        renamed, c.networkMap(), c.agents(), c.rules(), c.notifiers(), c.agentLocations());
  }

  @Test
  @DisplayName("no answer mixes two configurations while they are swapped under load")
  void noTornAnswers() throws Exception {
    ContactCenterConfig a = generation("Alpha");
    ContactCenterConfig b = generation("Bravo");
    LocationService locations = LocationService.builder(a).clock(new MutableClock(Instant.parse("2026-11-25T14:00:00Z"))).build();
    EmergencyRouter router = EmergencyRouter.create(locations, a, "acme.example", e -> { });
    AtomicBoolean stop = new AtomicBoolean();
    ConcurrentLinkedQueue<String> torn = new ConcurrentLinkedQueue<>();
    AtomicInteger routed = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch started = new CountDownLatch(3);
    String[] agents = {"maria", "grace", "nina", "luis", "ghost"};
    for (int t = 0; t < 3; t++) {
      pool.submit(() -> {
        started.countDown();
        int i = 0;
        while (!stop.get()) {
          EmergencyRoute r = router.route(agents[i++ % agents.length], "911", null);
          EmergencyRoute.Emergency e = (EmergencyRoute.Emergency) r;
          String street = e.location().orElseThrow().address().streetName().orElseThrow();
          String pidf = new String(e.pidfLo(), StandardCharsets.UTF_8);
          String other = street.equals("Alpha") ? "Bravo" : "Alpha";
          if (!pidf.contains(">" + street + "<") || pidf.contains(">" + other + "<")) {
            torn.add(e.agentId() + ": location " + street + " but document " + pidf);
          }
          routed.incrementAndGet();
        }
        return null;
      });
    }
    started.await();
    for (int swap = 0; swap < 200; swap++) {
      router.publish(swap % 2 == 0 ? b : a, "acme.example");
    }
    stop.set(true);
    pool.shutdown();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    assertThat(routed.get()).isPositive();
    assertThat(torn).isEmpty();
  }
}
