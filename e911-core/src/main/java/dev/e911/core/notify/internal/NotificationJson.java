package dev.e911.core.notify.internal;

import dev.e911.api.routing.RouteWarning;
import dev.e911.api.spi.EmergencyNotification;
import java.nio.charset.StandardCharsets;

/**
 * The webhook body: one flat JSON object, field names documented in {@code docs/notifications.md}.
 * Written by hand (the core keeps Jackson inside its json package); every string is escaped.
 */
public final class NotificationJson {

  /** The value of the {@code schema} field. */
  public static final String SCHEMA = "e911.notification.v1";

  private NotificationJson() {
  }

  /** The human label: tells a reader at a glance whether anybody must be dispatched. */
  public static String label(EmergencyNotification n) {
    return n.isTest() ? "TEST CALL (933) - do not dispatch" : "EMERGENCY 911 CALL";
  }

  /** The UTF-8 JSON body for {@code n}. */
  public static byte[] write(EmergencyNotification n, String notifierId, boolean acknowledgementRequired) {
    StringBuilder b = new StringBuilder(512);
    b.append('{');
    field(b, "schema", SCHEMA).append(',');
    field(b, "callId", n.callId()).append(',');
    b.append("\"test\":").append(n.isTest()).append(',');
    field(b, "label", label(n)).append(',');
    field(b, "classification", n.classification().name()).append(',');
    field(b, "occurredAt", n.occurredAt().toString()).append(',');
    field(b, "agentId", n.agentId()).append(',');
    field(b, "agentName", n.agentName()).append(',');
    field(b, "callbackNumber", n.callbackNumber()).append(',');
    field(b, "location", n.location()).append(',');
    field(b, "verification", n.verification().name()).append(',');
    b.append("\"warnings\":[");
    for (int i = 0; i < n.warnings().size(); i++) {
      RouteWarning w = n.warnings().get(i);
      if (i > 0) {
        b.append(',');
      }
      b.append('{');
      field(b, "code", w.code().name()).append(',');
      field(b, "message", w.message());
      b.append('}');
    }
    b.append("],");
    field(b, "notifier", notifierId).append(',');
    b.append("\"acknowledgementRequired\":").append(acknowledgementRequired);
    b.append('}');
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static StringBuilder field(StringBuilder b, String name, String value) {
    Text.jsonString(b, name);
    b.append(':');
    Text.jsonString(b, value);
    return b;
  }
}
