package dev.e911.carrier.bandwidth;

import dev.e911.api.spi.CarrierAdapter;
import dev.e911.api.spi.CarrierConfig;
import dev.e911.testkit.carrier.CarrierContractTest;
import dev.e911.testkit.carrier.CarrierFake;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;

/**
 * The shipped conformance kit against the Bandwidth adapter in {@code es} mode, over the stateful
 * {@link FakeBandwidth} (real clock and sleeps, 1 s request timeout declared, discovery through
 * {@code ServiceLoader} with a provider configuration against the fake).
 */
@DisplayName("The Bandwidth adapter (es mode) passes the carrier conformance kit")
class BandwidthEsContractKitTest extends CarrierContractTest {

  @Override
  protected CarrierFake startFake() {
    return new FakeBandwidth(BandwidthConfig.Mode.ES);
  }

  @Override
  protected CarrierAdapter createAdapter(CarrierFake fake) {
    return KitFixtures.kitAdapter((FakeBandwidth) fake);
  }

  @Override
  protected Duration requestTimeout() {
    return KitFixtures.REQUEST_TIMEOUT;
  }

  /**
   * Bandwidth's ES API has no read-only address check: {@code POST /addresses} creates the record and
   * answers its {@code validationStatus}. The adapter derives the record id from the address, so the
   * kit checks that validating binds nothing and that validating again writes nothing more.
   */
  @Override
  protected Optional<String> validationWritesBecause() {
    return Optional.of("Bandwidth's ES API validates an address only by creating its address record"
        + " (POST /addresses); the record binds no endpoint and its id is derived from the address");
  }

  @Override
  protected Optional<String> providerName() {
    return Optional.of(BandwidthCarrier.ID);
  }

  @Override
  protected Optional<CarrierConfig> providerConfig(CarrierFake fake) {
    return Optional.of(KitFixtures.kitProviderConfig((FakeBandwidth) fake, BandwidthConfig.Mode.ES));
  }
}
