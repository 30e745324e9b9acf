package dev.e911.core.network;

import java.util.Objects;

/**
 * One piece of network evidence that points at a known location: its kind (and so its strength),
 * the location, and what matched (the prefix, BSSID pattern or switch port as configured).
 */
public record Evidence(Kind kind, String locationId, String matched) {

  /** Kinds of evidence, strongest first. */
  public enum Kind {
    /** The LLDP switch port (wired): the agent is at that desk. */
    SWITCH_PORT(4),
    /** The Wi-Fi access point. */
    BSSID(3),
    /** A local subnet. */
    SUBNET(2),
    /** The public egress range: weakest, a home office behind the corporate VPN egresses there too. */
    PUBLIC_RANGE(1);

    private final int strength;

    Kind(int strength) {
      this.strength = strength;
    }

    /** Higher is stronger. */
    public int strength() {
      return strength;
    }

    /** Whether this evidence alone may verify a location (everything but the public range). */
    public boolean verifies() {
      return this != PUBLIC_RANGE;
    }
  }

  public Evidence {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(locationId, "locationId");
    Objects.requireNonNull(matched, "matched");
  }

  @Override
  public String toString() {
    return kind + " " + matched + " -> " + locationId;
  }
}
