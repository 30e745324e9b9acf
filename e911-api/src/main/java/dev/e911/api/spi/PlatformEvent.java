package dev.e911.api.spi;

import java.time.Instant;
import java.util.Objects;

/** Something that happened on the platform that e911 reacts to, pushed through {@link PlatformAdapter#subscribe}. */
public sealed interface PlatformEvent {

  /** When the platform says it happened. */
  Instant at();

  /** A user's presence or routing status changed (e.g. to Available / On Queue). */
  record PresenceChanged(String userId, String presence, String routingStatus, Instant at) implements PlatformEvent {
    public PresenceChanged {
      Objects.requireNonNull(userId, "userId");
      presence = presence == null ? "" : presence;
      routingStatus = routingStatus == null ? "" : routingStatus;
      Objects.requireNonNull(at, "at");
    }
  }

  /** A user's station (phone) changed, which may move their calls to another site. */
  record StationChanged(String userId, String stationId, Instant at) implements PlatformEvent {
    public StationChanged {
      Objects.requireNonNull(userId, "userId");
      stationId = stationId == null ? "" : stationId;
      Objects.requireNonNull(at, "at");
    }
  }

  /** The event stream connected or dropped; while dropped, the adapter falls back to polling. */
  record ConnectionChanged(boolean connected, String reason, Instant at) implements PlatformEvent {
    public ConnectionChanged {
      reason = reason == null ? "" : reason;
      Objects.requireNonNull(at, "at");
    }
  }
}
