package dev.e911.api.location;

import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.network.NetworkFingerprint;
import dev.e911.api.validation.Identifiers;
import dev.e911.api.validation.Violations;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An agent's current location claim: the address, the known {@link Location} it came from (if any),
 * where the claim came from, how far it is verified, since when, and the network fingerprint it was
 * verified on. A new network fingerprint or age makes a verified claim unverified or stale; the
 * location engine owns those transitions.
 */
public final class AgentLocation {

  private final String agentId;
  private final DispatchableAddress address;
  private final String locationId;
  private final LocationSource source;
  private final VerificationState verification;
  private final Instant since;
  private final NetworkFingerprint fingerprint;

  private AgentLocation(Builder b) {
    this.agentId = b.agentId;
    this.address = b.address;
    this.locationId = b.locationId;
    this.source = b.source;
    this.verification = b.verification;
    this.since = b.since;
    this.fingerprint = b.fingerprint;
  }

  /** Starts a claim for {@code agentId}. */
  public static Builder builder(String agentId) {
    return new Builder().agentId(agentId);
  }

  /** A builder holding these values. */
  public Builder toBuilder() {
    return new Builder().agentId(agentId).address(address).locationId(locationId).source(source)
        .verification(verification).since(since).fingerprint(fingerprint);
  }

  public String agentId() { return agentId; }
  public DispatchableAddress address() { return address; }
  /** The id of the known location this claim points at; empty for an address the agent typed in. */
  public Optional<String> locationId() { return Optional.ofNullable(locationId); }
  public LocationSource source() { return source; }
  public VerificationState verification() { return verification; }
  /** When the claim entered its current verification state. */
  public Instant since() { return since; }
  /** The network the claim was verified on. */
  public Optional<NetworkFingerprint> fingerprint() { return Optional.ofNullable(fingerprint); }

  /** Whether the claim is {@link VerificationState#REMOTE_VERIFIED}. */
  public boolean isVerified() {
    return verification == VerificationState.REMOTE_VERIFIED;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AgentLocation other && agentId.equals(other.agentId) && address.equals(other.address)
        && Objects.equals(locationId, other.locationId) && source == other.source
        && verification == other.verification && since.equals(other.since)
        && Objects.equals(fingerprint, other.fingerprint);
  }

  @Override
  public int hashCode() {
    return Objects.hash(agentId, address, locationId, source, verification, since, fingerprint);
  }

  @Override
  public String toString() {
    return "AgentLocation[" + agentId + " at " + address.oneLine() + ", " + source + ", " + verification
        + " since " + since + (locationId == null ? "" : ", location " + locationId)
        + (fingerprint == null ? "" : ", on " + fingerprint) + "]";
  }

  /** Collects a claim; {@link #build()} reports every missing field at once. */
  public static final class Builder {
    private String agentId;
    private DispatchableAddress address;
    private String locationId;
    private LocationSource source;
    private VerificationState verification = VerificationState.UNVERIFIED;
    private Instant since;
    private NetworkFingerprint fingerprint;

    private Builder() {}

    public Builder agentId(String agentId) { this.agentId = agentId; return this; }
    public Builder address(DispatchableAddress address) { this.address = address; return this; }
    /** Sets or (with null) clears the known location id. */
    public Builder locationId(String locationId) { this.locationId = locationId; return this; }
    public Builder source(LocationSource source) { this.source = source; return this; }
    public Builder verification(VerificationState verification) { this.verification = verification; return this; }
    public Builder since(Instant since) { this.since = since; return this; }
    /** Sets or (with null) clears the fingerprint. */
    public Builder fingerprint(NetworkFingerprint fingerprint) { this.fingerprint = fingerprint; return this; }

    /**
     * Checks and builds the claim.
     *
     * @throws dev.e911.api.validation.InvalidValueException listing every violation
     */
    public AgentLocation build() {
      Violations v = Violations.forType("AgentLocation");
      Identifiers.check(v, "agentId", agentId);
      v.check(address == null, "address", "required", "is required");
      if (locationId != null) {
        Identifiers.check(v, "locationId", locationId);
      }
      v.check(source == null, "source", "required", "is required");
      v.check(verification == null, "verification", "required", "is required");
      v.check(since == null, "since", "required", "is required");
      v.check(verification == VerificationState.REMOTE_VERIFIED && address != null && !address.isDispatchable(),
          "verification", "verified.not-dispatchable", "a claim cannot be REMOTE_VERIFIED while its address is not dispatchable");
      v.throwIfAny();
      return new AgentLocation(this);
    }
  }
}
