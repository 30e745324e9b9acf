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

  /**
   * A decision computed from one claim (dropped when the claim changes); after {@code staleAtMillis}
   * the claim has aged and {@code staleBlock} applies.
   */
  private record Cached(AgentLocation location, GateDecision decision, long staleAtMillis, GateDecision staleBlock) {}

  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  /** A gate over the location service's state and policies. */
  public AvailabilityGate(LocationService locations) {
    this.locations = Objects.requireNonNull(locations, "locations");
    this.policies = locations.policies();
    // a changed claim drops its cached decision; the change is visible in the service before listeners run
    locations.addListener(e -> cache.remove(e.agentId()));
  }

  /**
   * Decides for one agent, now. The decision is computed once per change of the agent's claim; a
   * check is then a map lookup and a clock comparison (an override or the claim's age can change the
   * answer without a new claim), allocation-free.
   */
  public GateDecision check(String agentId) {
    long nowMillis = locations.clock().millis();
    if (!overrides.isEmpty()) {
      Override o = overrides.get(agentId);
      if (o != null && nowMillis < o.until().toEpochMilli()) {
        return new GateDecision.Allow(agentId, "override by " + o.admin() + " until " + o.until() + ": " + o.reason());
      }
    }
    Cached c = cache.get(agentId);
    if (c == null) {
      AgentLocation current = locations.current(agentId).orElse(null);
      Cached computed = compute(agentId, current);
      // cache it only if the claim is still the one it was computed from (a change removes entries under the same key lock)
      cache.compute(agentId, (k, old) -> locations.current(k).orElse(null) == current ? computed : old);
      c = computed;
    }
    return nowMillis >= c.staleAtMillis() ? c.staleBlock() : c.decision();
  }

  private Cached compute(String agentId, AgentLocation current) {
    GateDecision decision = decide(agentId, current);
    long staleAt = Long.MAX_VALUE;
    GateDecision staleBlock = decision;
    if (current != null && decision.allowed() && current.isVerified() && current.source() != LocationSource.NETWORK_MATCH) {
      staleAt = current.since().plus(policies.maxVerificationAge()).toEpochMilli();
      staleBlock = stale(agentId);
    }
    return new Cached(current, decision, staleAt, staleBlock);
  }

  private GateDecision.Block stale(String agentId) {
    return new GateDecision.Block(agentId, GateDecision.Reason.STALE, "Please confirm your work address again: "
        + "your last confirmation is older than the " + policies.maxVerificationAge().toHours() + " hours it lasts.");
  }

  /** The decision for a claim, apart from overrides and ageing, which {@link #check} applies. */
  private GateDecision decide(String agentId, AgentLocation current) {
    Optional<Agent> agent = locations.agent(agentId);
    if (agent.isEmpty()) {
      return new GateDecision.Block(agentId, GateDecision.Reason.UNKNOWN_AGENT,
          "You are not set up for emergency calling yet. Ask your supervisor to add you to e911.");
    }
    Site site = locations.site(agent.get().siteId()).orElseThrow();
    if (current == null) {
      return new GateDecision.Block(agentId, GateDecision.Reason.NO_LOCATION,
          "Before you take calls, confirm the address you are working from, so a 911 call reaches the right responders.");
    }
    AgentLocation l = current;
    Dispatchability d = l.address().dispatchability();
    if (!d.dispatchable() && l.source() != LocationSource.SITE_DEFAULT) {
      return new GateDecision.Block(agentId, GateDecision.Reason.NOT_DISPATCHABLE,
          "Your emergency address is incomplete: " + d.gaps().get(0).description() + ". Please update it.");
    }
    if (l.verification() == VerificationState.STALE) {
      return stale(agentId);
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
    // the router's rule: a location's ELIN leads the PSAP to that location, so it is a callback number
    // only for an agent who is there, not for a remote agent merely defaulted to the site's location
    boolean atTheLocation = l.source() != LocationSource.SITE_DEFAULT || site.kind() == Site.Kind.FIXED;
    boolean hasCallback = agent.get().did().isPresent()
        || (atTheLocation && l.locationId().flatMap(locations::location).map(loc -> !loc.elins().isEmpty()).orElse(false))
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

}
