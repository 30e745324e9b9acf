package dev.e911.core.notify;

import dev.e911.api.spi.EmergencyNotification;
import dev.e911.api.spi.EmergencyNotifier;
import dev.e911.api.spi.NotificationOutcome;
import dev.e911.api.spi.RemoteFailure;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** A notifier that answers from a script (then delivers), and remembers what it was sent. */
final class ScriptedNotifier implements EmergencyNotifier {

  private final String id;
  private final boolean ack;
  private final ArrayDeque<Supplier<NotificationOutcome>> script = new ArrayDeque<>();
  private final List<EmergencyNotification> received = new ArrayList<>();

  ScriptedNotifier(String id, boolean ack) {
    this.id = id;
    this.ack = ack;
  }

  static ScriptedNotifier delivering(String id) {
    return new ScriptedNotifier(id, false);
  }

  static ScriptedNotifier needingAck(String id) {
    return new ScriptedNotifier(id, true);
  }

  static NotificationOutcome fail(RemoteFailure.Kind kind) {
    return new NotificationOutcome.Failed(RemoteFailure.of(kind, "scripted " + kind));
  }

  static NotificationOutcome rateLimited(Duration retryAfter) {
    return new NotificationOutcome.Failed(new RemoteFailure(RemoteFailure.Kind.RATE_LIMITED, 429, "", "slow down", retryAfter));
  }

  synchronized ScriptedNotifier then(NotificationOutcome... outcomes) {
    for (NotificationOutcome o : outcomes) {
      script.add(() -> o);
    }
    return this;
  }

  synchronized ScriptedNotifier thenAnswer(Supplier<NotificationOutcome> answer) {
    script.add(answer);
    return this;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public boolean requiresAcknowledgement() {
    return ack;
  }

  @Override
  public NotificationOutcome send(EmergencyNotification notification) {
    Supplier<NotificationOutcome> next;
    synchronized (this) {
      received.add(notification);
      next = script.poll();
    }
    return next == null ? new NotificationOutcome.Delivered(id + "-" + notification.callId()) : next.get();
  }

  synchronized int sends() {
    return received.size();
  }

  synchronized List<EmergencyNotification> received() {
    return List.copyOf(received);
  }
}
