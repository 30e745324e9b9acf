package dev.e911.core.notify;

/**
 * Observes a {@link NotificationDispatcher}: every delivery attempt as it is recorded and every change of
 * a call's status (acceptance, delivery, escalation, acknowledgement, giving up, rejection on overflow).
 * Both methods have empty defaults, so an implementation overrides only what it needs. They run on the
 * dispatcher's threads — or, for a rejected dispatch, on the caller's thread — so they must return
 * quickly and never block; whatever they throw is caught and logged.
 */
public interface NotificationListener {

  /** A delivery attempt was recorded. */
  default void onAttempt(DeliveryAttempt attempt) {
  }

  /** A call's status changed. */
  default void onStatus(CallStatus status) {
  }
}
