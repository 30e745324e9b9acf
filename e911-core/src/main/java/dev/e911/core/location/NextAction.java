package dev.e911.core.location;

/** What must happen after an observation, for the platform integration to act on. */
public enum NextAction {
  /** Nothing: the agent's location is verified for this network. */
  NONE,
  /** Ask the agent to confirm the address they are working from (the platform's location prompt). */
  PROMPT,
  /** The verification is older than the policy allows: ask the agent to confirm it again. */
  REVERIFY,
  /** The agent is not known to e911; an administrator must add them. */
  UNKNOWN_AGENT
}
