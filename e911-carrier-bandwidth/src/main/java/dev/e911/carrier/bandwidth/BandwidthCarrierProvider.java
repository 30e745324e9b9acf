package dev.e911.carrier.bandwidth;

import dev.e911.api.spi.CarrierAdapter;
import dev.e911.api.spi.CarrierConfig;
import dev.e911.api.spi.CarrierProvider;

/**
 * Creates {@link BandwidthCarrier}s from the {@code bandwidth} section of the configuration (see
 * {@link BandwidthConfig#from(CarrierConfig)} for the keys). Registered for {@link java.util.ServiceLoader}
 * in {@code META-INF/services/dev.e911.api.spi.CarrierProvider}. Stateless.
 */
public final class BandwidthCarrierProvider implements CarrierProvider {

  /** For {@link java.util.ServiceLoader}. */
  public BandwidthCarrierProvider() {}

  @Override
  public String name() {
    return BandwidthCarrier.ID;
  }

  /**
   * Builds an adapter with the system clock and sleeper.
   *
   * @throws dev.e911.api.validation.InvalidValueException naming every bad key
   */
  @Override
  public CarrierAdapter create(CarrierConfig config) {
    return BandwidthCarrier.builder(BandwidthConfig.from(config)).build();
  }
}
