package dev.e911.api.location;

/** Where an agent's location claim came from. */
public enum LocationSource {
  /** Matched from the network the agent is on (subnet, BSSID, switch port, public range). */
  NETWORK_MATCH,
  /** Entered or confirmed by the agent. */
  USER_CONFIRMED,
  /** Set by an administrator. */
  ADMIN_ASSIGNED,
  /** The default location of the agent's site (the last resort). */
  SITE_DEFAULT
}
