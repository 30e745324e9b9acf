package dev.e911.core.notify.internal;

import dev.e911.api.spi.EmergencyNotification;
import java.util.stream.Collectors;

/**
 * The one structured line a {@code LoggingNotifier} writes: {@code key=value} pairs, free text quoted and
 * escaped so a hostile agent name cannot forge a second line. Holds only what the notification holds.
 */
public final class LogLine {

  private LogLine() {
  }

  public static String format(EmergencyNotification n, String notifierId, String recipient) {
    StringBuilder b = new StringBuilder(384);
    b.append("e911.notification kind=").append(n.isTest() ? "TEST" : "EMERGENCY");
    b.append(" label=");
    Text.logValue(b, NotificationJson.label(n));
    b.append(" callId=");
    Text.logValue(b, n.callId());
    b.append(" occurredAt=").append(n.occurredAt());
    b.append(" classification=").append(n.classification());
    b.append(" agentId=");
    Text.logValue(b, n.agentId());
    b.append(" agentName=");
    Text.logValue(b, n.agentName());
    b.append(" callback=");
    Text.logValue(b, n.callbackNumber());
    b.append(" verification=").append(n.verification());
    b.append(" location=");
    Text.logValue(b, n.location());
    b.append(" warnings=");
    Text.logValue(b, n.warnings().stream().map(w -> w.code().name()).collect(Collectors.joining(",")));
    b.append(" notifier=");
    Text.logValue(b, notifierId);
    if (!recipient.isEmpty()) {
      b.append(" recipient=");
      Text.logValue(b, recipient);
    }
    return b.toString();
  }
}
