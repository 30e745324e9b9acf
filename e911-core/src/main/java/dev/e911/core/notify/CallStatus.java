package dev.e911.core.notify;

import dev.e911.api.spi.EmergencyNotification;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of where one call's notification stands: the notification itself, the state, the escalation
 * groups reached so far, whether a person's acknowledgement is required and who gave it, whether the
 * dispatcher is finished with the call ({@link #settled()}), and when the state last changed.
 */
public final class CallStatus {

  /** Where a call's notification stands. */
  public enum State {
    /** Being delivered; nobody has taken it yet. */
    PENDING,
    /** At least one notifier took it and no acknowledgement is required. */
    DELIVERED,
    /** Delivered, but a person still has to acknowledge it; re-sent and escalated until then. */
    AWAITING_ACKNOWLEDGEMENT,
    /** A person acknowledged it. */
    ACKNOWLEDGED,
    /** Every notifier of every group failed for good. */
    FAILED,
    /** The maximum escalation time passed without acknowledgement (or without any delivery). */
    GAVE_UP,
    /** Never attempted: the queue was full or the dispatcher closed (see {@link DispatchResult.Rejected}). */
    REJECTED
  }

  /** Who acknowledged the call, and when. */
  public record Acknowledgement(String by, Instant at) {
    public Acknowledgement {
      Objects.requireNonNull(by, "by");
      Objects.requireNonNull(at, "at");
    }
  }

  private final EmergencyNotification notification;
  private final State state;
  private final List<String> groupsReached;
  private final boolean acknowledgementRequired;
  private final Acknowledgement acknowledgement;
  private final boolean settled;
  private final Instant updatedAt;

  CallStatus(EmergencyNotification notification, State state, List<String> groupsReached, boolean acknowledgementRequired,
      Acknowledgement acknowledgement, boolean settled, Instant updatedAt) {
    this.notification = Objects.requireNonNull(notification, "notification");
    this.state = Objects.requireNonNull(state, "state");
    this.groupsReached = List.copyOf(groupsReached);
    this.acknowledgementRequired = acknowledgementRequired;
    this.acknowledgement = acknowledgement;
    this.settled = settled;
    this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** The call id. */
  public String callId() {
    return notification.callId();
  }

  /** The notification as it is sent. */
  public EmergencyNotification notification() {
    return notification;
  }

  /** The current state. */
  public State state() {
    return state;
  }

  /** The names of the escalation groups reached so far, in order (empty for a rejected call). */
  public List<String> groupsReached() {
    return groupsReached;
  }

  /** Whether a person has to acknowledge this call. */
  public boolean acknowledgementRequired() {
    return acknowledgementRequired;
  }

  /** Who acknowledged the call, if anybody did. */
  public Optional<Acknowledgement> acknowledgement() {
    return Optional.ofNullable(acknowledgement);
  }

  /** Whether the dispatcher will make no further attempt for this call (an attempt already running may still finish). */
  public boolean settled() {
    return settled;
  }

  /** When the state last changed, by the dispatcher's clock. */
  public Instant updatedAt() {
    return updatedAt;
  }

  @Override
  public String toString() {
    return "CallStatus[" + callId() + " " + state + (settled ? " settled" : "") + ", groups " + groupsReached
        + (acknowledgement == null ? "" : ", acknowledged by " + acknowledgement.by()) + "]";
  }
}
