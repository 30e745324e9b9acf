package dev.e911.carrier.bandwidth;

import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.spi.AddressValidationResult;
import dev.e911.api.spi.Binding;
import dev.e911.api.spi.BindingKey;
import dev.e911.api.spi.CarrierAdapter;
import dev.e911.api.spi.CarrierCapabilities;
import dev.e911.api.spi.ProvisioningResult;
import dev.e911.api.spi.ReadBackResult;
import dev.e911.testkit.carrier.CarrierContractTest;
import dev.e911.testkit.carrier.CarrierFake;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;

/**
 * The conformance kit in dashboard mode with every binding a DLR endpoint. The kit binds numbers when a
 * carrier can, so {@link BandwidthDashboardContractKitTest} checks idempotency, the lost answer, update,
 * removal and concurrency on conventional TN orders only; here the adapter is wrapped to say it binds
 * no numbers (and to answer a number binding {@code Unsupported}, as such a carrier must), so every one
 * of those checks runs on the two-order endpoint binding (location pool, then AEUI). The kit's count of
 * write orders is relative to a clean binding, so two orders per binding are what it expects.
 */
@DisplayName("The Bandwidth adapter (dashboard mode, DLR endpoint bindings only) passes the carrier conformance kit")
class BandwidthDlrEndpointsContractKitTest extends CarrierContractTest {

  @Override
  protected CarrierFake startFake() {
    return new FakeBandwidth(BandwidthConfig.Mode.DASHBOARD);
  }

  @Override
  protected CarrierAdapter createAdapter(CarrierFake fake) {
    return new EndpointsOnly(KitFixtures.kitAdapter((FakeBandwidth) fake));
  }

  @Override
  protected Duration requestTimeout() {
    return KitFixtures.REQUEST_TIMEOUT;
  }

  /** The Bandwidth adapter, saying it binds no numbers and refusing number bindings before sending anything. */
  private record EndpointsOnly(BandwidthCarrier delegate) implements CarrierAdapter {

    @Override
    public String id() {
      return delegate.id();
    }

    @Override
    public CarrierCapabilities capabilities() {
      CarrierCapabilities c = delegate.capabilities();
      return new CarrierCapabilities(c.addressValidation(), c.suggestsCorrections(), false, c.dynamicEndpoints(),
          c.pidfLoByValue(), c.locationByReference(), c.testCall933(), c.notificationWebhook(), c.readBack(),
          c.asynchronousOrders(), c.manualProvisioning());
    }

    @Override
    public AddressValidationResult validate(DispatchableAddress address) {
      return delegate.validate(address);
    }

    @Override
    public ProvisioningResult provision(Binding binding) {
      if (binding instanceof Binding.NumberBinding) {
        return new ProvisioningResult.Unsupported(binding.key(), "this kit run binds DLR endpoints only");
      }
      return delegate.provision(binding);
    }

    @Override
    public ProvisioningResult remove(BindingKey key) {
      return delegate.remove(key);
    }

    @Override
    public ReadBackResult readBack(BindingKey key) {
      return delegate.readBack(key);
    }

    @Override
    public void close() {
      delegate.close();
    }

    @Override
    public String toString() {
      return "EndpointsOnly[" + delegate + "]";
    }
  }
}
