package dev.e911.core.notify;

import java.time.Instant;
import java.util.Objects;

/** The answer to {@link NotificationDispatcher#acknowledge}: recorded now, recorded before, or an unknown call. */
public sealed interface AckResult {

  /** Recorded; re-sends and escalation of the call stop. */
  record Acknowledged(String callId, String by, Instant at) implements AckResult {
    public Acknowledged {
      Objects.requireNonNull(callId, "callId");
      Objects.requireNonNull(by, "by");
      Objects.requireNonNull(at, "at");
    }
  }

  /** The call had already been acknowledged, by {@code by} at {@code at}; nothing changed. */
  record AlreadyAcknowledged(String callId, String by, Instant at) implements AckResult {
    public AlreadyAcknowledged {
      Objects.requireNonNull(callId, "callId");
      Objects.requireNonNull(by, "by");
      Objects.requireNonNull(at, "at");
    }
  }

  /** No call with this id is known (never dispatched, or evicted from the bounded history). */
  record UnknownCall(String callId) implements AckResult {
    public UnknownCall {
      Objects.requireNonNull(callId, "callId");
    }
  }
}
