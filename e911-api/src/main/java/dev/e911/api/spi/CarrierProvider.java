package dev.e911.api.spi;

/**
 * Creates a {@link CarrierAdapter} from configuration; found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.e911.api.spi.CarrierProvider}) by its {@link #name()}, or passed in
 * explicitly. Implementations have a public no-argument constructor and are stateless.
 */
public interface CarrierProvider {

  /** The carrier's name as users write it in configuration, e.g. {@code bandwidth}. Lower case, unique. */
  String name();

  /**
   * Builds an adapter.
   *
   * @throws dev.e911.api.validation.InvalidValueException naming every missing or bad setting
   */
  CarrierAdapter create(CarrierConfig config);
}
