package dev.e911.api.spi;

/**
 * A Kari's Law on-site notification sink (security desk console, webhook, e-mail bridge). The library
 * calls it asynchronously from a bounded dispatcher, never on the call path, and retries retryable
 * failures; so {@link #send} may block for its own timeout but should not block forever.
 * Implementations are thread-safe and never throw for a delivery problem.
 */
public interface EmergencyNotifier {

  /** The notifier's id, used in records and configuration. */
  String id();

  /** Delivers one notification. */
  NotificationOutcome send(EmergencyNotification notification);

  /** Whether deliveries must be acknowledged by a person; unacknowledged ones are re-sent and escalated. */
  default boolean requiresAcknowledgement() {
    return false;
  }
}
