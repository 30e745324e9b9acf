package dev.e911.core.gate;

import java.util.Objects;

/**
 * The availability gate's answer for one agent: {@link Allow} (with the basis, e.g. a verified home
 * address or an administrator's override) or {@link Block} with a machine-readable reason and the
 * message the agent sees.
 */
public sealed interface GateDecision {

  /** Whether the agent may go Available / On Queue. */
  boolean allowed();

  /** The agent may take calls. */
  record Allow(String agentId, String basis) implements GateDecision {
    public Allow {
      Objects.requireNonNull(agentId, "agentId");
      Objects.requireNonNull(basis, "basis");
    }

    @Override
    public boolean allowed() {
      return true;
    }
  }

  /** The agent must not take calls until the reason is resolved. */
  record Block(String agentId, Reason reason, String message) implements GateDecision {
    public Block {
      Objects.requireNonNull(agentId, "agentId");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(message, "message");
    }

    @Override
    public boolean allowed() {
      return false;
    }
  }

  /** Why an agent is blocked. */
  enum Reason {
    /** e911 does not know the agent. */
    UNKNOWN_AGENT,
    /** No location claim at all. */
    NO_LOCATION,
    /** The location is not verified for the agent's current network. */
    UNVERIFIED,
    /** The verification is older than the policy allows. */
    STALE,
    /** The address is not a dispatchable location. */
    NOT_DISPATCHABLE,
    /** No callback number a PSAP could dial is in place for the agent. */
    CALLBACK_NOT_PROVISIONED
  }
}
