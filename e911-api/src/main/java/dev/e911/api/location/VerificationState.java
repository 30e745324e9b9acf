package dev.e911.api.location;

/** How far an agent's location claim can be trusted for a 911 call. */
public enum VerificationState {
  /** Dispatchable, validated, provisioned, and confirmed on the network the agent is on now. */
  REMOTE_VERIFIED,
  /** Not (or no longer) confirmed for the current network; the agent must confirm. */
  UNVERIFIED,
  /** Was verified, but longer ago than the configured maximum age (e.g. one shift). */
  STALE
}
