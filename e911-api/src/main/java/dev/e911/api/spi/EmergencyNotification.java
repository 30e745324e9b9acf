package dev.e911.api.spi;

import dev.e911.api.location.VerificationState;
import dev.e911.api.routing.Classification;
import dev.e911.api.routing.RouteWarning;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The Kari's Law on-site notification of one emergency call: who called, when, the callback number
 * actually presented, and the same location that was sent to the PSAP with how far it was verified.
 * A 933 test call is marked by its classification so nobody is dispatched. Absent text values are
 * empty strings.
 */
public record EmergencyNotification(String callId, Instant occurredAt, Classification classification, String agentId,
    String agentName, String callbackNumber, String location, VerificationState verification,
    List<RouteWarning> warnings) {
  public EmergencyNotification {
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(classification, "classification");
    Objects.requireNonNull(agentId, "agentId");
    agentName = agentName == null ? "" : agentName;
    callbackNumber = callbackNumber == null ? "" : callbackNumber;
    location = location == null ? "" : location;
    Objects.requireNonNull(verification, "verification");
    warnings = List.copyOf(warnings);
  }

  /** Whether this is a 933 test call. */
  public boolean isTest() {
    return classification == Classification.EMERGENCY_TEST;
  }
}
