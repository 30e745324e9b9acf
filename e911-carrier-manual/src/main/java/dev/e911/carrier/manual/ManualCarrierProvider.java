package dev.e911.carrier.manual;

import dev.e911.api.spi.CarrierAdapter;
import dev.e911.api.spi.CarrierConfig;
import dev.e911.api.spi.CarrierProvider;
import java.time.Clock;

/**
 * The {@code manual} carrier provider: a {@link ManualCarrier} for any carrier whose 911 records an
 * administrator keeps by hand. Setting {@code portal} names the portal in statuses (default "the
 * carrier's portal"). No secrets: nothing is sent anywhere.
 */
public final class ManualCarrierProvider implements CarrierProvider {

  /** For {@link java.util.ServiceLoader}. */
  public ManualCarrierProvider() {}

  @Override
  public String name() {
    return "manual";
  }

  @Override
  public CarrierAdapter create(CarrierConfig config) {
    return ManualCarrier.builder().id(name()).portal(config.setting("portal").orElse("the carrier's portal"))
        .clock(Clock.systemUTC()).build();
  }
}
