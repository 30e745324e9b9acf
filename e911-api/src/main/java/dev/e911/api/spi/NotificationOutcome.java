package dev.e911.api.spi;

import java.util.Objects;

/** Whether a notifier delivered a notification. */
public sealed interface NotificationOutcome {

  /** Handed over; {@code reference} identifies the delivery for acknowledgement and audit. */
  record Delivered(String reference) implements NotificationOutcome {
    public Delivered {
      reference = reference == null ? "" : reference;
    }
  }

  /** Not delivered; the dispatcher retries retryable failures with backoff. */
  record Failed(RemoteFailure failure) implements NotificationOutcome {
    public Failed {
      Objects.requireNonNull(failure, "failure");
    }
  }
}
