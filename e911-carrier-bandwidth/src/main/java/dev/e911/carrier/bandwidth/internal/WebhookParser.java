package dev.e911.carrier.bandwidth.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.e911.api.spi.CarrierCallEvent;
import dev.e911.api.spi.WebhookRequest;
import dev.e911.api.spi.WebhookResult;
import dev.e911.carrier.bandwidth.BandwidthConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Reads Bandwidth's emergency-call notification (the Kari's Law CALLBACK recipient's HTTPS POST).
 * Bandwidth documents what it carries — time of call, originating number, subscriber name, the address
 * on file including line 2 — but <b>not the field names, the content type, retries or signing
 * (unverified)</b>. So this parser is deliberately tolerant: XML (hardened, like every payload) or
 * JSON or a form body, any nesting, field names matched by a list of likely spellings ignoring case
 * and punctuation. It never throws; what it cannot read is {@code Ignored} with a reason that names
 * the fields seen (never their values). An {@code e911s} order-status callback is recognised and
 * ignored. With configured webhook credentials, a request without the matching Basic
 * {@code Authorization} is ignored. Integrators should log the raw body (the library does not) until
 * Bandwidth confirms the format, and must not make their Kari's Law duty depend on this webhook.
 */
public final class WebhookParser {

  private static final List<String> CALLING = List.of("callingnumber", "callingtelephonenumber", "callingtn",
      "originatingnumber", "originatingtelephonenumber", "originatingtn", "callernumber", "callerid", "ani",
      "fromnumber", "from", "callbacknumber", "telephonenumber", "tn", "phonenumber", "endpoint");
  private static final List<String> DIALLED = List.of("dialednumber", "diallednumber", "dialeddigits", "dialed",
      "dialled", "callednumber", "tonumber", "to", "destination", "emergencynumber");
  private static final List<String> TIME = List.of("timeofcall", "calltime", "callstarttime", "starttime", "eventtime",
      "occurredat", "timestamp", "datetime", "createdat", "time", "date");
  private static final List<String> NAME = List.of("callername", "subscribername", "cnam", "displayname", "name");
  private static final List<String> ID = List.of("eventid", "notificationid", "callid", "id", "uuid");
  private static final List<String> ADDRESS_OBJECTS = List.of("addressonfile", "address", "location", "civicaddress",
      "dispatchableaddress", "serviceaddress");
  private static final List<String> ADDRESS_PARTS = List.of("addressline1", "address1", "housenumber", "predirectional",
      "streetname", "streetsuffix", "postdirectional", "addressline2", "address2", "city", "community", "state",
      "statecode", "zip", "postalcode", "zipcode", "country");

  private final Optional<BandwidthConfig.WebhookCredentials> credentials;
  private final Clock clock;
  private final Payloads payloads = new Payloads(WebhookRequest.MAX_BODY_BYTES);

  /** A parser that checks {@code credentials} when present and stamps events without a time with {@code clock}. */
  public WebhookParser(Optional<BandwidthConfig.WebhookCredentials> credentials, Clock clock) {
    this.credentials = credentials;
    this.clock = clock;
  }

  /** Parses one request; never throws. */
  public WebhookResult parse(WebhookRequest request) {
    try {
      return parseChecked(request);
    } catch (RuntimeException e) {
      return new WebhookResult.Ignored("the webhook could not be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  private WebhookResult parseChecked(WebhookRequest request) {
    if (credentials.isPresent() && !authorized(request)) {
      return new WebhookResult.Ignored("the request does not carry the configured webhook Basic credentials");
    }
    byte[] body = request.body();
    if (body.length > WebhookRequest.MAX_BODY_BYTES) {
      return new WebhookResult.Ignored("the body is " + body.length + " bytes, more than the "
          + WebhookRequest.MAX_BODY_BYTES + " read");
    }
    String text = new String(body, StandardCharsets.UTF_8).strip();
    if (text.isEmpty()) {
      return new WebhookResult.Ignored("the body is empty");
    }
    String type = request.contentType().toLowerCase(Locale.ROOT);
    Map<String, String> fields = new LinkedHashMap<>();
    Map<String, String> address = new LinkedHashMap<>();
    try {
      if (type.contains("json") || text.startsWith("{") || text.startsWith("[")) {
        flatten(payloads.readJson(body), "", fields, address);
      } else if (type.contains("xml") || text.startsWith("<")) {
        flatten(payloads.readXml(body), "", fields, address);
      } else if (type.contains("x-www-form-urlencoded")) {
        for (String pair : text.split("&")) {
          int eq = pair.indexOf('=');
          String k = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
          String v = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
          fields.putIfAbsent(norm(k), v.strip());
        }
      } else {
        return new WebhookResult.Ignored("the body is neither JSON nor XML nor a form (content type not understood)");
      }
    } catch (MalformedPayloadException e) {
      return new WebhookResult.Ignored("the body could not be read: " + e.getMessage());
    }
    if (fields.containsKey("ordertype") || fields.containsKey("subscriptionid")) {
      return new WebhookResult.Ignored("an order-status notification (OrderType/SubscriptionId), not an emergency call");
    }
    Optional<String> calling = first(fields, CALLING).filter(v -> v.chars().filter(Character::isDigit).count() >= 3);
    if (calling.isEmpty()) {
      return new WebhookResult.Ignored("no calling number found; fields seen: " + new TreeSet<>(fields.keySet()));
    }
    Instant when = first(fields, TIME).flatMap(WebhookParser::instant).orElseGet(clock::instant);
    String id = first(fields, ID).orElseGet(() -> "sha256:" + sha256(body));
    String addressText = address.isEmpty() ? compose(fields) : String.join(", ", address.values());
    return new WebhookResult.Parsed(new CarrierCallEvent(id, when, calling.get(), first(fields, DIALLED).orElse(""),
        first(fields, NAME).orElse(""), addressText));
  }

  private boolean authorized(WebhookRequest request) {
    BandwidthConfig.WebhookCredentials c = credentials.orElseThrow();
    String expected = "Basic " + Base64.getEncoder().encodeToString(
        (c.username().reveal() + ":" + c.password().reveal()).getBytes(StandardCharsets.UTF_8));
    for (Map.Entry<String, List<String>> h : request.headers().entrySet()) {
      if (h.getKey().equalsIgnoreCase("Authorization")) {
        for (String v : h.getValue()) {
          if (MessageDigest.isEqual(v.strip().getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Leaves by normalised name (first wins); the leaves of the first address-like object separately. */
  private static void flatten(JsonNode node, String name, Map<String, String> fields, Map<String, String> address) {
    if (node.isObject()) {
      if (address.isEmpty() && ADDRESS_OBJECTS.contains(name)) {
        collectLeaves(node, address);
        if (!address.isEmpty()) {
          return;
        }
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        flatten(e.getValue(), norm(e.getKey()), fields, address);
      }
    } else if (node.isArray()) {
      node.forEach(n -> flatten(n, name, fields, address));
    } else {
      Nodes.scalar(node).ifPresent(v -> fields.putIfAbsent(name, v));
    }
  }

  private static void collectLeaves(JsonNode node, Map<String, String> out) {
    if (node.isContainerNode()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getValue().isContainerNode()) {
          collectLeaves(e.getValue(), out);
        } else {
          Nodes.scalar(e.getValue()).ifPresent(v -> out.putIfAbsent(norm(e.getKey()), v));
        }
      }
      if (node.isArray()) {
        node.forEach(n -> collectLeaves(n, out));
      }
    }
  }

  private static String compose(Map<String, String> fields) {
    List<String> parts = new ArrayList<>();
    for (String p : ADDRESS_PARTS) {
      String v = fields.get(p);
      if (v != null && !parts.contains(v)) {
        parts.add(v);
      }
    }
    if (parts.isEmpty()) {
      for (String p : ADDRESS_OBJECTS) {
        if (fields.containsKey(p)) {
          return fields.get(p);
        }
      }
    }
    return String.join(", ", parts);
  }

  private static Optional<String> first(Map<String, String> fields, List<String> names) {
    for (String n : names) {
      String v = fields.get(n);
      if (v != null && !v.isBlank()) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  private static String norm(String key) {
    return key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  static Optional<Instant> instant(String raw) {
    String s = raw.strip();
    if (s.matches("[0-9]{13}")) {
      return Optional.of(Instant.ofEpochMilli(Long.parseLong(s)));
    }
    if (s.matches("[0-9]{9,10}")) {
      return Optional.of(Instant.ofEpochSecond(Long.parseLong(s)));
    }
    try {
      return Optional.of(OffsetDateTime.parse(s).toInstant());
    } catch (DateTimeParseException e) {
      // next form
    }
    try {
      return Optional.of(ZonedDateTime.parse(s).toInstant());
    } catch (DateTimeParseException e) {
      // next form
    }
    try {
      return Optional.of(LocalDateTime.parse(s).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static String sha256(byte[] body) {
    try {
      return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)).substring(0, 32);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
