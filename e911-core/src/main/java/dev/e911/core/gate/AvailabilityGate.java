package dev.e911.core.gate;

import dev.e911.api.address.Dispatchability;
import dev.e911.api.agent.Agent;
import dev.e911.api.location.AgentLocation;
import dev.e911.api.location.LocationSource;
import dev.e911.api.location.VerificationState;
import dev.e911.api.site.Site;
import dev.e911.core.config.Policies;
import dev.e911.core.location.LocationService;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hard stop: says whether an agent may go Available / On Queue. An agent without a verified
 * dispatchable location (or without a callback number a PSAP can dial) is blocked, with a reason
 * code and a message the agent understands. Policy decides what counts as verified: on a fixed site
 * a match of a known office network may be enough; a remote site requires REMOTE_VERIFIED. An
 * administrator may override for a bounded time; every override is recorded (who, why, until) in
 * the agent's location history. Thread-safe; reads only in-memory state and the clock.
 */
public final class AvailabilityGate {

  private final LocationService locations;
  private final Policies policies;
  private final Map<String, Override> overrides = new ConcurrentHashMap<>();

  private record Override(String admin, String reason, Instant until) {}

  /** A gate over the location service's state and policies. */
  public AvailabilityGate(LocationService locations) {
    this.locations = Objects.requireNonNull(locations, "locations");
    this.policies = locations.policies();
  }

  /** Decides for one agent, now. */
  public GateDecision check(String agentId) {
    Instant now = locations.clock().instant();
    Optional<Agent> agent = locations.agent(agentId);
    if (agent.isEmpty()) {
      return new GateDecision.Block(agentId, GateDecision.Reason.UNKNOWN_AGENT,
          "You are not set up for emergency calling yet. Ask your supervisor to add you to e911.");
    }
    Override o = overrides.get(agentId);
    if (o != null && now.isBefore(o.until())) {
      return new GateDecision.Allow(agentId, "override by " + o.admin() + " until " + o.until() + ": " + o.reason());
    }
    Site site = locations.site(agent.get().siteId()).orElseThrow();
    Optional<AgentLocation> current = locations.current(agentId);
    if (current.isEmpty()) {
      return new GateDecision.Block(agentId, GateDecision.Reason.NO_LOCATION,
          "Before you take calls, confirm the address you are working from, so a 911 call reaches the right responders.");
    }
    AgentLocation l = current.get();
    Dispatchability d = l.address().dispatchability();
    if (!d.dispatchable() && l.source() != LocationSource.SITE_DEFAULT) {
      return new GateDecision.Block(agentId, GateDecision.Reason.NOT_DISPATCHABLE,
          "Your emergency address is incomplete: " + d.gaps().get(0).description() + ". Please update it.");
    }
    boolean aged = l.verification() == VerificationState.STALE
        || (l.isVerified() && l.source() != LocationSource.NETWORK_MATCH
            && !l.since().plus(policies.maxVerificationAge()).isAfter(now));
    if (aged) {
      return new GateDecision.Block(agentId, GateDecision.Reason.STALE,
          "Please confirm your work address again: it was last confirmed " + hoursAgo(l.since(), now) + " ago.");
    }
    if (l.isVerified()) {
      if (site.kind() == Site.Kind.FIXED && l.source() == LocationSource.NETWORK_MATCH && !policies.networkMatchSufficesOnFixedSites()) {
        return new GateDecision.Block(agentId, GateDecision.Reason.UNVERIFIED,
            "Confirm your seat before taking calls: this site requires a confirmed location, not only a network match.");
      }
    } else if (!(site.kind() == Site.Kind.REMOTE && !policies.remoteSitesRequireVerified() && d.dispatchable())) {
      return new GateDecision.Block(agentId, GateDecision.Reason.UNVERIFIED, l.source() == LocationSource.SITE_DEFAULT
          ? "You are on a network e911 does not know. Confirm the address you are working from before taking calls."
          : "Your network changed since you last confirmed your address. Confirm where you are working from before taking calls.");
    }
    boolean hasCallback = agent.get().did().isPresent()
        || l.locationId().flatMap(locations::location).map(loc -> !loc.elins().isEmpty()).orElse(false)
        || !site.elinPool().isEmpty();
    if (!hasCallback) {
      return new GateDecision.Block(agentId, GateDecision.Reason.CALLBACK_NOT_PROVISIONED,
          "No callback number is set up for you, so a 911 dispatcher could not call you back. Ask your supervisor.");
    }
    return new GateDecision.Allow(agentId, l.source() + " " + l.verification() + " at " + l.address().oneLine());
  }

  /**
   * Lets an agent take calls despite the gate, for at most {@code validFor}; recorded in the agent's
   * history with the administrator and reason.
   */
  public void override(String agentId, String admin, String reason, Duration validFor) {
    if (admin == null || admin.isBlank() || reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("an override needs the administrator and a reason");
    }
    if (validFor.isNegative() || validFor.isZero() || validFor.compareTo(Duration.ofHours(24)) > 0) {
      throw new IllegalArgumentException("an override lasts between 1 second and 24 hours");
    }
    Instant until = locations.clock().instant().plus(validFor);
    overrides.put(agentId, new Override(admin, reason, until));
    locations.recordNote(agentId, admin, "gate override until " + until + ": " + reason);
  }

  /** Every agent's decision, for dashboards and the CLI. */
  public Map<String, GateDecision> checkAll(Iterable<String> agentIds) {
    Map<String, GateDecision> out = new java.util.LinkedHashMap<>();
    agentIds.forEach(id -> out.put(id, check(id)));
    return out;
  }

  private static String hoursAgo(Instant then, Instant now) {
    long h = Duration.between(then, now).toHours();
    return h + (h == 1 ? " hour" : " hours");
  }
}
