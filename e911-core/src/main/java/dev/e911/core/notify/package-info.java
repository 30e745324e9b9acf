/**
 * Kari's Law on-site notification of every emergency call. {@link dev.e911.core.notify.NotificationDispatcher}
 * takes an emergency route (or a ready {@link dev.e911.api.spi.EmergencyNotification}) off the call path,
 * delivers it to the configured {@link dev.e911.api.spi.EmergencyNotifier}s group by group on its own
 * bounded worker threads, retries retryable failures with backoff, re-sends and escalates what needs a
 * person's acknowledgement, and records every attempt. {@link dev.e911.core.notify.WebhookNotifier} posts a
 * signed JSON body ({@link dev.e911.core.notify.WebhookSignature}); {@link dev.e911.core.notify.LoggingNotifier}
 * writes one structured log line; {@link dev.e911.core.notify.NotifierFactory} builds either from the
 * configuration file's {@code notifiers}. See {@code docs/notifications.md}.
 */
package dev.e911.core.notify;
