package dev.e911.core.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.location.VerificationState;
import dev.e911.api.network.NetworkObservation;
import dev.e911.api.routing.Classification;
import dev.e911.api.routing.EmergencyRoute;
import dev.e911.api.routing.RouteWarning;
import dev.e911.core.config.ConfigLoader;
import dev.e911.core.config.ContactCenterConfig;
import dev.e911.core.location.LocationService;
import dev.e911.core.pidf.PidfSchemaValidator;
import dev.e911.core.testing.MutableClock;
import dev.e911.testkit.reference.ReferenceCarrier;
import dev.e911.testkit.reference.ReferenceDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EmergencyRouterTest {

  static final ContactCenterConfig CONFIG = ConfigLoader.load(Path.of("..", "examples", "contact-center.json"));
  static final DispatchableAddress MARIA_HOME = DispatchableAddress.builder("US").houseNumber("4521")
      .streetName("Avenida de los Árboles").unit("Apt 2B").city("Austin").state("TX").postalCode("78745").build();
  static final String MASKED = "+18005550100";

  MutableClock clock;
  LocationService locations;
  EmergencyRouter router;
  List<EmergencyRoute.Emergency> notified;

  @BeforeEach
  void setUp() {
    clock = new MutableClock(Instant.parse("2026-11-25T14:00:00Z"));
    ReferenceDatabase db = ReferenceDatabase.builder().clock(clock).build();
    db.addAddress(MARIA_HOME.toBuilder().unit(null).build());
    locations = LocationService.builder(CONFIG).clock(clock)
        .carrier(ReferenceCarrier.builder(db).clock(clock).backoff(Duration.ofMillis(1)).build()).build();
    notified = new ArrayList<>();
    router = EmergencyRouter.create(locations, CONFIG, "acme.example", notified::add);
  }

  private static NetworkObservation home(Instant at) {
    return NetworkObservation.builder(at).localAddress("192.168.1.23").publicAddress("192.0.2.77").build();
  }

  private static EmergencyRoute.Emergency emergency(EmergencyRoute r) {
    assertThat(r).isInstanceOf(EmergencyRoute.Emergency.class);
    return (EmergencyRoute.Emergency) r;
  }

  @Test
  @DisplayName("a verified home agent's 911 carries her DID, her confirmed address as valid PIDF-LO, and no warning")
  void verifiedHomeAgent() {
    locations.observe("maria", home(clock.instant()));
    locations.confirm("maria", MARIA_HOME, "maria");
    EmergencyRoute.Emergency e = emergency(router.route("maria", "911", null));
    assertThat(e.classification()).isEqualTo(Classification.EMERGENCY);
    assertThat(e.callbackNumber().orElseThrow().e164()).isEqualTo("+15125550117");
    assertThat(e.presentedNumber().orElseThrow().value()).isEqualTo("+15125550117").isNotEqualTo(MASKED);
    assertThat(e.location().orElseThrow().verification()).isEqualTo(VerificationState.REMOTE_VERIFIED);
    assertThat(e.warnings()).isEmpty();
    String pidf = new String(e.pidfLo(), StandardCharsets.UTF_8);
    assertThat(pidf).contains("Avenida de los Árboles", "78745", "2026-11-25T14:00:00");
    assertThat(PidfSchemaValidator.standard().validate(e.pidfLo()).isValid()).isTrue();
    assertThat(e.geolocation()).startsWith("<cid:");
    assertThat(e.geolocationRouting()).isEqualTo("yes");
    assertThat(e.notifyOnSite()).isTrue();
    assertThat(notified).containsExactly(e);
  }

  @Test
  @DisplayName("the timestamp is patched per call: the same agent a minute later gets a new time, same address")
  void timestampPatched() {
    locations.observe("maria", home(clock.instant()));
    locations.confirm("maria", MARIA_HOME, "maria");
    String first = new String(emergency(router.route("maria", "911", null)).pidfLo(), StandardCharsets.UTF_8);
    clock.advance(Duration.ofMinutes(1));
    String second = new String(emergency(router.route("maria", "911", null)).pidfLo(), StandardCharsets.UTF_8);
    assertThat(first).contains("14:00:00").doesNotContain("14:01:00");
    assertThat(second).contains("14:01:00");
    assertThat(first.length()).isEqualTo(second.length());
  }

  @Test
  @DisplayName("a location change is visible to the very next route")
  void changeIsVisibleAtOnce() {
    locations.observe("maria", home(clock.instant()));
    assertThat(emergency(router.route("maria", "911", null)).location().orElseThrow().address().city()).hasValue("San Francisco");
    locations.confirm("maria", MARIA_HOME, "maria");
    assertThat(emergency(router.route("maria", "911", null)).location().orElseThrow().address().city()).hasValue("Austin");
  }

  @Test
  @DisplayName("933 is a test call, 9911 routes behind the outside-line prefix, anything else is not an emergency")
  void classifications() {
    EmergencyRoute.Emergency test = emergency(router.route("grace", "933", null));
    assertThat(test.classification()).isEqualTo(Classification.EMERGENCY_TEST);
    assertThat(test.notifyOnSite()).isFalse();
    assertThat(emergency(router.route("grace", "9911", null)).dialled()).isEqualTo("911");
    assertThat(emergency(router.route("grace", "sip:911@sbc.acme.example;user=phone", null)).classification())
        .isEqualTo(Classification.EMERGENCY);
    assertThat(router.route("grace", "4155550100", null)).isInstanceOf(EmergencyRoute.NotEmergency.class);
    assertThat(router.route("grace", "9110", null)).isInstanceOf(EmergencyRoute.NotEmergency.class);
    assertThat(notified).hasSize(3);
  }

  @Test
  @DisplayName("an agent without DID on an unverified home network gets a pool ELIN, and the PSAP callback reaches her")
  void poolElinAndCallback() {
    locations.observe("luis", home(clock.instant()));
    EmergencyRoute.Emergency e = emergency(router.route("luis", "911", null));
    String elin = e.callbackNumber().orElseThrow().e164();
    assertThat(elin).isIn("+14155550190", "+14155550191", "+14155550192");
    assertThat(e.warnings()).extracting(RouteWarning::code).contains(RouteWarning.Code.LOCATION_UNVERIFIED,
        RouteWarning.Code.LOCATION_FALLBACK, RouteWarning.Code.CALLBACK_FALLBACK, RouteWarning.Code.BINDING_NOT_PROVISIONED);
    assertThat(router.callbackTarget(elin, clock.instant().plusSeconds(600))).hasValue("luis");
    assertThat(router.callbackTarget(elin, clock.instant().plus(Duration.ofMinutes(61)))).isEmpty();
  }

  @Test
  @DisplayName("when the pool is exhausted the least recently leased ELIN is reused, with a warning")
  void poolExhaustion() {
    for (String agent : List.of("luis", "aisha")) {
      router.route(agent, "911", null);
      clock.advance(Duration.ofSeconds(1));
    }
    ElinPool pool = new ElinPool(CONFIG.site("remote").orElseThrow().elinPool(), Duration.ofMinutes(60));
    Instant t = clock.instant();
    List<ElinPool.Lease> leases = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      leases.add(pool.lease("agent" + i, t.plusSeconds(i)).orElseThrow());
    }
    assertThat(leases.subList(0, 3)).noneMatch(ElinPool.Lease::reused);
    assertThat(leases.get(3).reused()).isTrue();
    assertThat(leases.get(3).elin()).isEqualTo(leases.get(0).elin());
    assertThat(pool.callbackTarget(leases.get(0).elin().e164(), t.plusSeconds(10))).hasValue("agent3");
  }

  @Test
  @DisplayName("an unknown agent's emergency still routes, on the fallback location, and says so")
  void unknownAgent() {
    EmergencyRoute.Emergency e = emergency(router.route("ghost<&>", "911", null));
    assertThat(e.warnings()).extracting(RouteWarning::code).contains(RouteWarning.Code.UNKNOWN_AGENT);
    assertThat(e.location().orElseThrow().locationId()).hasValue("sf-hq-lobby");
    assertThat(e.callbackNumber().orElseThrow().e164()).isEqualTo("+14155550140");
    assertThat(PidfSchemaValidator.standard().validate(e.pidfLo()).isValid()).isTrue();
  }

  @Test
  @DisplayName("a call from a known office network sends that office, not the agent's home claim")
  void observationAtCallTime() {
    locations.observe("maria", home(clock.instant()));
    locations.confirm("maria", MARIA_HOME, "maria");
    EmergencyRoute.Emergency e = emergency(router.route("maria", "911",
        NetworkObservation.builder(clock.instant()).localAddress("10.20.12.40").build()));
    assertThat(e.location().orElseThrow().locationId()).hasValue("nyc-12");
    assertThat(e.warnings()).extracting(RouteWarning::code).contains(RouteWarning.Code.LOCATION_FALLBACK);
    assertThat(new String(e.pidfLo(), StandardCharsets.UTF_8)).contains("New York");
  }
}
