package dev.e911.core.notify;

import dev.e911.api.spi.EmergencyNotifier;
import java.util.List;
import java.util.Objects;

/**
 * One rung of the escalation ladder: a named set of notifiers that are all sent the notification when the
 * rung is reached (the first rung at once, the next one when the previous did not confirm in time). A
 * rung confirms when a person acknowledges the call or, if none of its notifiers requires
 * acknowledgement, when any of them delivered.
 */
public record RecipientGroup(String name, List<EmergencyNotifier> notifiers) {

  public RecipientGroup {
    Objects.requireNonNull(name, "name");
    notifiers = List.copyOf(notifiers);
  }

  /** A group of these notifiers. */
  public static RecipientGroup of(String name, EmergencyNotifier... notifiers) {
    return new RecipientGroup(name, List.of(notifiers));
  }

  /** Whether any notifier of this group asks for a person's acknowledgement. */
  public boolean requiresAcknowledgement() {
    return notifiers.stream().anyMatch(EmergencyNotifier::requiresAcknowledgement);
  }
}
