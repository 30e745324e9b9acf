package dev.e911.core.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e911.api.location.VerificationState;
import dev.e911.api.network.NetworkObservation;
import dev.e911.api.routing.EmergencyRoute;
import dev.e911.core.location.LocationService;
import dev.e911.core.testing.MutableClock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The emergency guarantee over arbitrary input: an answer always, and never a masked callback number. */
class EmergencyRouterPropertiesTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T14:00:00Z"));
  private final LocationService locations = LocationService.builder(EmergencyRouterTest.CONFIG).clock(clock).build();
  private final AtomicInteger notifications = new AtomicInteger();
  private final EmergencyRouter router = EmergencyRouter.create(locations, EmergencyRouterTest.CONFIG, "acme.example",
      e -> notifications.incrementAndGet());

  @Provide
  Arbitrary<String> agents() {
    return Arbitraries.oneOf(Arbitraries.of("maria", "luis", "grace", "nina", "aisha", ""),
        Arbitraries.strings().ofMaxLength(300));
  }

  @Provide
  Arbitrary<String> dialled() {
    return Arbitraries.oneOf(Arbitraries.of("911", "9911", "933", "tel:911", "sip:911@x;user=phone", " 9-1-1 ", "112"),
        Arbitraries.strings().ofMaxLength(100), Arbitraries.strings().numeric().ofMaxLength(12));
  }

  @Provide
  Arbitrary<NetworkObservation> observations() {
    return Arbitraries.oneOf(
        Arbitraries.just(null),
        Arbitraries.integers().map(i -> NetworkObservation.builder(Instant.EPOCH)
            .localAddress(dev.e911.api.network.IpAddress.ofV4(i)).build()),
        Arbitraries.of("10.10.2.7", "10.20.12.1", "192.168.0.4").map(ip -> NetworkObservation.builder(Instant.EPOCH).localAddress(ip).build()));
  }

  @Property(tries = 300)
  void routeAlwaysAnswersAndNeverPresentsTheMaskedNumber(@ForAll("agents") String agent, @ForAll("dialled") String dialled,
      @ForAll("observations") NetworkObservation observation) {
    EmergencyRoute r = router.route(agent, dialled, observation);
    assertThat(r).isNotNull();
    if (r instanceof EmergencyRoute.Emergency e) {
      assertThat(e.callbackNumber().map(c -> c.e164())).isNotEqualTo(java.util.Optional.of(EmergencyRouterTest.MASKED));
      assertThat(e.presentedNumber().map(p -> p.value())).isNotEqualTo(java.util.Optional.of(EmergencyRouterTest.MASKED));
      assertThat(e.location()).isPresent();
      assertThat(e.pidfLoLength()).isPositive();
      if (e.location().get().verification() != VerificationState.REMOTE_VERIFIED) {
        assertThat(e.warnings()).isNotEmpty();
      }
    }
  }
}
