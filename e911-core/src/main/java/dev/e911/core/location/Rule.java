package dev.e911.core.location;

/**
 * The named rules of the location state machine; every transition says which rule produced it
 * ({@code docs/locations.md} explains each one).
 */
public enum Rule {
  /** A known office network (switch port, BSSID or subnet) whose location is dispatchable verifies the agent there. */
  KNOWN_NETWORK_VERIFIES,
  /** A known office network whose location is not dispatchable leaves the agent unverified there. */
  KNOWN_NETWORK_NOT_DISPATCHABLE,
  /** The same network as the confirmation, within the maximum age: nothing changes. */
  SAME_NETWORK_KEEPS_VERIFICATION,
  /** The same network, but the verification is older than the maximum age: STALE. */
  VERIFICATION_AGED,
  /** A different network than the one the location was verified on: UNVERIFIED, prompt again. */
  NETWORK_CHANGED,
  /** An unknown network and nothing verified: UNVERIFIED (the last address, or the site default), prompt. */
  UNKNOWN_NETWORK,
  /** The agent confirmed an address; the carrier validated it, the callback number is provisioned and the platform assigned. */
  CONFIRMED_AND_PROVISIONED,
  /** The agent confirmed a validated address; provisioning is queued and the agent stays unverified until it completes. */
  CONFIRMED_PROVISIONING_PENDING,
  /** An administrator assigned the location. */
  ADMIN_ASSIGNED,
  /** An administrator approved an address a user proposed on a company network. */
  APPROVED,
  /** A change accepted by another node sharing the store, picked up from the change feed. */
  REPLICATED
}
