package dev.e911.carrier.intelepeer.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.e911.api.spi.CarrierCallEvent;
import dev.e911.api.spi.WebhookRequest;
import dev.e911.api.spi.WebhookResult;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the ASSUMED call-event webhook of the carrier reference (section 8; IntelePeer documents no
 * webhook): a JSON body {@code {eventId, occurredAt, callingNumber, calledNumber, callerName,
 * address:{...}, locationId}}, at most {@link WebhookRequest#MAX_BODY_BYTES}. Anything else (wrong
 * content type, too large, not JSON, missing fields, a called number that is not 911 or 933) is
 * {@link WebhookResult.Ignored} with a reason that never echoes the body.
 */
public final class CallEventParser {

  private CallEventParser() {}

  /** Parses one webhook request. */
  public static WebhookResult parse(WebhookRequest request) {
    byte[] body = request.body();
    if (body.length > WebhookRequest.MAX_BODY_BYTES) {
      return new WebhookResult.Ignored("body of " + body.length + " bytes exceeds " + WebhookRequest.MAX_BODY_BYTES);
    }
    String type = request.contentType().toLowerCase(Locale.ROOT);
    if (!type.startsWith("application/json") && !type.matches("application/[a-z0-9.+-]*\\+json.*")) {
      return new WebhookResult.Ignored("content type is not JSON");
    }
    Optional<JsonNode> json = Json.parse(body).filter(JsonNode::isObject);
    if (json.isEmpty()) {
      return new WebhookResult.Ignored("body is not a JSON object");
    }
    JsonNode n = json.get();
    Optional<String> eventId = Json.text(n, "eventId").filter(s -> s.length() <= 128);
    Optional<String> calling = Json.text(n, "callingNumber").filter(s -> s.matches("\\+?[0-9]{10,15}"));
    Optional<String> called = Json.text(n, "calledNumber");
    Optional<Instant> at = Json.text(n, "occurredAt").flatMap(CallEventParser::instant);
    if (eventId.isEmpty() || calling.isEmpty() || at.isEmpty()) {
      return new WebhookResult.Ignored("not a call event: eventId, occurredAt (ISO-8601) and callingNumber are required");
    }
    if (called.isPresent() && !called.get().equals("911") && !called.get().equals("933")) {
      return new WebhookResult.Ignored("called number is neither 911 nor 933");
    }
    String address = Optional.ofNullable(n.get("address")).flatMap(IntelePeerAssumedGateway::wire)
        .map(WireAddress::oneLine).orElse("");
    String callerName = Json.text(n, "callerName").map(s -> s.length() > 128 ? s.substring(0, 128) : s).orElse("");
    return new WebhookResult.Parsed(new CarrierCallEvent(eventId.get(), at.get(), calling.get(), called.orElse(""),
        callerName, address));
  }

  private static Optional<Instant> instant(String s) {
    try {
      return Optional.of(Instant.parse(s));
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(java.time.OffsetDateTime.parse(s).toInstant());
      } catch (DateTimeParseException e2) {
        return Optional.empty();
      }
    }
  }
}
