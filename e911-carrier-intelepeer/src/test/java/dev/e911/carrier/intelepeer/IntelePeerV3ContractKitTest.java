package dev.e911.carrier.intelepeer;

import dev.e911.api.spi.CarrierAdapter;
import dev.e911.api.spi.CarrierConfig;
import dev.e911.testkit.carrier.CarrierContractTest;
import dev.e911.testkit.carrier.CarrierFake;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;

/**
 * The shipped conformance kit against the IntelePeer adapter on IntelePeer's documented v3 API, over the stateful
 * {@link FakeIntelePeer} (real clock and sleeps). Dynamic endpoint ids are NANP numbers, the only
 * ids IntelePeer's number-keyed E911 records take.
 */
@DisplayName("The IntelePeer adapter (documented v3 API) passes the carrier conformance kit")
class IntelePeerV3ContractKitTest extends CarrierContractTest {

  @Override
  protected CarrierFake startFake() {
    return new FakeIntelePeer(false);
  }

  @Override
  protected CarrierAdapter createAdapter(CarrierFake fake) {
    return IntelePeerCarrier.builder(Fixtures.kitSettings((FakeIntelePeer) fake, IntelePeerContract.V3))
        .clock(Clock.systemUTC()).build();
  }

  @Override
  protected Duration requestTimeout() {
    return Fixtures.KIT_REQUEST_TIMEOUT;
  }

  @Override
  protected String endpointId(int i) {
    return Fixtures.kitEndpointId(i);
  }

  @Override
  protected Optional<String> providerName() {
    return Optional.of(IntelePeerCarrier.ID);
  }

  @Override
  protected Optional<CarrierConfig> providerConfig(CarrierFake fake) {
    return Optional.of(Fixtures.kitProviderConfig((FakeIntelePeer) fake, IntelePeerContract.V3));
  }
}
