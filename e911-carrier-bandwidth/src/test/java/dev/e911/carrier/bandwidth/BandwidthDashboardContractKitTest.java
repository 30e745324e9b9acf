package dev.e911.carrier.bandwidth;

import dev.e911.api.spi.CarrierAdapter;
import dev.e911.api.spi.CarrierConfig;
import dev.e911.testkit.carrier.CarrierContractTest;
import dev.e911.testkit.carrier.CarrierFake;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;

/**
 * The shipped conformance kit against the Bandwidth adapter in {@code dashboard} mode, over the stateful
 * {@link FakeBandwidth} (real clock and sleeps, 1 s request timeout declared, discovery through
 * {@code ServiceLoader} with a provider configuration against the fake).
 */
@DisplayName("The Bandwidth adapter (dashboard mode) passes the carrier conformance kit")
class BandwidthDashboardContractKitTest extends CarrierContractTest {

  @Override
  protected CarrierFake startFake() {
    return new FakeBandwidth(BandwidthConfig.Mode.DASHBOARD);
  }

  @Override
  protected CarrierAdapter createAdapter(CarrierFake fake) {
    return KitFixtures.kitAdapter((FakeBandwidth) fake);
  }

  @Override
  protected Duration requestTimeout() {
    return KitFixtures.REQUEST_TIMEOUT;
  }

  @Override
  protected Optional<String> providerName() {
    return Optional.of(BandwidthCarrier.ID);
  }

  @Override
  protected Optional<CarrierConfig> providerConfig(CarrierFake fake) {
    return Optional.of(KitFixtures.kitProviderConfig((FakeBandwidth) fake, BandwidthConfig.Mode.DASHBOARD));
  }
}
