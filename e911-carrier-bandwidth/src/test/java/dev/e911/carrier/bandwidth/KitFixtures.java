package dev.e911.carrier.bandwidth;

import dev.e911.api.spi.CarrierConfig;
import dev.e911.api.spi.Secret;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * What the conformance-kit runs share: an adapter on a {@link FakeBandwidth} with the real clock and
 * sleeps (the kit measures that {@code Retry-After} was waited), the request timeout declared to the
 * kit, and the provider configuration for the discovery checks.
 */
final class KitFixtures {

  /** The per-attempt timeout the kit runs configure and declare; shorter than the fake's 1.5 s hang. */
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(1);

  private KitFixtures() {}

  /** Three attempts, tiny backoffs, short order polls, no client-side rate limit to speak of. */
  static BandwidthConfig kitConfig(FakeBandwidth fake) {
    return fake.config(REQUEST_TIMEOUT)
        .maxAttempts(3)
        .retryInitialBackoff(Duration.ofMillis(10))
        .retryMaxBackoff(Duration.ofMillis(50))
        .maxRetryAfter(Duration.ofSeconds(2))
        .pollInitialDelay(Duration.ofMillis(20))
        .pollMaxDelay(Duration.ofMillis(100))
        .pollMaxWait(Duration.ofSeconds(5))
        .requestsPerSecond(100)
        .build();
  }

  static BandwidthCarrier kitAdapter(FakeBandwidth fake) {
    return BandwidthCarrier.builder(kitConfig(fake)).clock(Clock.systemUTC()).build();
  }

  /** The configuration-file form of {@link #kitConfig}, for {@code BandwidthCarrierProvider}. */
  static CarrierConfig kitProviderConfig(FakeBandwidth fake, BandwidthConfig.Mode mode) {
    BandwidthConfig c = kitConfig(fake);
    return new CarrierConfig(BandwidthCarrier.ID,
        Map.of("mode", mode.configName(), "accountId", FakeBandwidth.ACCOUNT, "baseUrl", c.baseUrl().toString(),
            "attemptTimeout", REQUEST_TIMEOUT.toString(), "maxAttempts", "3"),
        Map.of("username", Secret.of(FakeBandwidth.USERNAME), "password", Secret.of(FakeBandwidth.PASSWORD)));
  }
}
