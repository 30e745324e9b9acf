package dev.e911.api.spi;

import java.util.Objects;

/** The outcome of reading a carrier webhook: a call event, something else to ignore, or unsupported. */
public sealed interface WebhookResult {

  /** An emergency-call notification. */
  record Parsed(CarrierCallEvent event) implements WebhookResult {
    public Parsed {
      Objects.requireNonNull(event, "event");
    }
  }

  /** A request that is not a call notification, or one that could not be read; the reason says which. */
  record Ignored(String reason) implements WebhookResult {
    public Ignored {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** The carrier sends no webhooks. */
  record Unsupported() implements WebhookResult {}
}
