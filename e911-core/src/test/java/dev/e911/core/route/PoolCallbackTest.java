package dev.e911.core.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e911.api.routing.EmergencyRoute;
import dev.e911.core.config.ConfigLoader;
import dev.e911.core.config.ContactCenterConfig;
import dev.e911.core.location.LocationService;
import dev.e911.core.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code callbackTarget}: which caller a PSAP reaches by calling a pool ELIN back, and for how long. */
class PoolCallbackTest {

  static final ContactCenterConfig CONFIG = ConfigLoader.load(Path.of("..", "examples", "contact-center.json"));
  static final Instant T0 = Instant.parse("2026-11-25T14:00:00Z");

  MutableClock clock;
  EmergencyRouter router;

  @BeforeEach
  void setUp() {
    clock = new MutableClock(T0);
    router = EmergencyRouter.create(LocationService.builder(CONFIG).clock(clock).build(), CONFIG, "acme.example", e -> { });
  }

  private String poolElin(String agent) {
    return ((EmergencyRoute.Emergency) router.route(agent, "911", null)).callbackNumber().orElseThrow().e164();
  }

  @Test
  @DisplayName("a callback reaches the caller for exactly the window (60 minutes by default), then nobody")
  void window() {
    String elin = poolElin("luis");
    assertThat(CONFIG.policies().callbackWindow()).isEqualTo(Duration.ofMinutes(60));
    assertThat(router.callbackTarget(elin, T0)).hasValue("luis");
    assertThat(router.callbackTarget(elin, T0.plus(Duration.ofMinutes(60)).minusMillis(1))).hasValue("luis");
    assertThat(router.callbackTarget(elin, T0.plus(Duration.ofMinutes(60)))).isEmpty();
    assertThat(router.callbackTarget("+14155550199", T0)).isEmpty();
  }

  @Test
  @DisplayName("a second call renews the caller's lease on the same ELIN; another caller gets another ELIN")
  void renewal() {
    String first = poolElin("luis");
    clock.advance(Duration.ofMinutes(50));
    assertThat(poolElin("luis")).isEqualTo(first);
    assertThat(router.callbackTarget(first, T0.plus(Duration.ofMinutes(100)))).hasValue("luis");
    String other = poolElin("aisha");
    assertThat(other).isNotEqualTo(first);
    assertThat(router.callbackTarget(other, clock.instant())).hasValue("aisha");
  }

  @Test
  @DisplayName("on exhaustion the least recently leased ELIN is reused: the old caller no longer gets its callback")
  void reuse() {
    ElinPool pool = new ElinPool(CONFIG.site("remote").orElseThrow().elinPool(), Duration.ofMinutes(60));
    ElinPool.Lease a = pool.lease("a", T0).orElseThrow();
    pool.lease("b", T0.plusSeconds(1));
    pool.lease("c", T0.plusSeconds(2));
    ElinPool.Lease d = pool.lease("d", T0.plusSeconds(3)).orElseThrow();
    assertThat(d.reused()).isTrue();
    assertThat(d.elin()).isEqualTo(a.elin());
    assertThat(pool.callbackTarget(a.elin().e164(), T0.plusSeconds(4))).hasValue("d");
    ElinPool.Lease e = pool.lease("e", T0.plusSeconds(5)).orElseThrow();
    assertThat(e.reused()).isTrue();
    assertThat(pool.callbackTarget(e.elin().e164(), T0.plusSeconds(6))).as("b's was the oldest then").hasValue("e");
    // once the window has passed, a free ELIN is taken again without reuse
    assertThat(pool.lease("f", T0.plus(Duration.ofMinutes(61))).orElseThrow().reused()).isFalse();
  }

  @Test
  @DisplayName("publishing a new configuration keeps the live leases, so a callback in progress still reaches its caller")
  void republish() {
    String elin = poolElin("luis");
    router.publish(CONFIG, "acme.example");
    assertThat(router.callbackTarget(elin, T0.plus(Duration.ofMinutes(5)))).hasValue("luis");
    assertThat(poolElin("aisha")).isNotEqualTo(elin);
  }
}
