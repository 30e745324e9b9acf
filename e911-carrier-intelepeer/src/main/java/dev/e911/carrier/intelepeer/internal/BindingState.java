package dev.e911.carrier.intelepeer.internal;

import java.util.List;
import java.util.Objects;

/**
 * What IntelePeer says it holds for one number: an {@link Active} record with its address, nothing
 * ({@link Absent}), an E911 record whose address cannot be read ({@link AddressUnknown}, all the v3
 * API can say), an order still in progress, or a failed one.
 */
public sealed interface BindingState {

  /** An active record with the address on file (the carrier's spelling) and its reference. */
  record Active(WireAddress address, String reference) implements BindingState {
    public Active {
      Objects.requireNonNull(address, "address");
      reference = reference == null ? "" : reference;
    }
  }

  /** No E911 record on the number. */
  record Absent() implements BindingState {}

  /** The number has E911, but the contract cannot tell which address. */
  record AddressUnknown(String why) implements BindingState {
    public AddressUnknown {
      Objects.requireNonNull(why, "why");
    }
  }

  /** A change is in progress at the carrier. */
  record InProgress(String carrierStatus) implements BindingState {
    public InProgress {
      Objects.requireNonNull(carrierStatus, "carrierStatus");
    }
  }

  /** The carrier reports the last change failed. */
  record FailedAtCarrier(List<String> reasons) implements BindingState {
    public FailedAtCarrier {
      reasons = List.copyOf(reasons);
    }
  }
}
