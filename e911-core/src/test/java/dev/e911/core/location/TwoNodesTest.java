package dev.e911.core.location;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.e911.api.location.LocationSource;
import dev.e911.api.location.VerificationState;
import dev.e911.api.network.NetworkObservation;
import dev.e911.api.routing.EmergencyRoute;
import dev.e911.core.route.EmergencyRouter;
import dev.e911.core.store.JdbcLocationStore;
import dev.e911.core.testing.MutableClock;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Two service instances on one H2 database: a change accepted on one reaches the other's state and routing. */
class TwoNodesTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T14:00:00Z"));
  private final String url = "jdbc:h2:mem:two-nodes-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
  private final JdbcLocationStore storeA = JdbcLocationStore.builder().url(url).user("sa").clock(clock).build();
  private final JdbcLocationStore storeB = JdbcLocationStore.builder().url(url).user("sa").clock(clock).build();

  @AfterEach
  void close() {
    storeA.close();
    storeB.close();
  }

  @Test
  @DisplayName("a sign-in on node A reaches node B's state and routing at B's next poll")
  void replication() {
    LocationService a = LocationService.builder(LocationServiceTest.CONFIG).clock(clock).store(storeA).build();
    LocationService b = LocationService.builder(LocationServiceTest.CONFIG).clock(clock).store(storeB).build();
    EmergencyRouter routerB = EmergencyRouter.create(b, LocationServiceTest.CONFIG, "acme.example", e -> { });

    a.observe("grace", NetworkObservation.builder(clock.instant()).localAddress("10.10.3.9").build());
    assertThat(b.current("grace")).isEmpty();
    assertThat(b.pollChanges()).isEqualTo(1);
    assertThat(b.current("grace").orElseThrow().locationId()).hasValue("sf-hq-3");
    EmergencyRoute.Emergency e = (EmergencyRoute.Emergency) routerB.route("grace", "911", null);
    assertThat(e.location().orElseThrow().locationId()).hasValue("sf-hq-3");
    assertThat(b.pollChanges()).isZero();
  }

  @Test
  @DisplayName("conflicting writes from both nodes: the second is refused, takes the first's state, and nothing is lost")
  void conflict() {
    LocationService a = LocationService.builder(LocationServiceTest.CONFIG).clock(clock).store(storeA).build();
    LocationService b = LocationService.builder(LocationServiceTest.CONFIG).clock(clock).store(storeB).build();
    a.observe("grace", NetworkObservation.builder(clock.instant()).localAddress("10.10.3.9").build());
    b.pollChanges();
    a.observe("grace", NetworkObservation.builder(clock.instant()).localAddress("10.10.2.9").build()); // A moves her to floor 2
    assertThatThrownBy(() -> b.adminAssign("grace", "nyc-12", "admin@acme", "temporary desk")) // B still thinks floor 3
        .isInstanceOf(ConcurrentChangeException.class);
    assertThat(b.current("grace").orElseThrow().locationId()).hasValue("sf-hq-2");
    assertThat(b.adminAssign("grace", "nyc-12", "admin@acme", "temporary desk").source()).isEqualTo(LocationSource.ADMIN_ASSIGNED);
    a.pollChanges();
    assertThat(a.current("grace").orElseThrow().locationId()).hasValue("nyc-12");
    assertThat(a.history("grace", 10)).extracting(c -> c.locationId()).containsExactly("nyc-12", "sf-hq-2", "sf-hq-3");
    assertThat(a.current("grace").orElseThrow().verification()).isEqualTo(VerificationState.REMOTE_VERIFIED);
  }
}
