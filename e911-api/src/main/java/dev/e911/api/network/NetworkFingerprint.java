package dev.e911.api.network;

import dev.e911.api.validation.Violations;

/**
 * A canonical description of the network an agent was on, derived from a
 * {@link NetworkObservation}: the strongest evidence available (switch port, then Wi-Fi BSSID, then
 * public egress and local subnets). A location verified on one fingerprint is no longer verified on
 * another. The value is readable text, e.g. {@code bssid=00:11:22:33:44:55}.
 */
public record NetworkFingerprint(String value) {

  public NetworkFingerprint {
    Violations v = Violations.forType("NetworkFingerprint");
    v.check(value == null || value.isBlank(), "", "required", "is required");
    v.check(value != null && value.length() > 512, "", "length", "must be at most 512 characters");
    v.throwIfAny();
  }

  @Override
  public String toString() {
    return value;
  }
}
