package dev.e911.core.location;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e911.api.location.LocationSource;
import dev.e911.api.location.VerificationState;
import dev.e911.api.network.NetworkObservation;
import dev.e911.core.config.ConfigLoader;
import dev.e911.core.config.ContactCenterConfig;
import dev.e911.core.testing.MutableClock;
import dev.e911.testkit.reference.ReferenceCarrier;
import dev.e911.testkit.reference.ReferenceDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The observation rules as one table: from a prior state, an observation, the rule that fires, the
 * resulting source and verification, and what must happen next (docs/locations.md).
 */
class LocationRulesTableTest {

  static final ContactCenterConfig CONFIG = ConfigLoader.load(Path.of("..", "examples", "contact-center.json"));
  static final Instant T0 = Instant.parse("2026-11-25T14:00:00Z");

  /** How the agent stands before the observation. */
  enum Prior { NOTHING, CONFIRMED_AT_HOME, CONFIRMED_AT_HOME_13H_AGO, AT_OFFICE_FLOOR_2 }

  static NetworkObservation home(Instant t) {
    return NetworkObservation.builder(t).localAddress("192.168.1.23").publicAddress("192.0.2.77").build();
  }

  static Stream<Arguments> rules() {
    Function<Instant, NetworkObservation> office2 = t -> NetworkObservation.builder(t).localAddress("10.10.2.40").build();
    Function<Instant, NetworkObservation> floor4 = t -> NetworkObservation.builder(t).localAddress("10.10.4.40").build();
    Function<Instant, NetworkObservation> cafe = t -> NetworkObservation.builder(t).localAddress("172.20.1.5").publicAddress("192.0.2.200").build();
    Function<Instant, NetworkObservation> vpn = t -> NetworkObservation.builder(t).localAddress("192.168.9.9").publicAddress("198.51.100.4").build();
    Function<Instant, NetworkObservation> home = LocationRulesTableTest::home;
    return Stream.of(
        Arguments.of(Rule.KNOWN_NETWORK_VERIFIES, Prior.NOTHING, office2, LocationSource.NETWORK_MATCH, VerificationState.REMOTE_VERIFIED, NextAction.NONE),
        Arguments.of(Rule.KNOWN_NETWORK_VERIFIES, Prior.AT_OFFICE_FLOOR_2, office2, LocationSource.NETWORK_MATCH, VerificationState.REMOTE_VERIFIED, NextAction.NONE),
        Arguments.of(Rule.KNOWN_NETWORK_NOT_DISPATCHABLE, Prior.NOTHING, floor4, LocationSource.NETWORK_MATCH, VerificationState.UNVERIFIED, NextAction.PROMPT),
        Arguments.of(Rule.SAME_NETWORK_KEEPS_VERIFICATION, Prior.CONFIRMED_AT_HOME, home, LocationSource.USER_CONFIRMED, VerificationState.REMOTE_VERIFIED, NextAction.NONE),
        Arguments.of(Rule.VERIFICATION_AGED, Prior.CONFIRMED_AT_HOME_13H_AGO, home, LocationSource.USER_CONFIRMED, VerificationState.STALE, NextAction.REVERIFY),
        Arguments.of(Rule.NETWORK_CHANGED, Prior.CONFIRMED_AT_HOME, cafe, LocationSource.USER_CONFIRMED, VerificationState.UNVERIFIED, NextAction.PROMPT),
        Arguments.of(Rule.NETWORK_CHANGED, Prior.AT_OFFICE_FLOOR_2, cafe, LocationSource.NETWORK_MATCH, VerificationState.UNVERIFIED, NextAction.PROMPT),
        Arguments.of(Rule.UNKNOWN_NETWORK, Prior.NOTHING, cafe, LocationSource.SITE_DEFAULT, VerificationState.UNVERIFIED, NextAction.PROMPT),
        Arguments.of(Rule.UNKNOWN_NETWORK, Prior.NOTHING, vpn, LocationSource.SITE_DEFAULT, VerificationState.UNVERIFIED, NextAction.PROMPT));
  }

  @ParameterizedTest(name = "{0}: from {1}")
  @MethodSource("rules")
  void rule(Rule rule, Prior prior, Function<Instant, NetworkObservation> observation, LocationSource source,
      VerificationState verification, NextAction next) {
    MutableClock clock = new MutableClock(T0);
    ReferenceDatabase db = ReferenceDatabase.builder().clock(clock).build();
    db.addAddress(LocationServiceTest.MARIA_HOME.toBuilder().unit(null).build());
    LocationService s = LocationService.builder(CONFIG).clock(clock)
        .carrier(ReferenceCarrier.builder(db).clock(clock).backoff(Duration.ofMillis(1)).build()).build();
    String agent = prior == Prior.AT_OFFICE_FLOOR_2 || rule == Rule.KNOWN_NETWORK_VERIFIES || rule == Rule.KNOWN_NETWORK_NOT_DISPATCHABLE
        ? "grace" : "maria";
    switch (prior) {
      case CONFIRMED_AT_HOME, CONFIRMED_AT_HOME_13H_AGO -> {
        s.observe(agent, home(clock.instant()));
        assertThat(s.confirm(agent, LocationServiceTest.MARIA_HOME, agent)).isInstanceOf(ConfirmOutcome.Verified.class);
        clock.advance(prior == Prior.CONFIRMED_AT_HOME ? Duration.ofHours(1) : Duration.ofHours(13));
      }
      case AT_OFFICE_FLOOR_2 -> s.observe(agent, NetworkObservation.builder(clock.instant()).localAddress("10.10.2.40").build());
      case NOTHING -> { }
    }
    ObserveOutcome o = s.observe(agent, observation.apply(clock.instant()));
    assertThat(o.rule()).isEqualTo(rule);
    assertThat(o.location().orElseThrow().source()).isEqualTo(source);
    assertThat(o.location().orElseThrow().verification()).isEqualTo(verification);
    assertThat(o.next()).isEqualTo(next);
  }
}
