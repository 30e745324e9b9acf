package dev.e911.api.spi;

import dev.e911.api.address.DispatchableAddress;
import java.util.Objects;

/**
 * What a carrier reports it holds for a key: the address on file (in the carrier's standardised
 * form, which may differ in spelling from what was sent) and the carrier's own reference.
 */
public record ProvisionedBinding(BindingKey key, DispatchableAddress address, String carrierReference) {
  public ProvisionedBinding {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(address, "address");
    carrierReference = carrierReference == null ? "" : carrierReference;
  }
}
