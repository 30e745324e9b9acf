package dev.e911.testkit.reference;

import dev.e911.api.spi.CarrierAdapter;
import dev.e911.api.spi.CarrierConfig;
import dev.e911.api.spi.Secret;
import dev.e911.testkit.carrier.CarrierContractTest;
import dev.e911.testkit.carrier.CarrierFake;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The reference carrier passes the carrier conformance kit")
class ReferenceCarrierContractTest extends CarrierContractTest {

  static final String API_KEY = "ref-kit-key-7f3a9c2e";
  static final Duration TIMEOUT = Duration.ofMillis(200);

  @Override
  protected CarrierFake startFake() {
    return new ReferenceCarrierFake(ReferenceDatabase.builder().apiKey(Secret.of(API_KEY))
        .rateLimitRetryAfter(Duration.ofMillis(150)).build(), API_KEY);
  }

  @Override
  protected CarrierAdapter createAdapter(CarrierFake fake) {
    return ReferenceCarrier.builder(((ReferenceCarrierFake) fake).database()).apiKey(Secret.of(API_KEY))
        .clock(Clock.fixed(Instant.parse("2026-11-25T16:00:00Z"), ZoneOffset.UTC)).requestTimeout(TIMEOUT)
        .backoff(Duration.ofMillis(5)).maxAttempts(3).build();
  }

  @Override
  protected Duration requestTimeout() {
    return TIMEOUT;
  }

  @Override
  protected Optional<String> providerName() {
    return Optional.of("reference");
  }

  @Override
  protected Optional<CarrierConfig> providerConfig(CarrierFake fake) {
    return Optional.of(new CarrierConfig("reference", Map.of("seed", "empty", "requestTimeout", "PT0.2S"),
        Map.of("apiKey", Secret.of(API_KEY))));
  }
}
