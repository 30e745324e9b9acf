package dev.e911.genesys.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every detail of the Genesys Cloud notifications service the live hard stop relies on, in one place
 * (genesys-cloud.md sections 5 and 6): the topic names per user, the envelope, the heartbeat and
 * {@code socket_closing} topics, the ping text, the per-channel topic limit, and the shapes of the
 * presence and routing-status event bodies and of the REST poll. Details the reference marks
 * unverified are flagged here and nowhere else: the spelling of {@code systemPresence} in events
 * (both display and upper-snake are accepted; consumers normalise), the heartbeat interval (only the
 * configurable silence timeout depends on it), and the {@code ping}/{@code pong} health check.
 */
public final class NotificationMapping {

  private NotificationMapping() {}

  /** Topics one channel may hold. */
  public static final int MAX_TOPICS_PER_CHANNEL = 1000;
  /** Topics subscribed per user (presence and routing status). */
  public static final int TOPICS_PER_USER = 2;
  /** Largest envelope accepted; bigger messages are dropped. */
  public static final int MAX_MESSAGE_BYTES = 128 * 1024;
  /** The heartbeat / pong topic. */
  public static final String METADATA_TOPIC = "channel.metadata";
  /** The server's maintenance warning: move to a new channel. */
  public static final String SOCKET_CLOSING_TOPIC = "v2.system.socket_closing";
  /** The client health check; the server answers on {@link #METADATA_TOPIC} with {@code pong} (unverified). */
  public static final String PING = "{\"message\":\"ping\"}";
  /** The channels path. */
  public static final String CHANNELS = "/api/v2/notifications/channels";

  private static final Pattern USER_TOPIC = Pattern.compile("v2\\.users\\.([A-Za-z0-9._-]{1,128})\\.(presence|routingStatus)");
  private static final Pattern SAFE = Pattern.compile("[A-Za-z _-]{0,64}");

  /** The topics subscribed for one user. */
  public static List<String> topics(String userId) {
    return List.of("v2.users." + userId + ".presence", "v2.users." + userId + ".routingStatus");
  }

  /** The subscriptions body: {@code [{"id": topic}, ...]}. */
  public static JsonNode subscriptionBody(List<String> topics) {
    var body = Json.array();
    topics.forEach(t -> body.addObject().put("id", t));
    return body;
  }

  /** The topics of a {@code ChannelTopicEntityListing} whose {@code state} is {@code Rejected}, with the reason and missing permissions. */
  public static List<String> rejected(JsonNode listing) {
    return Json.elements(listing, "entities").stream()
        .filter(t -> Json.text(t, "state").equalsIgnoreCase("Rejected"))
        .map(t -> {
          String why = Json.text(t, "rejectionReason");
          List<String> missing = Json.elements(t, "missingPermissions").stream().map(JsonNode::asText).toList();
          return Json.text(t, "id") + (why.isEmpty() ? "" : " (" + why + ")") + (missing.isEmpty() ? "" : " missing " + missing);
        })
        .toList();
  }

  /** What the {@code POST /channels} answer holds. */
  public record Channel(String id, String connectUri, Optional<Instant> expires) {}

  /** The channel, or empty when the answer lacks a usable id or websocket URI. */
  public static Optional<Channel> channel(JsonNode body) {
    String id = Json.text(body, "id");
    String uri = Json.text(body, "connectUri");
    if (!id.matches("[A-Za-z0-9._-]{1,128}") || !(uri.startsWith("wss://") || uri.startsWith("ws://")) || uri.length() > 2048) {
      return Optional.empty();
    }
    return Optional.of(new Channel(id, uri, instant(Json.text(body, "expires"))));
  }

  /** One decoded websocket message. */
  public sealed interface Message {
    /** A heartbeat, pong or other channel metadata. */
    record Metadata(String message) implements Message {}

    /** The server will close this socket soon. */
    record SocketClosing() implements Message {}

    /** A presence ({@code routingStatus} empty) or routing-status ({@code presence} empty) change of a user. */
    record Presence(String userId, String presence, String routingStatus, Optional<Instant> at) implements Message {}

    /** Something not for us, or malformed; the reason is safe to log. */
    record Ignored(String reason) implements Message {}
  }

  /** Decodes one envelope {@code {topicName, version, eventBody, metadata}}; never throws. */
  public static Message decode(String text) {
    if (text.length() > MAX_MESSAGE_BYTES || text.getBytes(StandardCharsets.UTF_8).length > MAX_MESSAGE_BYTES) {
      return new Message.Ignored("message larger than " + MAX_MESSAGE_BYTES + " bytes");
    }
    Optional<JsonNode> parsed = Json.parse(text.getBytes(StandardCharsets.UTF_8));
    if (parsed.isEmpty() || !parsed.get().isObject()) {
      return new Message.Ignored("not a JSON object");
    }
    JsonNode env = parsed.get();
    String topic = Json.text(env, "topicName");
    JsonNode body = env.path("eventBody");
    if (topic.equals(METADATA_TOPIC)) {
      return new Message.Metadata(safe(Json.text(body, "message")));
    }
    if (topic.equals(SOCKET_CLOSING_TOPIC)) {
      return new Message.SocketClosing();
    }
    Matcher m = USER_TOPIC.matcher(topic);
    if (!m.matches() || !body.isObject()) {
      return new Message.Ignored("unexpected topic or body");
    }
    String user = m.group(1);
    if (m.group(2).equals("presence")) {
      String presence = Json.path(body, "presenceDefinition", "systemPresence");
      if (presence.isEmpty() || !SAFE.matcher(presence).matches()) {
        return new Message.Ignored("presence event without a valid systemPresence");
      }
      return new Message.Presence(user, presence, "", instant(Json.text(body, "modifiedDate")));
    }
    String status = Json.path(body, "routingStatus", "status");
    if (status.isEmpty() || !SAFE.matcher(status).matches()) {
      return new Message.Ignored("routing-status event without a valid status");
    }
    return new Message.Presence(user, "", status, instant(Json.path(body, "routingStatus", "startTime")));
  }

  /** The REST poll: {@code GET /api/v2/users?id=..&expand=presence,routingStatus} (a paged listing). */
  public static String pollPath(List<String> userIds) {
    StringBuilder sb = new StringBuilder(Paths.USERS).append("?expand=presence,routingStatus");
    userIds.forEach(id -> sb.append("&id=").append(GenesysClient.enc(id)));
    return sb.toString();
  }

  /** Users per poll request. */
  public static final int USERS_PER_POLL = 100;

  /** A user of the poll answer as a presence message (either field may be empty). */
  public static Message.Presence polled(JsonNode user) {
    String presence = Json.path(user, "presence", "presenceDefinition", "systemPresence");
    String status = Json.path(user, "routingStatus", "status");
    return new Message.Presence(Json.text(user, "id"), SAFE.matcher(presence).matches() ? presence : "",
        SAFE.matcher(status).matches() ? status : "", instant(Json.path(user, "presence", "modifiedDate")));
  }

  private static String safe(String s) {
    return SAFE.matcher(s).matches() ? s : "";
  }

  private static Optional<Instant> instant(String text) {
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
