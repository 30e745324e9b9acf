package dev.e911.core.notify;

import java.time.Instant;
import java.util.Objects;

/**
 * The record of one attempt to deliver one call's notification to one notifier: which notifier in which
 * escalation group, the attempt number for that notifier (1-based, counting every retry and re-send; 0 for a
 * {@link AttemptOutcome.NotAttempted} entry), why
 * it was made, when it started and ended by the dispatcher's clock, its outcome, and whether the
 * dispatcher scheduled a retry because of it.
 */
public record DeliveryAttempt(String callId, String notifierId, String group, int attempt, Trigger trigger,
    Instant startedAt, Instant finishedAt, AttemptOutcome outcome, boolean willRetry) {

  /** Why an attempt was made. */
  public enum Trigger {
    /** The first attempt, when the call was dispatched. */
    INITIAL,
    /** After a retryable failure, with backoff. */
    RETRY,
    /** Re-sent because nobody had acknowledged the call yet. */
    RESEND,
    /** The first attempt to a group reached by escalation. */
    ESCALATION
  }

  public DeliveryAttempt {
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(notifierId, "notifierId");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
    Objects.requireNonNull(outcome, "outcome");
  }
}
