package dev.e911.core.notify;

import java.util.Objects;

/**
 * What {@link NotificationDispatcher#dispatch} did with a notification, decided without blocking:
 * accepted for delivery, not required (the routing rule says not to notify), or rejected — and then
 * recorded, logged and reported to the listeners, never dropped silently.
 */
public sealed interface DispatchResult {

  /** The call id the notification is recorded under. */
  String callId();

  /** Queued; delivery proceeds on the dispatcher's threads. */
  record Accepted(String callId) implements DispatchResult {
    public Accepted {
      Objects.requireNonNull(callId, "callId");
    }
  }

  /** The route's rule does not ask for an on-site notification; nothing was sent or recorded. */
  record NotRequired(String callId) implements DispatchResult {
    public NotRequired {
      Objects.requireNonNull(callId, "callId");
    }
  }

  /** Not delivered, for {@code reason}; the call's status is {@link CallStatus.State#REJECTED}. */
  record Rejected(String callId, Reason reason) implements DispatchResult {
    public Rejected {
      Objects.requireNonNull(callId, "callId");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Why a notification was rejected. */
  enum Reason {
    /** As many calls as the queue size are still being notified (see the overflow policy). */
    QUEUE_FULL,
    /** The dispatcher was closed. */
    CLOSED,
    /** A call with this id was dispatched before; the first one stands. */
    DUPLICATE_CALL_ID,
    /** An unexpected error (a bug, or a null notification); it was logged. */
    INTERNAL_ERROR
  }
}
