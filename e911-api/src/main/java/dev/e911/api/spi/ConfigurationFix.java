package dev.e911.api.spi;

import java.util.Objects;

/**
 * A change to the platform's configuration that removes a known 911 trap, aimed at one object
 * (a site, a phone, a route). Platforms apply it, or, in a dry run, describe the change they would make.
 */
public record ConfigurationFix(Kind kind, String targetId, String description) {

  /** The kinds of fix. */
  public enum Kind {
    /** Add the emergency number-plan entries ({@code ^911$}, {@code ^933$}, prefix variants). */
    ADD_EMERGENCY_NUMBER_PLAN,
    /** Force WebRTC media through TURN for a remote site's phones. */
    FORCE_TURN,
    /** Turn on the emergency-location prompt for WebRTC users. */
    LOCATION_PROMPT,
    /** Stop emergency routes from presenting a masked caller ID. */
    UNMASK_EMERGENCY_CALLER_ID
  }

  public ConfigurationFix {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(targetId, "targetId");
    description = description == null ? "" : description;
  }

  /** What applying (or dry-running) a fix did: whether it changed anything and the diff it made or would make. */
  public record Outcome(ConfigurationFix fix, boolean dryRun, boolean changed, String diff) {
    public Outcome {
      Objects.requireNonNull(fix, "fix");
      diff = diff == null ? "" : diff;
    }
  }
}
