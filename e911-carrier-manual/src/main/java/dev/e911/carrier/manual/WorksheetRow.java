package dev.e911.carrier.manual;

import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.spi.BindingKey;
import java.time.Instant;
import java.util.Objects;

/**
 * One change an administrator must make in the carrier's portal: add, update or delete the 911
 * record of a telephone number, at an address, under a caller name. {@code requestId} is derived
 * from the content, so the same change queued again (even after a restart) gets the same id and an
 * earlier confirmation of it still applies. For a deletion, address and caller name are those of the
 * record to delete, so the administrator can find it.
 */
public record WorksheetRow(String requestId, Action action, BindingKey key, String callerName,
    DispatchableAddress address, Instant queuedAt) {

  /** What to do in the portal. */
  public enum Action {
    /** Create the number's 911 record. */
    ADD,
    /** Change the address or caller name of an existing record. */
    UPDATE,
    /** Delete the number's 911 record. */
    DELETE
  }

  public WorksheetRow {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(callerName, "callerName");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(queuedAt, "queuedAt");
  }
}
