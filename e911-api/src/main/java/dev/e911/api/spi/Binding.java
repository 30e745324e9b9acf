package dev.e911.api.spi;

import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.phone.Elin;
import dev.e911.api.validation.Identifiers;
import dev.e911.api.validation.Violations;
import java.util.Objects;

/**
 * What e911 asks a carrier to hold in its 911 database: a {@link NumberBinding} ties a callback
 * number (DID or ELIN) to a dispatchable address; an {@link EndpointBinding} ties a dynamic endpoint
 * (one softphone) and its callback number to an address, for carriers with dynamic location routing.
 */
public sealed interface Binding permits Binding.NumberBinding, Binding.EndpointBinding {

  /** The key the carrier stores the binding under. */
  BindingKey key();

  /** The address to bind (render the carrier-validated form). */
  DispatchableAddress address();

  /** The caller name shown to the PSAP. */
  String callerName();

  /** A callback number (DID or ELIN) bound to an address. */
  record NumberBinding(Elin number, DispatchableAddress address, String callerName) implements Binding {
    public NumberBinding {
      Violations v = Violations.forType("NumberBinding");
      v.check(number == null, "number", "required", "is required");
      v.check(address == null, "address", "required", "is required");
      v.check(callerName == null || callerName.isBlank(), "callerName", "required", "is required");
      v.check(callerName != null && callerName.length() > 64, "callerName", "length", "must be at most 64 characters");
      v.throwIfAny();
    }

    @Override
    public BindingKey key() {
      return BindingKey.number(number.e164());
    }
  }

  /** A dynamic endpoint with its callback number bound to an address. */
  record EndpointBinding(String endpointId, Elin callbackNumber, DispatchableAddress address, String callerName)
      implements Binding {
    public EndpointBinding {
      Violations v = Violations.forType("EndpointBinding");
      Identifiers.check(v, "endpointId", endpointId);
      v.check(callbackNumber == null, "callbackNumber", "required", "is required");
      v.check(address == null, "address", "required", "is required");
      v.check(callerName == null || callerName.isBlank(), "callerName", "required", "is required");
      v.check(callerName != null && callerName.length() > 64, "callerName", "length", "must be at most 64 characters");
      v.throwIfAny();
    }

    @Override
    public BindingKey key() {
      return BindingKey.endpoint(Objects.requireNonNull(endpointId));
    }
  }
}
