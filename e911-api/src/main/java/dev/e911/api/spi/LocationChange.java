package dev.e911.api.spi;

import dev.e911.api.location.LocationSource;
import dev.e911.api.location.VerificationState;
import java.time.Instant;
import java.util.Objects;

/**
 * One history row of an agent's location: who changed it, when, to where, from which source, with
 * which verification, and the evidence (matched subnet, carrier reference, override reason).
 * Absent text values are empty strings.
 */
public record LocationChange(String agentId, Instant at, String actor, LocationSource source,
    VerificationState verification, String locationId, String address, String evidence) {
  public LocationChange {
    Objects.requireNonNull(agentId, "agentId");
    Objects.requireNonNull(at, "at");
    actor = actor == null ? "" : actor;
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(verification, "verification");
    locationId = locationId == null ? "" : locationId;
    address = address == null ? "" : address;
    evidence = evidence == null ? "" : evidence;
  }
}
