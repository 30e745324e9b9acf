package dev.e911.carrier.manual;

import dev.e911.api.spi.CarrierAdapter;
import dev.e911.api.spi.CarrierConfig;
import dev.e911.api.spi.CarrierProvider;
import java.time.Clock;

/**
 * The {@code lumen} carrier provider. Lumen (formerly CenturyLink) publishes no E911 provisioning,
 * validation or notification API; an enterprise SIP trunk's 911 records are kept in the Control
 * Center portal ("My 911 Locations"). So Lumen is a {@link ManualCarrier} with id {@code lumen}:
 * e911 queues a worksheet, an administrator enters it in the portal and e911 imports their
 * confirmation. Setting {@code portal} overrides the portal name.
 */
public final class LumenCarrierProvider implements CarrierProvider {

  /** For {@link java.util.ServiceLoader}. */
  public LumenCarrierProvider() {}

  @Override
  public String name() {
    return "lumen";
  }

  @Override
  public CarrierAdapter create(CarrierConfig config) {
    return ManualCarrier.builder().id(name())
        .portal(config.setting("portal").orElse("Lumen Control Center (My 911 Locations)"))
        .clock(Clock.systemUTC()).build();
  }
}
