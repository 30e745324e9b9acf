package dev.e911.carrier.intelepeer.internal;

import java.util.Objects;

/**
 * One number's E911 record as IntelePeer takes it: the 10-digit NANP number, the address, the
 * location name, and, for a dynamic endpoint, the callback number and caller name (empty otherwise).
 * {@code callerName} is the name e911 would show the PSAP; the v3 API has a field for it only on
 * dynamic records.
 */
public record E911Request(String number10, WireAddress address, String locationName, boolean dynamic,
    String callbackNumber10, String callerName) {
  public E911Request {
    Objects.requireNonNull(number10, "number10");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(locationName, "locationName");
    callbackNumber10 = callbackNumber10 == null ? "" : callbackNumber10;
    callerName = callerName == null ? "" : callerName;
  }

  /** The number in E.164. */
  public String e164() {
    return "+1" + number10;
  }
}
