package dev.e911.genesys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.e911.genesys.internal.NotificationMapping;
import dev.e911.genesys.internal.NotificationMapping.Message;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The notifications client reads what the official SDK serializes: the fixtures under
 * {@code wire/notifications/} are checked against SDK 198.1.0 by {@link NotificationWireFixturesTest};
 * here the adapter's own decoder reads them.
 */
class NotificationMappingSdkFixturesTest {

  private final ObjectMapper mapper = new ObjectMapper();

  private static String fixture(String name) throws IOException {
    try (InputStream in = NotificationMappingSdkFixturesTest.class.getResourceAsStream("/" + NotificationWireFixturesTest.DIR + name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  @DisplayName("an SDK presence event decodes to the user's systemPresence and modifiedDate")
  void presence() throws IOException {
    Message m = NotificationMapping.decode(fixture("presence-event.json"));
    assertThat(m).isEqualTo(new Message.Presence("u-jane", "Available", "", java.util.Optional.of(Instant.parse("2026-11-26T12:00:01.250Z"))));
  }

  @Test
  @DisplayName("an SDK routing-status event decodes to the status and its start time")
  void routingStatus() throws IOException {
    Message m = NotificationMapping.decode(fixture("routing-status-event.json"));
    assertThat(m).isEqualTo(new Message.Presence("u-jane", "", "IDLE", java.util.Optional.of(Instant.parse("2026-11-26T12:00:01.250Z"))));
  }

  @Test
  @DisplayName("the SDK heartbeat is channel metadata")
  void heartbeat() throws IOException {
    assertThat(NotificationMapping.decode(fixture("heartbeat.json"))).isEqualTo(new Message.Metadata("WebSocket Heartbeat"));
  }

  @Test
  @DisplayName("our subscriptions body is the SDK's, and a Rejected topic in the SDK listing is reported with its reason")
  void subscriptions() throws IOException {
    JsonNode ours = mapper.readTree(mapper.writeValueAsString(NotificationMapping.subscriptionBody(List.of(
        "v2.users.u-jane.presence", "v2.users.u-jane.routingStatus", "v2.users.u-x.presence"))));
    assertThat(ours).isEqualTo(mapper.readTree(fixture("subscriptions-request.json")));
    assertThat(NotificationMapping.topics("u-jane")).containsExactly("v2.users.u-jane.presence", "v2.users.u-jane.routingStatus");
    List<String> rejected = NotificationMapping.rejected(mapper.readTree(fixture("channel-topics.json")));
    assertThat(rejected).singleElement().asString().startsWith("v2.users.u-x.presence").contains("does not exist");
  }

  @Test
  @DisplayName("the SDK channel gives the id, the websocket URI and the expiry")
  void channel() throws IOException {
    NotificationMapping.Channel c = NotificationMapping.channel(mapper.readTree(fixture("channel.json"))).orElseThrow();
    assertThat(c.id()).isEqualTo(NotificationWireFixturesTest.CHANNEL_ID);
    assertThat(c.connectUri()).startsWith("wss://streaming.").endsWith(c.id());
    assertThat(c.expires()).contains(Instant.parse("2026-11-27T12:00:00Z"));
  }
}
