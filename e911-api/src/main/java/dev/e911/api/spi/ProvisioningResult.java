package dev.e911.api.spi;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of asking a carrier to create, update or remove a binding: {@link Done} (the carrier
 * holds exactly what was asked, or, for a removal, nothing), {@link Pending} (an asynchronous order
 * that did not reach a final state within the adapter's bounded wait; ask again with
 * {@link CarrierAdapter#readBack}), {@link Rejected}, {@link Failed} or {@link Unsupported}.
 */
public sealed interface ProvisioningResult {

  /** Final success: the carrier now holds exactly what was asked, or nothing when {@code removed}. */
  record Done(BindingKey key, String carrierReference, boolean removed) implements ProvisioningResult {
    public Done {
      Objects.requireNonNull(key, "key");
      carrierReference = carrierReference == null ? "" : carrierReference;
    }
  }

  /** Accepted, still in progress at the carrier. */
  record Pending(BindingKey key, String orderReference, String carrierStatus) implements ProvisioningResult {
    public Pending {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(orderReference, "orderReference");
      carrierStatus = carrierStatus == null ? "" : carrierStatus;
    }
  }

  /** Refused by the carrier for the reasons given (e.g. address not in its database). */
  record Rejected(BindingKey key, List<String> reasons) implements ProvisioningResult {
    public Rejected {
      Objects.requireNonNull(key, "key");
      reasons = List.copyOf(reasons);
    }
  }

  /** The carrier could not be asked or did not answer usefully. */
  record Failed(BindingKey key, RemoteFailure failure) implements ProvisioningResult {
    public Failed {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(failure, "failure");
    }
  }

  /** This kind of binding is not supported by the carrier. */
  record Unsupported(BindingKey key, String reason) implements ProvisioningResult {
    public Unsupported {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
