package dev.e911.core.location;

import dev.e911.api.location.AgentLocation;
import dev.e911.core.network.NetworkMatch;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to an observation: the agent's location claim now (empty only for an unknown agent),
 * the rule that produced it, what must happen next, and the network evidence found.
 */
public record ObserveOutcome(String agentId, Optional<AgentLocation> location, Rule rule, NextAction next, NetworkMatch match) {
  public ObserveOutcome {
    Objects.requireNonNull(agentId, "agentId");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(next, "next");
    Objects.requireNonNull(match, "match");
  }
}
