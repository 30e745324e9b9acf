package dev.e911.genesys;

import static dev.e911.genesys.SdkWire.SDK;
import static dev.e911.genesys.SdkWire.assertFits;
import static dev.e911.genesys.SdkWire.assertRequestFits;
import static dev.e911.genesys.SdkWire.assertRequestFitsList;
import static dev.e911.genesys.SdkWire.sdkObject;
import static dev.e911.genesys.SdkWire.serverSet;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mypurecloud.sdk.v2.extensions.notifications.ChannelMetadataNotification;
import com.mypurecloud.sdk.v2.extensions.notifications.Metadata;
import com.mypurecloud.sdk.v2.extensions.notifications.NotificationEvent;
import com.mypurecloud.sdk.v2.model.Channel;
import com.mypurecloud.sdk.v2.model.ChannelTopic;
import com.mypurecloud.sdk.v2.model.ChannelTopicEntityListing;
import com.mypurecloud.sdk.v2.model.PresenceEventOrganizationPresence;
import com.mypurecloud.sdk.v2.model.PresenceEventUserPresence;
import com.mypurecloud.sdk.v2.model.UserRoutingStatusErrorInfo;
import com.mypurecloud.sdk.v2.model.UserRoutingStatusRoutingStatus;
import com.mypurecloud.sdk.v2.model.UserRoutingStatusUserRoutingStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The notification wire fixtures under {@code src/test/resources/wire/notifications/} (for the
 * notifications client's tests): each is what the official SDK serializes for its model ({@code Channel},
 * {@code ChannelTopicEntityListing}, the PUT subscriptions body {@code List<ChannelTopic>}, the
 * {@code v2.users.{id}.presence} body {@code PresenceEventUserPresence}, the {@code v2.users.{id}.routingStatus}
 * body {@code UserRoutingStatusUserRoutingStatus}, and websocket envelopes the SDK's {@code NotificationEvent}
 * reads). Run with {@code -De911.wire.write=true} to rewrite them from the models.
 */
@DisplayName("Wire fidelity: the notification fixtures are what the official Genesys Cloud SDK serializes")
class NotificationWireFixturesTest {

  static final String DIR = "wire/notifications/";
  static final Date EXPIRES = Date.from(Instant.parse("2026-11-27T12:00:00Z"));
  static final Date CHANGED = Date.from(Instant.parse("2026-11-26T12:00:01.250Z"));
  static final String CHANNEL_ID = "streaming-0-3f9c1b7e2d4a4e0f9a6b8c1d2e3f4a5b";

  static Channel channel() {
    return new Channel().id(CHANNEL_ID).connectUri("wss://streaming.usw2.pure.cloud/channels/" + CHANNEL_ID).expires(EXPIRES);
  }

  static ChannelTopic topic(String id) {
    return new ChannelTopic().id(id);
  }

  static List<ChannelTopic> subscriptions() {
    return List.of(topic("v2.users.u-jane.presence"), topic("v2.users.u-jane.routingStatus"), topic("v2.users.u-x.presence"));
  }

  static ChannelTopicEntityListing subscribed() {
    ChannelTopic jane = topic("v2.users.u-jane.presence").state(ChannelTopic.StateEnum.PERMITTED);
    ChannelTopic janeRouting = topic("v2.users.u-jane.routingStatus").state(ChannelTopic.StateEnum.PERMITTED);
    ChannelTopic rejected = topic("v2.users.u-x.presence").state(ChannelTopic.StateEnum.REJECTED)
        .rejectionReason("The user u-x does not exist or is not visible to this client");
    for (ChannelTopic t : List.of(jane, janeRouting, rejected)) {
      serverSet(t, "selfUri", "/api/v2/notifications/channels/" + CHANNEL_ID + "/subscriptions");
    }
    return new ChannelTopicEntityListing().entities(List.of(jane, janeRouting, rejected));
  }

  static PresenceEventUserPresence presenceBody() {
    return new PresenceEventUserPresence().source("PURECLOUD").primary(true).message("")
        .modifiedDate(CHANGED)
        .presenceDefinition(new PresenceEventOrganizationPresence().id("pd-available").systemPresence("Available"));
  }

  static UserRoutingStatusUserRoutingStatus routingBody() {
    return new UserRoutingStatusUserRoutingStatus().id("u-jane")
        .routingStatus(new UserRoutingStatusRoutingStatus().status(UserRoutingStatusRoutingStatus.StatusEnum.IDLE).startTime(CHANGED));
  }

  static UserRoutingStatusUserRoutingStatus routingErrorBody() {
    return new UserRoutingStatusUserRoutingStatus().id("u-jane")
        .routingStatus(new UserRoutingStatusRoutingStatus().status(UserRoutingStatusRoutingStatus.StatusEnum.OFF_QUEUE).startTime(CHANGED))
        .errorInfo(new UserRoutingStatusErrorInfo().errorCode("routing.status.change.failed").status(400)
            .correlationId("c0ffee00-1111-2222-3333-444455556666").userMessage("The agent could not go on queue"));
  }

  /** The websocket envelope: the SDK's {@code NotificationEvent} fields (it has no setters), body serialized by the SDK. */
  static ObjectNode envelope(String topic, Object body) {
    Metadata metadata = new Metadata();
    serverSet(metadata, "correlationId", "9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d");
    ObjectNode n = SDK.createObjectNode();
    n.put("topicName", topic);
    n.put("version", "2");
    n.set("eventBody", sdkObject(body));
    n.set("metadata", sdkObject(metadata));
    return n;
  }

  static ObjectNode heartbeat() {
    ChannelMetadataNotification m = new ChannelMetadataNotification();
    serverSet(m, "message", "WebSocket Heartbeat");
    ObjectNode n = SDK.createObjectNode();
    n.put("topicName", "channel.metadata");
    n.set("eventBody", sdkObject(m));
    return n;
  }

  static Map<String, JsonNode> fixtures() {
    Map<String, JsonNode> f = new LinkedHashMap<>();
    f.put("channel.json", sdkObject(channel()));
    f.put("subscriptions-request.json", SdkWire.sdkArray(subscriptions()));
    f.put("channel-topics.json", sdkObject(subscribed()));
    f.put("presence-event-body.json", sdkObject(presenceBody()));
    f.put("routing-status-event-body.json", sdkObject(routingBody()));
    f.put("routing-status-error-event-body.json", sdkObject(routingErrorBody()));
    f.put("presence-event.json", envelope("v2.users.u-jane.presence", presenceBody()));
    f.put("routing-status-event.json", envelope("v2.users.u-jane.routingStatus", routingBody()));
    f.put("heartbeat.json", heartbeat());
    return f;
  }

  static String read(String name) throws IOException {
    try (InputStream in = NotificationWireFixturesTest.class.getClassLoader().getResourceAsStream(DIR + name)) {
      assertThat(in).as("fixture %s%s on the test class path", DIR, name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  @DisplayName("every fixture file is exactly the SDK serialization of its model")
  void fixturesAreSdkSerialized() throws IOException {
    Map<String, JsonNode> expected = fixtures();
    if (Boolean.getBoolean("e911.wire.write")) {
      Path dir = Path.of("src/test/resources", DIR);
      Files.createDirectories(dir);
      for (Map.Entry<String, JsonNode> e : expected.entrySet()) {
        Files.writeString(dir.resolve(e.getKey()), SDK.writerWithDefaultPrettyPrinter().writeValueAsString(e.getValue()) + "\n");
      }
    }
    for (Map.Entry<String, JsonNode> e : expected.entrySet()) {
      assertThat(SdkWire.tree(read(e.getKey()))).as(e.getKey()).isEqualTo(e.getValue());
    }
  }

  @Test
  @DisplayName("each fixture reads back strictly into its SDK model with its values")
  void fixturesReadBack() throws IOException {
    Channel c = assertRequestFits(read("channel.json"), Channel.class);
    assertThat(c.getConnectUri()).startsWith("wss://streaming.usw2.pure.cloud/channels/");
    assertThat(c.getExpires()).isEqualTo(EXPIRES);

    assertThat(assertRequestFitsList(read("subscriptions-request.json"), ChannelTopic.class)).extracting(ChannelTopic::getId)
        .containsExactly("v2.users.u-jane.presence", "v2.users.u-jane.routingStatus", "v2.users.u-x.presence");
    ChannelTopicEntityListing topics = assertRequestFits(read("channel-topics.json"), ChannelTopicEntityListing.class);
    assertThat(topics.getEntities()).extracting(ChannelTopic::getState).containsExactly(ChannelTopic.StateEnum.PERMITTED,
        ChannelTopic.StateEnum.PERMITTED, ChannelTopic.StateEnum.REJECTED);

    PresenceEventUserPresence p = assertRequestFits(read("presence-event-body.json"), PresenceEventUserPresence.class);
    assertThat(p.getPresenceDefinition().getSystemPresence()).isEqualTo("Available");
    assertThat(p.getModifiedDate()).isEqualTo(CHANGED);
    UserRoutingStatusUserRoutingStatus r = assertRequestFits(read("routing-status-event-body.json"),
        UserRoutingStatusUserRoutingStatus.class);
    assertThat(r.getRoutingStatus().getStatus()).isEqualTo(UserRoutingStatusRoutingStatus.StatusEnum.IDLE);
    assertThat(assertRequestFits(read("routing-status-error-event-body.json"), UserRoutingStatusUserRoutingStatus.class)
        .getErrorInfo().getStatus()).isEqualTo(400);

    JavaType presenceEvent = SDK.getTypeFactory().constructParametricType(NotificationEvent.class, PresenceEventUserPresence.class);
    NotificationEvent<PresenceEventUserPresence> pe = assertFits(read("presence-event.json"), presenceEvent);
    assertThat(pe.getTopicName()).isEqualTo("v2.users.u-jane.presence");
    assertThat(pe.getEventBody().getPresenceDefinition().getId()).isEqualTo("pd-available");
    assertThat(pe.getMetadata().getCorrelationId()).isEqualTo("9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d");
    JavaType routingEvent = SDK.getTypeFactory().constructParametricType(NotificationEvent.class,
        UserRoutingStatusUserRoutingStatus.class);
    NotificationEvent<UserRoutingStatusUserRoutingStatus> re = assertFits(read("routing-status-event.json"), routingEvent);
    assertThat(re.getEventBody().getId()).isEqualTo("u-jane");
    JavaType heartbeat = SDK.getTypeFactory().constructParametricType(NotificationEvent.class, ChannelMetadataNotification.class);
    NotificationEvent<ChannelMetadataNotification> hb = assertFits(read("heartbeat.json"), heartbeat);
    assertThat(hb.getEventBody().getMessage()).isEqualTo("WebSocket Heartbeat");
  }
}
