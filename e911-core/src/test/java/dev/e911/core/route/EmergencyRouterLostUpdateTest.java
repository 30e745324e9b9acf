package dev.e911.core.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e911.api.location.AgentLocation;
import dev.e911.api.routing.EmergencyRoute;
import dev.e911.core.config.ContactCenterConfig;
import dev.e911.core.config.ConfigLoader;
import dev.e911.core.location.LocationService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A location change made while a configuration is being published must not be lost by the router: the
 * publisher's rebuild of the agent's entry (which read the claim before the change) used to overwrite the
 * entry the change had just built, and calls kept sending the old location until the agent's next change.
 * Found by the reliability suite (SnapshotConsistencyTest).
 */
class EmergencyRouterLostUpdateTest {

  @Test
  @DisplayName("after changes raced with a publish storm, the router sends the agent's last location")
  void noLocationChangeIsLostToAConcurrentPublish() throws Exception {
    ContactCenterConfig a = ConfigLoader.load(Path.of("..", "examples", "contact-center.json"));
    ContactCenterConfig b = ConfigLoader.load(Path.of("..", "examples", "contact-center.json"));
    List<String> lost = new ArrayList<>();
    long until = System.nanoTime() + 3_000_000_000L;
    int rounds = 0;
    while (rounds < 300 && System.nanoTime() < until && lost.isEmpty()) {
      rounds++;
      LocationService locations = LocationService.builder(a).build();
      EmergencyRouter router = EmergencyRouter.create(locations, a, "acme.example", e -> { });
      AtomicBoolean stop = new AtomicBoolean();
      Thread storm = new Thread(() -> {
        for (int i = 0; !stop.get(); i++) {
          router.publish(i % 2 == 0 ? b : a, "acme.example");
        }
      });
      storm.start();
      AgentLocation last = null;
      for (int i = 0; i < 50; i++) {
        last = locations.adminAssign("maria", i % 2 == 0 ? "sf-hq-2" : "sf-hq-3", "admin", "moves");
      }
      stop.set(true);
      storm.join();
      AgentLocation routed = ((EmergencyRoute.Emergency) router.route("maria", "933", null)).location().orElseThrow();
      if (!routed.equals(last)) {
        lost.add("round " + rounds + ": last change " + last + ", routed " + routed);
      }
    }
    assertThat(rounds).isPositive();
    assertThat(lost).isEmpty();
  }
}
