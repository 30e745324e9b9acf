package dev.e911.api.agent;

import dev.e911.api.phone.E164Number;
import dev.e911.api.phone.Elin;
import dev.e911.api.validation.Identifiers;
import dev.e911.api.validation.Text;
import dev.e911.api.validation.Violations;
import java.util.Objects;
import java.util.Optional;

/**
 * A contact-center agent: id, display name, site, the kind of phone used, the agent's direct DID (a
 * callback number, kind {@link Elin.Kind#AGENT_DID}) if any, and the masked caller ID the agent
 * presents on normal calls (typically a queue number), which must never be presented on a 911 call.
 */
public final class Agent {

  private final String id;
  private final String displayName;
  private final String siteId;
  private final StationKind station;
  private final Elin did;
  private final E164Number maskedCallerId;

  private Agent(Builder b) {
    this.id = b.id;
    this.displayName = Text.token(b.displayName);
    this.siteId = b.siteId;
    this.station = b.station;
    this.did = b.did;
    this.maskedCallerId = b.maskedCallerId;
  }

  /** Starts an agent. */
  public static Builder builder(String id) {
    return new Builder().id(id);
  }

  /** A builder holding these values. */
  public Builder toBuilder() {
    return new Builder().id(id).displayName(displayName).siteId(siteId).station(station).did(did)
        .maskedCallerId(maskedCallerId);
  }

  public String id() { return id; }
  public String displayName() { return displayName; }
  public String siteId() { return siteId; }
  public StationKind station() { return station; }
  /** The agent's direct DID, if the agent has one. */
  public Optional<Elin> did() { return Optional.ofNullable(did); }
  /** The caller ID presented on normal calls, if masked. */
  public Optional<E164Number> maskedCallerId() { return Optional.ofNullable(maskedCallerId); }

  @Override
  public boolean equals(Object o) {
    return o instanceof Agent a && id.equals(a.id) && displayName.equals(a.displayName) && siteId.equals(a.siteId)
        && station == a.station && Objects.equals(did, a.did) && Objects.equals(maskedCallerId, a.maskedCallerId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, displayName, siteId, station, did, maskedCallerId);
  }

  @Override
  public String toString() {
    return "Agent[" + id + " '" + displayName + "' site " + siteId + ", " + station
        + (did == null ? "" : ", DID " + did.e164()) + (maskedCallerId == null ? "" : ", masked as " + maskedCallerId) + "]";
  }

  /** Collects an agent; {@link #build()} reports every violation at once. */
  public static final class Builder {
    private String id;
    private String displayName;
    private String siteId;
    private StationKind station = StationKind.WEBRTC;
    private Elin did;
    private E164Number maskedCallerId;

    private Builder() {}

    public Builder id(String id) { this.id = id; return this; }
    public Builder displayName(String name) { this.displayName = name; return this; }
    public Builder siteId(String siteId) { this.siteId = siteId; return this; }
    public Builder station(StationKind station) { this.station = station; return this; }
    /** Sets or (with null) clears the DID; it must be of kind AGENT_DID. */
    public Builder did(Elin did) { this.did = did; return this; }
    /** Sets or (with null) clears the masked caller ID. */
    public Builder maskedCallerId(E164Number number) { this.maskedCallerId = number; return this; }

    /**
     * Checks and builds the agent.
     *
     * @throws dev.e911.api.validation.InvalidValueException listing every violation
     */
    public Agent build() {
      Violations v = Violations.forType("Agent");
      Identifiers.check(v, "id", id);
      v.check(displayName == null || displayName.isBlank(), "displayName", "required", "is required");
      v.check(displayName != null && (Text.token(displayName).length() > 128 || Text.firstIllegalXmlChar(displayName) >= 0),
          "displayName", "text", "must be at most 128 XML-safe characters");
      Identifiers.check(v, "siteId", siteId);
      v.check(station == null, "station", "required", "is required");
      v.check(did != null && did.kind() != Elin.Kind.AGENT_DID, "did", "elin.kind", "must be of kind AGENT_DID");
      v.check(did != null && maskedCallerId != null && did.number().equals(maskedCallerId), "maskedCallerId",
          "masked.equals-did", "equals the agent's DID; leave it empty when calls are not masked");
      v.throwIfAny();
      return new Agent(this);
    }
  }
}
