package dev.e911.carrier.bandwidth.internal;

import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.spi.AddressValidationResult;
import dev.e911.api.spi.Binding;
import dev.e911.api.spi.BindingKey;
import dev.e911.api.spi.ProvisioningResult;
import dev.e911.api.spi.ReadBackResult;

/** One Bandwidth surface's implementation of the carrier operations (Dashboard or ES). */
public interface Operations {

  /** Validates an address. */
  AddressValidationResult validate(DispatchableAddress address);

  /** Creates or updates a binding. */
  ProvisioningResult provision(Binding binding);

  /** Removes a binding. */
  ProvisioningResult remove(BindingKey key);

  /** Reads what the carrier holds. */
  ReadBackResult readBack(BindingKey key);
}
