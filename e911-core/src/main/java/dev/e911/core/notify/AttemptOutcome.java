package dev.e911.core.notify;

import dev.e911.api.spi.RemoteFailure;
import java.time.Duration;
import java.util.Objects;

/**
 * What one delivery attempt to one notifier came to: delivered, failed (with the notifier's typed
 * failure), no answer within the attempt timeout (the notifier may still be hanging), or not attempted at
 * all (the dispatcher's queue was full or it was closed). None of them ever carries a credential.
 */
public sealed interface AttemptOutcome {

  /** Whether the notifier took the notification. */
  default boolean delivered() {
    return this instanceof Delivered;
  }

  /** Handed over; {@code reference} is the notifier's own delivery reference. */
  record Delivered(String reference) implements AttemptOutcome {
    public Delivered {
      Objects.requireNonNull(reference, "reference");
    }
  }

  /** The notifier reported a failure (or broke its contract by throwing, reported as a transient failure). */
  record Failed(RemoteFailure failure) implements AttemptOutcome {
    public Failed {
      Objects.requireNonNull(failure, "failure");
    }
  }

  /** The notifier did not return within {@code waited}; treated as a transient failure. */
  record NoAnswer(Duration waited) implements AttemptOutcome {
    public NoAnswer {
      Objects.requireNonNull(waited, "waited");
    }
  }

  /** The notifier was never called, for {@code reason} (a full queue, a closed dispatcher). */
  record NotAttempted(String reason) implements AttemptOutcome {
    public NotAttempted {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
