package dev.e911.carrier.bandwidth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e911.api.spi.CarrierCallEvent;
import dev.e911.api.spi.Secret;
import dev.e911.api.spi.WebhookRequest;
import dev.e911.api.spi.WebhookResult;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The webhook format is not public: these bodies are guesses composed from what Bandwidth says it carries. */
@DisplayName("emergency-call webhook, read by best effort")
class WebhookTest {

  private final TestTime time = new TestTime();
  private final BandwidthCarrier adapter = BandwidthCarrier.builder(BandwidthConfig.builder(BandwidthConfig.Mode.DASHBOARD)
      .accountId("42").basic(Secret.of("api-user-42"), Secret.of("api-pass-42")).build()).clock(time).sleeper(time).build();

  @AfterEach
  void close() {
    adapter.close();
  }

  private WebhookResult parse(BandwidthCarrier a, String contentType, String body, Map<String, List<String>> headers) {
    return a.parseWebhook(new WebhookRequest(contentType, headers, body.getBytes(StandardCharsets.UTF_8)));
  }

  private WebhookResult parse(String contentType, String body) {
    return parse(adapter, contentType, body, Map.of());
  }

  @Test
  void a_json_notification_is_mapped_into_a_call_event() {
    WebhookResult r = parse("application/json", "{\"notificationId\":\"n-77\",\"timeOfCall\":\"2026-11-25T16:02:03Z\","
        + "\"callingNumber\":\"+18135550142\",\"dialedNumber\":\"911\",\"callerName\":\"ACME Support A417\","
        + "\"address\":{\"addressLine1\":\"2210 W HARBOUR VIEW BLVD\",\"addressLine2\":\"STE 410\",\"city\":\"TAMPA\",\"state\":\"FL\",\"zip\":\"33602\"}}");
    assertThat(r).isEqualTo(new WebhookResult.Parsed(new CarrierCallEvent("n-77", Instant.parse("2026-11-25T16:02:03Z"),
        "+18135550142", "911", "ACME Support A417", "2210 W HARBOUR VIEW BLVD, STE 410, TAMPA, FL, 33602")));
  }

  @Test
  void an_xml_notification_with_other_spellings_is_mapped_too() {
    WebhookResult r = parse("application/xml", "<EmergencyCallNotification><CallTime>1795622523000</CallTime>"
        + "<OriginatingNumber>8135550142</OriginatingNumber><To>933</To><SubscriberName>A417</SubscriberName>"
        + "<AddressLine1>2210 W HARBOUR VIEW BLVD</AddressLine1><City>TAMPA</City><State>FL</State></EmergencyCallNotification>");
    assertThat(r).isInstanceOfSatisfying(WebhookResult.Parsed.class, p -> {
      assertThat(p.event().callingNumber()).isEqualTo("8135550142");
      assertThat(p.event().dialled()).isEqualTo("933");
      assertThat(p.event().callerName()).isEqualTo("A417");
      assertThat(p.event().occurredAt()).isEqualTo(Instant.ofEpochMilli(1795622523000L));
      assertThat(p.event().addressOnFile()).isEqualTo("2210 W HARBOUR VIEW BLVD, TAMPA, FL");
      assertThat(p.event().eventId()).startsWith("sha256:");
    });
  }

  @Test
  void without_a_time_the_event_is_stamped_with_the_clock_not_dropped() {
    assertThat(parse("application/json", "{\"from\":\"+18135550142\"}")).isInstanceOfSatisfying(WebhookResult.Parsed.class,
        p -> assertThat(p.event().occurredAt()).isEqualTo(TestTime.START));
  }

  @Test
  void a_body_without_a_calling_number_is_ignored_naming_the_fields_seen_not_their_values() {
    assertThat(parse("application/json", "{\"foo\":\"private-value\",\"bar\":{\"baz\":1}}"))
        .isInstanceOfSatisfying(WebhookResult.Ignored.class, i -> assertThat(i.reason()).contains("baz", "foo").doesNotContain("private-value"));
  }

  @Test
  void an_order_status_callback_is_recognised_and_ignored() {
    assertThat(parse("application/xml", "<Notification><SubscriptionId>s1</SubscriptionId><OrderType>e911s</OrderType>"
        + "<OrderId>o1</OrderId><Status>COMPLETE</Status><CompletedTelephoneNumbers><TelephoneNumber>8135550142</TelephoneNumber>"
        + "</CompletedTelephoneNumbers></Notification>"))
        .isInstanceOfSatisfying(WebhookResult.Ignored.class, i -> assertThat(i.reason()).contains("order-status"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"<a><b>unclosed</a>", "{\"from\": ", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x><from>&e;</from></x>",
      "just some text", ""})
  void unreadable_bodies_are_ignored_with_a_reason_never_thrown(String body) {
    assertThat(parse(body.startsWith("<") ? "text/xml" : "text/plain", body)).isInstanceOf(WebhookResult.Ignored.class);
  }

  @Test
  void a_body_over_the_bound_is_ignored_unread() {
    String big = "{\"from\":\"+18135550142\",\"pad\":\"" + "x".repeat(WebhookRequest.MAX_BODY_BYTES) + "\"}";
    assertThat(parse("application/json", big)).isInstanceOfSatisfying(WebhookResult.Ignored.class,
        i -> assertThat(i.reason()).contains("bytes"));
  }

  @Test
  void configured_webhook_credentials_are_required() {
    BandwidthCarrier guarded = BandwidthCarrier.builder(BandwidthConfig.builder(BandwidthConfig.Mode.DASHBOARD).accountId("42")
        .basic(Secret.of("api-user-42"), Secret.of("api-pass-42"))
        .webhookCredentials(Secret.of("hook-user"), Secret.of("hook-pass-123")).build()).clock(time).sleeper(time).build();
    String body = "{\"callingNumber\":\"+18135550142\"}";
    String good = "Basic " + Base64.getEncoder().encodeToString("hook-user:hook-pass-123".getBytes(StandardCharsets.UTF_8));
    String bad = "Basic " + Base64.getEncoder().encodeToString("hook-user:wrong".getBytes(StandardCharsets.UTF_8));
    assertThat(parse(guarded, "application/json", body, Map.of("authorization", List.of(good)))).isInstanceOf(WebhookResult.Parsed.class);
    assertThat(parse(guarded, "application/json", body, Map.of("Authorization", List.of(bad))))
        .isInstanceOfSatisfying(WebhookResult.Ignored.class, i -> assertThat(i.reason()).doesNotContain("hook-pass-123"));
    assertThat(parse(guarded, "application/json", body, Map.of())).isInstanceOf(WebhookResult.Ignored.class);
    guarded.close();
  }
}
