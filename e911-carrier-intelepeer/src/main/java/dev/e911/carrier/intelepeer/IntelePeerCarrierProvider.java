package dev.e911.carrier.intelepeer;

import dev.e911.api.spi.CarrierAdapter;
import dev.e911.api.spi.CarrierConfig;
import dev.e911.api.spi.CarrierProvider;

/**
 * Creates the IntelePeer adapter ({@code intelepeer}) from a {@link CarrierConfig}; found by
 * {@link java.util.ServiceLoader}. Settings and secrets are those of
 * {@link IntelePeerSettings#fromConfig}: every bad or unknown key is reported at once, no value is
 * echoed. Stateless.
 */
public final class IntelePeerCarrierProvider implements CarrierProvider {

  /** For {@link java.util.ServiceLoader}. */
  public IntelePeerCarrierProvider() {}

  @Override
  public String name() {
    return IntelePeerCarrier.ID;
  }

  @Override
  public CarrierAdapter create(CarrierConfig config) {
    return IntelePeerCarrier.builder(IntelePeerSettings.fromConfig(config)).build();
  }
}
