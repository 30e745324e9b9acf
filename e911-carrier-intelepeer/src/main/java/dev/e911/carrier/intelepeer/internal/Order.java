package dev.e911.carrier.intelepeer.internal;

import java.util.List;
import java.util.Objects;

/**
 * A provisioning order at IntelePeer: its id (empty when nothing had to be sent), the number, whether
 * it binds or unbinds, its state, the carrier's own status text, failure reasons, and whether the
 * contract lets us follow it to a final state.
 */
public record Order(String orderId, String number10, Kind kind, Status status, String carrierStatus,
    List<String> reasons, boolean trackable) {

  /** What the order does. */
  public enum Kind {
    /** Adds or updates the number's E911 record. */
    BIND,
    /** Removes it. */
    UNBIND
  }

  /** Where the order stands. */
  public enum Status {
    /** Accepted, not final. */
    PENDING,
    /** Done: the carrier holds what was asked. */
    COMPLETE,
    /** The carrier failed it; {@link Order#reasons()} says why. */
    FAILED
  }

  public Order {
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(number10, "number10");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(status, "status");
    carrierStatus = carrierStatus == null ? "" : carrierStatus;
    reasons = List.copyOf(reasons);
  }

  /** An order that needed no request because the carrier already holds the wished state. */
  static Order nothingToDo(String number10, Kind kind, String why) {
    return new Order("", number10, kind, Status.COMPLETE, why, List.of(), true);
  }
}
