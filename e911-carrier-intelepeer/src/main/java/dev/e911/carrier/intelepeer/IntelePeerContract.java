package dev.e911.carrier.intelepeer;

import java.util.Locale;
import java.util.Optional;

/**
 * Which IntelePeer API the adapter speaks: {@link #V3}, the documented E911 number management
 * ({@code /_rest/v3/my/did/e911} and the DID list), or {@link #ASSUMED}, the validate / bind / read /
 * unbind / order contract with idempotency keys that e911 proposes in its carrier reference and that
 * IntelePeer has NOT published; use it only once IntelePeer confirms or offers it.
 */
public enum IntelePeerContract {
  /** The documented {@code /_rest/v3/my/did/e911} endpoints; no validation, coarse read-back. */
  V3("v3"),
  /** The ASSUMED {@code /e911/v1/...} contract of the carrier reference, section 8. */
  ASSUMED("assumed");

  private final String configName;

  IntelePeerContract(String configName) {
    this.configName = configName;
  }

  /** The name used in configuration ({@code v3}, {@code assumed}). */
  public String configName() {
    return configName;
  }

  /** The contract with this configuration name (case-insensitive). */
  public static Optional<IntelePeerContract> fromConfigName(String name) {
    for (IntelePeerContract c : values()) {
      if (c.configName.equals(name.strip().toLowerCase(Locale.ROOT))) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
