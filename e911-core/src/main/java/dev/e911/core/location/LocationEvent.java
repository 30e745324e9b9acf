package dev.e911.core.location;

import dev.e911.api.location.AgentLocation;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One change of an agent's location claim, published to {@link LocationListener}s after it is stored. */
public record LocationEvent(String agentId, Optional<AgentLocation> before, AgentLocation after, Rule rule, String actor, Instant at) {
  public LocationEvent {
    Objects.requireNonNull(agentId, "agentId");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(at, "at");
  }
}
