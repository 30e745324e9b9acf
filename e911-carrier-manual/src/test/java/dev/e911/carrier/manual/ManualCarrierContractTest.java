package dev.e911.carrier.manual;

import dev.e911.api.spi.CarrierAdapter;
import dev.e911.api.spi.CarrierConfig;
import dev.e911.testkit.carrier.CarrierContractTest;
import dev.e911.testkit.carrier.CarrierFake;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The manual (worksheet) carrier passes the carrier conformance kit")
class ManualCarrierContractTest extends CarrierContractTest {

  @Override
  protected CarrierFake startFake() {
    return new PortalAdministratorFake();
  }

  @Override
  protected CarrierAdapter createAdapter(CarrierFake fake) {
    ManualCarrier carrier = ManualCarrier.builder().id("manual").portal("the test portal")
        .clock(Clock.fixed(Instant.parse("2026-11-25T16:00:00Z"), ZoneOffset.UTC)).build();
    ((PortalAdministratorFake) fake).attach(carrier);
    return carrier;
  }

  @Override
  protected Optional<String> providerName() {
    return Optional.of("manual");
  }

  @Override
  protected Optional<CarrierConfig> providerConfig(CarrierFake fake) {
    return Optional.of(new CarrierConfig("manual", Map.of("portal", "the test portal"), Map.of()));
  }
}
