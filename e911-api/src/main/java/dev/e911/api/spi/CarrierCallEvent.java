package dev.e911.api.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A carrier's report that an emergency call was placed from one of our numbers (Bandwidth's Kari's
 * Law callback, for instance): when, from which number, to which emergency number, and the caller
 * name and address the carrier has on file, as text (carriers' field names are not all documented).
 */
public record CarrierCallEvent(String eventId, Instant occurredAt, String callingNumber, String dialled,
    String callerName, String addressOnFile) {
  public CarrierCallEvent {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(callingNumber, "callingNumber");
    dialled = dialled == null ? "" : dialled;
    callerName = callerName == null ? "" : callerName;
    addressOnFile = addressOnFile == null ? "" : addressOnFile;
  }
}
